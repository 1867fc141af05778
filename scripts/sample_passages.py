"""Sample candidate passages for the held-out feelings gold (benchmarks/gold/).

usage: python scripts/sample_passages.py [--shared ../shared] [--seed 32] [--out candidates.jsonl]
                                        [--exclude windows.json]

Draws windows of three consecutive sentences (``--sentences 3``) from the LitBank full texts, or of 5 to 15
sentences for the bond gold (``--sentences 8 --books ...``), and writes each as a reference into its book:
``{"id", "corpus", "book", "start", "end", "sha1", "stratum"}``, with the text itself only under
``"text"`` for the annotator to read (the gold files keep the reference alone). Sentences are split with
a plain regular expression (a full stop, ! or ? with closing quotes, then space and a capital or an opening
quote), inside paragraphs (blank lines part them). A window qualifies when it has one of a small list of
emotion words (a prefilter written for this script, not heartline's lexicon), so that reading the
candidates finds more that express a feeling; the annotator keeps only those that do. ``--exclude``
drops every window that overlaps one of a list of windows (a held-out gold's), so a development gold drawn
with another seed shares no text with it.

Strata, so that the gold has the cases the experiencer metric must cover:

* ``first-person``: books told by an "I" narrator (a fixed list);
* ``unnamed``: third-person books, windows that hold "the old man", "the stranger", "the child"...;
* ``third-person``: any other window of a third-person book.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from pathlib import Path

__all__ = ["FIRST_PERSON", "main", "sentences", "windows"]

ROOT = Path(__file__).resolve().parent.parent
LITBANK = "data/litbank/original"

FIRST_PERSON = [
    "1260_jane_eyre_an_autobiography.txt",
    "1400_great_expectations.txt",
    "2489_moby_dick.txt",
    "76_adventures_of_huckleberry_finn.txt",
    "345_dracula.txt",
    "84_frankenstein_or_the_modern_prometheus.txt",
    "209_the_turn_of_the_screw.txt",
    "219_heart_of_darkness.txt",
    "2775_the_good_soldier.txt",
    "271_black_beauty.txt",
    "6053_evelina_or_the_history_of_a_young_ladys_entrance_into_the_world.txt",
    "768_wuthering_heights.txt",
    "969_the_tenant_of_wildfell_hall.txt",
    "1661_the_adventures_of_sherlock_holmes.txt",
    "2166_king_solomons_mines.txt",
    "238_dear_enemy.txt",
    "1327_elizabeth_and_her_german_garden.txt",
    "95_the_prisoner_of_zenda.txt",
]

EMOTION_WORDS = re.compile(
    r"\b(lov(e|ed|es|ing)|fear(ed|ful)?|afraid|terr(or|ified|ible)|dread(ed)?|angry|anger|rage|furious|"
    r"indignant|joy(ful)?|glad|delight(ed)?|happ(y|iness)|sorr(y|ow)|grie(f|ved)|wept|tears|miserable|"
    r"despair|hope(d)?|trust(ed)?|hate(d)?|hatred|disgust(ed)?|contempt|surpris(e|ed)|astonish(ed|ment)|"
    r"amaze(d|ment)|anxious|anxiety|ashamed|shame|pity|pitied|jealous|envy|grateful|gratitude|admir(e|ed|ation)|"
    r"longed|longing|wish(ed)?|eager|alarm(ed)?|horror|shudder(ed)?|pleasure|pleased|vexed|annoyed|resent(ed|ment)|"
    r"tender(ness)?|affection|fond|adore(d)?|loathe(d)?|scorn(ed)?|wonder(ed)?|lonely|sad(ness)?)\b",
    re.IGNORECASE,
)
UNNAMED = re.compile(
    r"\b[Tt]he (old|young) (man|woman|lady|gentleman)\b|\b[Tt]he (stranger|child|boy|girl|woman|man|lady|"
    r"gentleman|captain|doctor|mother|father|servant|soldier|nurse|visitor)\b"
)
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘']?[A-Z])")
HEADING = re.compile(r"^\s*(CHAPTER|BOOK|PART|VOLUME|LETTER|STAVE)\b|^[^a-z]*$")


def sentences(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph)`` of each sentence of ``text`` (offsets into it), headings left out."""
    out: list[tuple[int, int, int]] = []
    for p, para in enumerate(re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)):
        body = para.group(0)
        if HEADING.match(body) or len(body) < 20:
            continue
        pos = 0
        for m in SENTENCE_END.finditer(body):
            end = m.start() + len(m.group(0).rstrip())
            out.append((para.start() + pos, para.start() + end, p))
            pos = m.end()
        if pos < len(body):
            out.append((para.start() + pos, para.start() + len(body), p))
    return out


def windows(text: str, size: int, max_paragraphs: int) -> list[tuple[int, int]]:
    """Spans of ``size`` consecutive sentences over at most ``max_paragraphs`` paragraphs."""
    sents = sentences(text)
    out = []
    for i in range(len(sents) - size + 1):
        group = sents[i : i + size]
        paras = {s[2] for s in group}
        if max(paras) - min(paras) + 1 > max_paragraphs:
            continue
        out.append((group[0][0], group[-1][1]))
    return out


def _relational(passage: str) -> bool:
    names = {m.group(1) for m in re.finditer(r"[a-z,;] ([A-Z][a-z]{2,})", passage)} - {"The", "But", "And", "God"}
    return len(EMOTION_WORDS.findall(passage)) >= 2 and len(names) >= 2


def _excluded(path: Path) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """The windows of ``path`` (a JSON list of ``{corpus, book, start, end}``) by (corpus, book)."""
    out: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for w in json.loads(path.read_text(encoding="utf-8")):
        out.setdefault((w["corpus"], w["book"]), []).append((int(w["start"]), int(w["end"])))
    return out


def _record(corpus: str, book: str, text: str, span: tuple[int, int], stratum: str, n: int) -> dict[str, object]:
    passage = text[span[0] : span[1]]
    return {
        # a PDNC book is "<Novel>/novel_text.txt": the novel's folder names it
        "id": f"{book.split('/')[0] if '/' in book else book.split('_')[0]}-{span[0]}",
        "corpus": corpus,
        "book": book,
        "start": span[0],
        "end": span[1],
        "sha1": hashlib.sha1(passage.encode("utf-8")).hexdigest(),
        "stratum": stratum,
        "draw": n,
        "text": passage,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--seed", type=int, default=32)
    ap.add_argument("--sentences", type=int, default=3)
    ap.add_argument("--per-book", type=int, default=0, help="candidates per book (0: by stratum, see below)")
    ap.add_argument("--corpus", default=LITBANK, help="folder under --shared holding the books")
    ap.add_argument("--books", nargs="*", help="book files (default: every .txt of the corpus)")
    ap.add_argument(
        "--max-paragraphs", type=int, default=0, help="paragraphs a window may span (0: 1 for 3 sentences, else 4)"
    )
    ap.add_argument("--out", type=Path, default=Path("candidates.jsonl"))
    ap.add_argument(
        "--exclude",
        type=Path,
        help="JSON list of windows ({corpus, book, start, end}) that a candidate must not overlap",
    )
    args = ap.parse_args(argv)
    excluded = _excluded(args.exclude) if args.exclude else {}

    rng = random.Random(args.seed)
    folder = args.shared / args.corpus
    books = args.books or sorted(p.name for p in folder.glob("*.txt"))
    max_paras = args.max_paragraphs or (1 if args.sentences <= 3 else 4)
    out = []
    third_person = 0
    for book in books:
        text = (folder / book).read_text(encoding="utf-8")
        wins = [w for w in windows(text, args.sentences, max_paras) if 120 <= w[1] - w[0] <= 350 * args.sentences]
        taken = excluded.get((args.corpus, book), [])
        wins = [w for w in wins if not any(w[0] < e and s < w[1] for s, e in taken)]
        emotional = [w for w in wins if EMOTION_WORDS.search(text[w[0] : w[1]])]
        rng.shuffle(emotional)
        if args.per_book:
            # bond windows: at least two emotion words and two names (capitalised words inside a sentence)
            emotional = [w for w in emotional if _relational(text[w[0] : w[1]])]
            picks = [
                (w, "first-person" if book in FIRST_PERSON else "third-person") for w in emotional[: args.per_book]
            ]
        elif book in FIRST_PERSON:
            picks = [(w, "first-person") for w in emotional[:5]]
        else:
            # one window with an unnamed person from every third-person book, and one more from every
            # second such book
            unnamed = [w for w in emotional if UNNAMED.search(text[w[0] : w[1]])]
            picks = [(w, "unnamed") for w in unnamed[:1]]
            if third_person % 2 == 0:
                picks += [(w, "third-person") for w in emotional if w not in unnamed][:1]
            third_person += 1
        for n, (w, stratum) in enumerate(picks):
            out.append(_record(args.corpus, book, text, w, stratum, n))
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} candidates from {len(books)} books -> {args.out}")


if __name__ == "__main__":
    main()
