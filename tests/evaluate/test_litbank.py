"""The LitBank evaluation on a tiny book written for this test, in LitBank's brat + CoNLL layout."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from heartline.cli import main
from heartline.errors import InputError
from heartline.evaluate.litbank import (
    align,
    evaluate_litbank,
    evaluate_litbank_paragraphs,
    gold_mentions,
    gold_quotes,
    paragraph_book,
    score_book,
    score_quote_kinds,
    score_quotes,
)
from heartline.pipeline import Pipeline
from heartline.story import Mention, Story

# tokenised as LitBank's files are: tokens separated by single spaces
TEXT = "Nora Vance sat down . She smiled . Owen Pike looked at Nora . He laughed . Owen left .\n"
# (token index of first, last, label, chain)
GOLD = [
    (0, 1, "PROP_PER", "Nora-0"),
    (5, 5, "PRON_PER", "Nora-0"),
    (8, 9, "PROP_PER", "Owen-1"),
    (12, 12, "PROP_PER", "Nora-0"),
    (14, 14, "PRON_PER", "Owen-1"),
    (17, 17, "PROP_PER", "Owen-1"),
]


@pytest.fixture()
def book(tmp_path: Path) -> Path:
    brat, conll = tmp_path / "coref" / "brat", tmp_path / "coref" / "conll"
    brat.mkdir(parents=True)
    conll.mkdir(parents=True)
    (brat / "1_test.txt").write_text(TEXT, encoding="utf-8")
    offs = [(m.start(), m.end()) for m in re.finditer(r"\S+", TEXT)]
    ann = [
        f"T{i}\t{label} {offs[a][0]} {offs[b][1]}\t{TEXT[offs[a][0] : offs[b][1]]}"
        for i, (a, b, label, _) in enumerate(GOLD)
    ]
    (brat / "1_test.ann").write_text("\n".join(ann) + "\n", encoding="utf-8")
    tags = [""] * len(offs)
    for a, b, _, chain in GOLD:
        if a == b:
            tags[a] += f"({chain})|"
        else:
            tags[a] += f"({chain}|"
            tags[b] += f"{chain})|"
    lines = [f"1_test\t0\t{i}\t{tok}\t{tags[i].rstrip('|') or '_'}" for i, tok in enumerate(TEXT.split())]
    (conll / "1_test.conll").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_reads_gold_chains(book: Path) -> None:
    text, gold = gold_mentions(book / "coref", "1_test")
    assert text == TEXT
    assert sorted((text[s:e], kind, chain) for s, e, kind, chain in gold)[:2] == [
        ("He", "PRON", "Owen-1"),
        ("Nora", "PROP", "Nora-0"),
    ]
    assert len(gold) == 6


def test_score_counts_found_and_right(book: Path) -> None:
    text, gold = gold_mentions(book / "coref", "1_test")
    story = Story(text)
    at = text.index
    story.mentions = [
        Mention(0, 10, "nora", "name"),
        Mention(at("She"), at("She") + 3, "nora", "pronoun"),
        Mention(at("Owen"), at("Owen") + 9, "owen", "name"),
        Mention(at("He"), at("He") + 2, "nora", "pronoun"),
    ]
    c = score_book(story, gold)
    assert c["total"]["PROP"] == 4 and c["total"]["PRON"] == 2
    assert c["found"]["PROP"] == 2 and c["right"]["PRON"] == 1
    assert c["pred"]["all"] == 4 and c["pred"]["true"] == 4


def test_end_to_end_and_cli(book: Path) -> None:
    result = evaluate_litbank(book)
    assert result["books"] == 1 and result["mentions"] == {"PROP": 4, "PRON": 2}
    assert result["detection"]["recall"] == 1.0
    assert result["right_all"] >= 0.8
    assert result["quotes"] == {"total": 0, "found": None, "speaker_right": None}  # no quotation layer here
    out = CliRunner().invoke(main, ["evaluate", "litbank", "--data", str(book)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["books"] == 1


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No LitBank coref data"):
        evaluate_litbank(tmp_path)


# A tokenised book with LitBank's quotation layer: one sentence per line, tokens between spaces.
DIALOGUE = [
    "Nora Vance sat by the fire , and the rain beat on the roof .",
    "Owen Pike came in from the yard , wet to the skin .",
    '" Where have you been , Owen ? " asked Nora .',
    '" Out with the sheep , " he said .',
    '" They are safe now . "',
    '" Then sit down and eat . "',
    "Owen sat down , and Nora gave him the bread .",
]
# (line, first token, line, last token, speaker)
QUOTES = [(2, 0, 2, 8, "NORA-0"), (3, 0, 3, 6, "OWEN-1"), (4, 0, 4, 6, "OWEN-1"), (5, 0, 5, 7, "NORA-0")]
# (line, first token, last token, entity)
PEOPLE = [
    (0, 0, 1, "NORA-0"),
    (1, 0, 1, "OWEN-1"),
    (2, 6, 6, "OWEN-1"),
    (2, 10, 10, "NORA-0"),
    (3, 7, 7, "OWEN-1"),
    (6, 0, 0, "OWEN-1"),
    (6, 5, 5, "NORA-0"),
]


@pytest.fixture()
def talk(tmp_path: Path) -> Path:
    text = "\n".join(DIALOGUE) + "\n"
    for layer in ("brat", "conll", "tsv"):
        (tmp_path / "coref" / layer).mkdir(parents=True)
    (tmp_path / "quotations" / "tsv").mkdir(parents=True)
    (tmp_path / "coref" / "brat" / "2_talk.txt").write_text(text, encoding="utf-8")
    (tmp_path / "coref" / "brat" / "2_talk.ann").write_text("", encoding="utf-8")
    (tmp_path / "coref" / "conll" / "2_talk.conll").write_text("", encoding="utf-8")
    rows = []
    for i, (line, a, b, ent) in enumerate(PEOPLE):
        words = " ".join(DIALOGUE[line].split(" ")[a : b + 1])
        rows += [f"MENTION\tT{i}\t{line}\t{a}\t{line}\t{b}\t{words}\tPER\tPROP", f"COREF\tT{i}\t{ent}"]
    (tmp_path / "coref" / "tsv" / "2_talk.ann").write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = []
    for i, (l1, a, l2, b, ent) in enumerate(QUOTES):
        rows += [f"QUOTE\tQ{i}\t{l1}\t{a}\t{l2}\t{b}\t...", f"ATTRIB\tQ{i}\t{ent}"]
    (tmp_path / "quotations" / "tsv" / "2_talk.ann").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_reads_gold_quotes(talk: Path) -> None:
    text = (talk / "coref" / "brat" / "2_talk.txt").read_text(encoding="utf-8")
    quotes, people = gold_quotes(talk, "2_talk", text)
    assert [(text[s:e], who) for s, e, who in quotes][:2] == [
        ('" Where have you been , Owen ? "', "NORA-0"),
        ('" Out with the sheep , "', "OWEN-1"),
    ]
    assert [text[s:e] for s, e, _ in people][:3] == ["Nora Vance", "Owen Pike", "Owen"]


def test_quote_speakers_in_tokenised_text(talk: Path) -> None:
    """Spaced marks are quotes and each sentence-line is placed in a paragraph, so the untagged lines take
    turns: Owen goes on, then Nora answers."""
    result = evaluate_litbank(talk)
    assert result["quotes"] == {"total": 4, "found": 1.0, "speaker_right": 1.0}


def test_score_quotes_counts_a_wrong_speaker(talk: Path) -> None:
    text = (talk / "coref" / "brat" / "2_talk.txt").read_text(encoding="utf-8")
    quotes, people = gold_quotes(talk, "2_talk", text)
    story = Pipeline("segment,characters,speakers")(Story(text))
    for q in story.quotes:
        q.speaker = story.quotes[0].speaker
    assert score_quotes(story, quotes, people) == Counter(total=4, found=4, right=2)


# The same scene as the book's original text: a header before it, hard-wrapped lines, curly quote marks and
# blank lines between paragraphs, as Project Gutenberg writes it.
ORIGINAL = """The Project Gutenberg eBook of A Talk

CHAPTER I

Nora Vance sat by the fire, and the rain beat on the
roof. Owen Pike came in from the yard, wet to the skin.

\u201cWhere have you been, Owen?\u201d asked Nora.

\u201cOut with the sheep,\u201d he said. \u201cThey are safe now.\u201d

\u201cThen sit down and eat.\u201d

Owen sat down, and Nora gave him the bread.

CHAPTER II

Morning came.
"""


@pytest.fixture()
def original(talk: Path) -> Path:
    (talk / "original").mkdir()
    (talk / "original" / "2_talk.txt").write_text(ORIGINAL, encoding="utf-8")
    return talk


def test_align_matches_tokens_to_the_original() -> None:
    text = "\n".join(DIALOGUE) + "\n"
    where = align(text, ORIGINAL)
    start = text.index("Where")
    assert ORIGINAL[where[start] : where[start + 4] + 1] == "Where"
    quote = text.index('"')  # a straight mark in the excerpt, a curly one in the original
    assert ORIGINAL[where[quote]] == "\u201c"
    assert len(where) == sum(not c.isspace() for c in text)  # every character found
    assert align(text, "Nothing of the sort here.") == {}


def test_paragraph_book_moves_quotes_onto_the_original(original: Path) -> None:
    book = paragraph_book(original, "2_talk")
    assert book is not None
    text, quotes, people = book
    assert text.startswith("Nora Vance sat") and text.endswith("gave him the bread.")
    assert [(text[s:e], who) for s, e, who in quotes][:2] == [
        ("\u201cWhere have you been, Owen?\u201d", "NORA-0"),
        ("\u201cOut with the sheep,\u201d", "OWEN-1"),
    ]
    assert [text[s:e] for s, e, _ in people][:2] == ["Nora Vance", "Owen Pike"]


def test_quote_speakers_on_paragraphs(original: Path) -> None:
    """With paragraph breaks, the untagged line in Owen's paragraph goes on with him and the next paragraph
    is Nora's answer; three quotes have their speaker named (or "he") in their paragraph, one does not."""
    result = evaluate_litbank_paragraphs(original)
    assert result["books"] == 1 and result["unaligned"] == []
    assert result["quotes"] == {"total": 4, "found": 1.0, "speaker_right": 1.0}
    assert result["explicit"] == {"total": 3, "speaker_right": 1.0}
    assert result["other"] == {"total": 1, "speaker_right": 1.0}
    out = CliRunner().invoke(main, ["evaluate", "litbank", "--data", str(original), "--paragraphs"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["quotes"]["total"] == 4


def test_quote_kinds_count_a_wrong_speaker(original: Path) -> None:
    book = paragraph_book(original, "2_talk")
    assert book is not None
    text, quotes, people = book
    story = Pipeline("segment,characters,speakers")(Story(text))
    for q in story.quotes:
        q.speaker = story.quotes[0].speaker  # Nora says everything
    c = score_quote_kinds(story, quotes, people)
    assert c["explicit"] == Counter(total=3, found=3, right=1)
    assert c["other"] == Counter(total=1, found=1, right=1)


def test_paragraphs_leave_out_an_unmatched_book_and_need_the_originals(original: Path, tmp_path: Path) -> None:
    (original / "original" / "2_talk.txt").write_text("Another book altogether.\n", encoding="utf-8")
    assert evaluate_litbank_paragraphs(original)["unaligned"] == ["2_talk"]
    with pytest.raises(InputError, match="original texts"):
        evaluate_litbank_paragraphs(tmp_path / "nowhere")
