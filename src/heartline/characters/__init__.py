"""The "characters" step: who is in the story, and which words (names, pronouns) mean whom.

    names.py     capitalised runs judged person or not by evidence from the whole story; alias clusters
    resolve.py   genders learned from the story; pronouns resolved by a salience walk
    nominals.py  characters known by a description ("said the old gentleman")
    syntax.py    spaCy's parse of the few speech verbs whose subject is far from them
    tagged.py    the work's character tags (AO3) as the characters' canonical names

The token table and the word lists it reads are in :mod:`heartline.language`.

Fills ``story.characters`` (most mentioned first) and ``story.mentions`` (in text order), each mention with
its ``subject`` mark: the speakers step reads the references back from them. Mentions of "I" and "you"
inside quotes are added by the speakers step, once it knows who speaks to whom.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from ..language.lexicon import (
    ADDRESS_WORDS,
    FEMALE_NOUNS,
    KIN_ADJECTIVES,
    MALE_NOUNS,
    STYLE_OWNERS,
    SURNAME_TITLES,
    TITLE_STYLES,
    canonical_title,
    family_name_gender,
    given_name_gender,
    is_patronymic,
)
from ..language.tokens import Tok, story_tokens
from ..pipeline import register_step
from ..story import Character, Mention, Story
from .names import (
    Cluster,
    Form,
    NameWords,
    a_feeling_made_a_figure,
    add_capitals,
    attach_leftovers,
    cluster_forms,
    find_forms,
    gather_evidence,
    is_person,
    is_title,
    mark_apart,
    mark_eldest,
    miss_joins_her_given_name,
    ner_votes,
    slug,
    split_head_of_family,
    split_two_names,
)
from .nominals import (
    find_indefinite_actors,
    find_indefinite_speakers,
    find_nominal_speakers,
    is_generic,
    is_plural,
    nominal_occurrences,
    noun_gender,
)
from .resolve import Ref, Resolver, acting, learn_genders, narration_is_first_person
from .tagged import name_from_tags
from .unnamed import described_people, first_person_short, short_text

__all__ = ["find_characters", "make_characters"]


def find_characters(story: Story) -> None:
    """Fill ``story.characters`` and ``story.mentions`` (see the module docstring)."""
    toks = story_tokens(story)
    namewords = NameWords(toks)
    forms = find_forms(toks, namewords)
    split_two_names(toks, forms)
    add_capitals(toks, forms, namewords)
    mark_eldest(toks, forms)
    mark_apart(toks, forms)
    gather_evidence(toks, forms)
    short = short_text(toks)
    ner_votes(story, toks, forms, short)
    words: Counter[str] = Counter()
    for f in forms.values():
        for w in set(f.names):
            words[w] += f.count
    persons = [
        f
        for f in forms.values()
        if not a_feeling_made_a_figure(f)
        and (is_person(f, max(words[w] for w in f.names) - f.count) or (short and _unopposed(toks, f)))
    ]
    known = {f.names[0] for f in persons} | {f.names[-1] for f in persons}
    persons += [
        f
        for f in forms.values()
        if f not in persons
        and len(f.names) >= 2
        and f.person > f.other
        and (f.names[0] in known or f.names[-1] in known)
    ]  # "Elizabeth Bennet", once, beside "Elizabeth"
    form_genders = _form_genders(toks, persons)
    clusters = cluster_forms(persons, form_genders)
    attach_leftovers(clusters, [f for f in forms.values() if f not in persons], form_genders, namewords.low)
    clusters = miss_joins_her_given_name(split_head_of_family(toks, clusters), form_genders)
    clusters.sort(key=lambda c: -c.count)
    nominal_names = _add_nominals(toks, clusters, short)
    if short:
        nominal_names += _kin_names(toks, clusters)
    names = _name_refs(clusters)
    _qualified_names(story.text, toks, names, clusters)
    names = sorted(names + nominal_names, key=lambda r: r.first)
    names = sorted(names + _title_refs(toks, clusters, namewords, {r.first for r in names}), key=lambda r: r.first)
    titles = [c.titles for c in clusters]
    genders = learn_genders(toks, names, titles, [name_gender(f for f in c.forms) for c in clusters])
    for ci, c in enumerate(clusters):
        if c.nominal:  # "the old woman", "a lady in the group": the noun says, as a title does
            genders[ci] = noun_gender(c.nominal) or _KIN_NAMES.get(c.nominal[-1].lower()) or genders[ci]
            written = c.written_description()
            if is_plural(c.nominal) or (written is not None and not c.forms and _family_name(written)):
                genders[ci] = "they"  # "the girls", "the Bennets": never a "she" or a "he"
    first_person = narration_is_first_person(toks) or (short and first_person_short(toks))
    narrator = _narrator(toks, clusters, names) if first_person else None
    if first_person and narrator is None:
        clusters.append(Cluster([]))  # "the narrator", never named
        genders.append(None)
        narrator = len(clusters) - 1
    resolver = Resolver(
        toks,
        genders,
        [c.count for c in clusters],
        narrator,
        _families(clusters),
        describe=short,  # a novel's "the man" with no one near is a lapse of reach, not a new man
        short=short,
        nominal=[ci for ci, c in enumerate(clusters) if c.nominal],
        nominal_heads={
            c.nominal[1]: ci for ci, c in enumerate(clusters) if len(c.nominal) == 2 and c.nominal[0] == "the"
        },
    )
    refs = resolver.run(names)
    for described in resolver.described:  # "the old man", "her mother", "she": no one the story names
        clusters.append(Cluster([], nominal=described))
    genders = resolver.genders
    actors = acting(toks, refs)
    story.characters = _characters(clusters, genders, refs, actors, narrator)
    ids = [c.id for c in story.characters]
    story.mentions = [
        Mention(toks[r.first].start, _end(toks, r), ids[r.char], r.kind, r.subject)
        for r in [*refs, *resolver.written_to]
    ]
    story.mentions.sort(key=lambda m: m.start)
    # a description whose every mention went to someone else ("the general trend", "the poor creatures", "the
    # child" that is Flora) is no one
    mentioned = {m.character for m in story.mentions}
    story.characters = [c for c in story.characters if c.id in mentioned or c.narrator or not c.unnamed]
    if short:
        _name_by_address(story)
        _name_by_description(story)
    _descriptions_as_aliases(story)
    name_from_tags(story)  # a work's character tags (AO3) name the characters; nothing changes without them


_MOST_ALIASES = 5

# "her poor husband", "my late husband": how a speaker sees a relative the story never names, written before
# the family word a mention holds
_SEEN_AS = re.compile(
    r"\b(?:[Mm]y|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Yy]our)\s+(?:(?:" + "|".join(sorted(KIN_ADJECTIVES)) + r")\s+){1,2}\Z"
)


def _descriptions_as_aliases(story: Story) -> None:
    """Someone the story never names is also known by the other descriptions it uses for them: "the
    landlady" by "landlady" (of "his landlady"), the most used first, at most :data:`_MOST_ALIASES`."""
    said: dict[str, Counter[str]] = defaultdict(Counter)
    for m in story.mentions:
        if m.kind == "nominal":
            written = " ".join(story.span_text(m).split())
            seen = _SEEN_AS.search(story.text, max(0, m.start - 40), m.start)
            said[m.character][f"{' '.join(seen.group(0).split())} {written}" if seen else written] += 1
    for c in story.characters:
        if not c.unnamed or c.id not in said:
            continue
        known = {c.name.lower(), *(a.lower() for a in c.aliases)}
        more = [p for p, _ in said[c.id].most_common() if p.lower() not in known]
        c.aliases = [*c.aliases, *more[: max(0, _MOST_ALIASES - len(c.aliases))]]


# how a passage may call someone it never names: "Nay, Madame, it is no mask", "Thank you, dear papa."
_TITLES_OF_ADDRESS = (
    "Madame",
    "Madam",
    "Mademoiselle",
    "Monsieur",
    "Sir",
    "Ma'am",
    "Ma’am",
    "[Pp]apa",
    "[Mm]amma",
    "[Mm]ama",
    "[Ff]ather",
    "[Mm]other",
    "[Uu]ncle",
    "[Aa]unt",
)
_VOCATIVE = re.compile(
    r"(?:^|[,;!?.—]\s*|[“\"‘']\s*)(?:(?:[Mm]y\s+)?[Dd]ear(?:est)?\s+)?("
    + "|".join(_TITLES_OF_ADDRESS)
    + r")(?=\s*[,!?.;—”\"’])"
)


# "this girl", "that young man": a demonstrative description in the narration
_THIS_ONE = re.compile(r"\b(?:[Tt]his|[Tt]hat)\s+(?:[a-z]+\s+)?([a-z]+)\b")


def _name_by_description(story: Story) -> None:
    """In a short text, someone known only by a pronoun is named by the description the narration gives
    them: a description resolved to them ("the girl"), or, when no one else of their gender is there, "this
    girl" / "that young man" ("Having become conscious of this girl, Jimmy ..."). The pronoun stays an alias."""
    spoken = sorted((a, b) for q in story.quotes for a, b in q.parts)
    for c in story.characters:
        if not (c.unnamed and c.name in ("he", "she")):
            continue
        phrases = [story.span_text(m) for m in story.mentions if m.character == c.id and m.kind == "nominal"]
        alone = sum(1 for x in story.characters if x.gender == c.gender and not x.narrator) == 1
        nouns = MALE_NOUNS if c.gender == "he" else FEMALE_NOUNS
        if alone:
            phrases += [
                m.group(0)
                for m in _THIS_ONE.finditer(story.text)
                if m.group(1) in nouns and not any(a <= m.start() < b for a, b in spoken)
            ]
        phrases = [" ".join(p.split()) for p in phrases]
        if phrases:
            c.aliases = sorted({*c.aliases, c.name, *phrases} - {phrases[0]})
            c.name = phrases[0]


def _name_by_address(story: Story) -> None:
    """In a short text, someone known only by a pronoun ("she") and called by a title in its quotes ("“Nay,
    Madame, it is no mask,” he said") is named by that title, when no one else of the title's gender is there
    to be called so."""
    called: Counter[str] = Counter()
    for q in story.quotes:
        for a, b in q.parts:
            called.update(m.group(1).replace("’", "'") for m in _VOCATIVE.finditer(story.text, a, b))
    for title, _ in called.most_common():
        gender = ADDRESS_WORDS.get(title.lower())
        fits = [c for c in story.characters if c.gender == gender and not c.narrator]
        if len(fits) == 1 and fits[0].unnamed and fits[0].name in ("he", "she"):
            fits[0].aliases = sorted({*fits[0].aliases, fits[0].name})
            fits[0].name = title


# the narrator of a first-person story is called by name in at least this many vocatives, and each time the
# narration names them counts against them by this weight (a narrator says "I" there, not their name)
_NARRATOR_VOCATIVES = 3
_NARRATOR_NAMED_WEIGHT = 0.25
# a bare title ("the doctor") this many sentences before the story first names its one bearer, with none
# between, is someone else (see _claimed_from)
_TITLE_GAP_SENTENCES = 300


def _families(clusters: Sequence[Cluster]) -> list[tuple[frozenset[str], frozenset[str]]]:
    """Per cluster, its surnames (the last of two or more names, or the name after "Mr." or "Mrs."; after
    "Miss" only when it is someone's surname too: "Miss Bertram", not "Miss Lucy") and its titles."""
    certain = [
        {f.names[-1] for f in c.forms if len(f.names) >= 2 or (f.title in SURNAME_TITLES and f.names)} for c in clusters
    ]
    known = set().union(*certain) if certain else set()
    out = []
    for c, names in zip(clusters, certain, strict=True):
        names |= {f.names[0] for f in c.forms if f.title == "miss" and len(f.names) == 1 and f.names[0] in known}
        out.append((frozenset(names), frozenset(c.titles)))
    return out


def _end(toks: Sequence[Tok], r: Ref) -> int:
    return toks[r.last].start + len(toks[r.last].text.rstrip("-—–")) if r.kind != "pronoun" else toks[r.last].end


def _name_refs(clusters: Sequence[Cluster]) -> list[Ref]:
    refs = [
        Ref(ci, occ.first, occ.last, "name") for ci, c in enumerate(clusters) for f in c.forms for occ in f.occurrences
    ]
    refs.sort(key=lambda r: r.first)
    return refs


# a parent or grandparent called by the kin word as by a name in the words of a family: "Mamma is so fond of
# her", "I told Mother everything" (never a name of its own: data/not_names.txt)
_KIN_NAMES = {
    "mamma": "she", "mama": "she", "mother": "she", "grandmother": "she", "grandmamma": "she", "granny": "she",
    "papa": "he", "father": "he", "grandfather": "he", "grandpapa": "he",
}  # fmt: skip
_NOT_BEFORE_KIN = frozenset({"the", "a", "an", "his", "her", "their", "your", "our", "its", "whose", "of"})
_STOPS = frozenset({",", "!", "?", ".", ";", ":", "—", "--", "”", "’", '"'})


def _kin_names(toks: Sequence[Tok], clusters: list[Cluster]) -> list[Ref]:
    """In a short text, the parents and grandparents a quote calls by the kin word as by a name ("Mamma is so
    fond of her", "I told Mother everything"), one character for each word, and every such mention. Not one
    called so ("Oh, Mamma, do come"), one with a name after ("Father Brown", "Mother of God"), nor "the /
    his / your mother"."""
    found: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(toks):
        if t.quote < 0 or t.lower not in _KIN_NAMES or not t.text[:1].isupper():
            continue
        prev = toks[i - 1] if i > 0 and toks[i - 1].quote == t.quote else None
        nxt = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].quote == t.quote else None
        if prev is not None and prev.lower in _NOT_BEFORE_KIN:
            continue
        if nxt is None or nxt.lower == "of" or nxt.text[:1].isupper():
            continue
        if nxt.text in _STOPS and (prev is None or prev.text in _STOPS or prev.lower in ("oh", "o", "dear", "my")):
            continue  # "Oh, Mamma, do come", "Yes, Father."
        found[t.lower].append(i)
    refs = []
    for at in found.values():
        ci = len(clusters)
        clusters.append(Cluster([], nominal=(toks[at[0]].text,)))
        clusters[ci].nominal_count = len(at)
        refs += [Ref(ci, i, i, "nominal") for i in at]
    return refs


def _add_nominals(toks: Sequence[Tok], clusters: list[Cluster], short: bool = False) -> list[Ref]:
    """Characters known by a description ("said the mariner"; in a short text "the stranger"), and every mention
    of them."""
    speakers = find_nominal_speakers(toks)
    if short:  # "the stranger", "the new lodger" (see heartline.characters.unnamed)
        speakers.update(described_people(toks))
    met = find_indefinite_speakers(toks)
    if short:  # "a young lord fell in love with her"; "the young lord" after it is the same one
        seen = {a for _, a, _ in met}
        met += [m for m in find_indefinite_actors(toks) if m[1] not in seen]
        met.sort(key=lambda m: m[1])
        for phrase, _, _ in met:
            speakers.pop(("the", *phrase[1:]), None)
    if not speakers and not met:
        return []
    holders = _titles_held(clusters)
    index: dict[tuple[str, ...], int] = {}
    for phrase in sorted(speakers, key=lambda p: -speakers[p]):
        titled = len(phrase) == 2 and phrase[-1] != "master"
        holder = _title_holder(holders, clusters, canonical_title(phrase[-1])) if titled else None
        if holder is not None:  # "said the general": General Tilney ("the master" is not Master Oliver)
            index[phrase] = holder
            continue
        index[phrase] = len(clusters)
        clusters.append(Cluster([], nominal=phrase))
    found = nominal_occurrences(toks, set(index))
    claimed = {
        ci: _claimed_from(toks, clusters[ci], [a for p, a, _ in found if index[p] == ci])
        for ci in set(index.values())
        if not clusters[ci].nominal
    }
    refs = []
    for p, a, b in found:
        ci = index[p]
        if ci in claimed and toks[a].sent < claimed[ci]:
            # "said the doctor" long before any Doctor Losberne is named: another doctor
            ci = _description_character(clusters, p)
        refs.append(Ref(ci, a, b, "nominal"))
    refs += _indefinite_refs(toks, clusters, met, {i for r in refs for i in range(r.first, r.last + 1)})
    for r in refs:
        c = clusters[r.char]
        c.nominal_count += 1
        if c.nominal:
            c.nominal_written[_phrase_text(t.text for t in toks[r.first + 1 : r.last + 1])] += 1
        else:
            c.said_as.add(" ".join(t.text for t in toks[r.first : r.last + 1]))
    return _appositions(toks, clusters, _merge_names_into_descriptions(clusters, refs))


def _appositions(toks: Sequence[Tok], clusters: list[Cluster], refs: list[Ref]) -> list[Ref]:
    """ "Johann, the keeper, had fallen into the snare": a description set between commas right after a name
    is that named one, and so is every other mention of it."""
    named_at: dict[int, int] = {}
    for ci, c in enumerate(clusters):
        for f in c.forms:
            for occ in f.occurrences:
                named_at[occ.last] = ci
    into: dict[int, int] = {}
    for r in refs:
        c = clusters[r.char]
        if c.forms or not c.nominal or r.char in into or r.first < 2 or toks[r.first - 1].text != ",":
            continue
        owner = named_at.get(r.first - 2)
        after = toks[r.last + 1] if r.last + 1 < len(toks) else None
        closed = after is None or after.sent != toks[r.last].sent or after.text in {",", ".", ";", "!", "?"}
        if owner is not None and closed and toks[r.first - 2].sent == toks[r.first].sent:
            into[r.char] = owner
    for ci, owner in into.items():
        clusters[owner].said_as.add(_phrase_text(clusters[ci].nominal))  # "the keeper" is an alias
        clusters[owner].nominal_count += clusters[ci].nominal_count
    return _drop_clusters(clusters, refs, into)


def _indefinite_refs(
    toks: Sequence[Tok], clusters: list[Cluster], met: Sequence[tuple[tuple[str, ...], int, int]], taken: set[int]
) -> list[Ref]:
    """'"...," said a little ugly humpbacked man': one character for each way the story writes such a
    stranger, named so, and mentioned again where a later description keeps the noun and some of its words
    ("said the humpbacked man"; a bare "the man" is left to be resolved like a pronoun)."""
    index: dict[tuple[str, ...], int] = {}
    refs: list[Ref] = []
    for phrase, a, b in met:
        if not taken.isdisjoint(range(a, b + 1)):
            continue
        if phrase not in index:
            index[phrase] = len(clusters)
            said_as = {_phrase_text(("the", *phrase[1:]))}  # "the great lubberly fellow"
            if len(phrase) > 2:
                said_as.add(_phrase_text(phrase[1:]))  # "great lubberly fellow", but not "man"
            clusters.append(Cluster([], nominal=phrase, said_as=said_as))
        refs.append(Ref(index[phrase], a, b, "nominal"))
    later: dict[tuple[str, ...], set[int]] = defaultdict(set)
    first_met: dict[int, int] = {}
    for phrase, ci in index.items():
        words, head = phrase[1:-1], phrase[-1]
        if not words and not is_generic(("the", head)):
            later[("the", head)].add(ci)  # "a stranger ... the stranger"
        if not words or "in" in words or "with" in words:
            continue  # "a man" is left to "the man"; "a lady in the group" has no shorter form
        for mask in range(1, 2 ** len(words)):
            kept = [w for k, w in enumerate(words) if mask >> k & 1]
            later[("the", *(p for w in kept for p in w.replace("-", " - ").split()), head)].add(ci)
    later = {p: cis for p, cis in later.items() if len(cis) == 1}  # two strangers fit: neither
    if not later:
        return refs
    for r in refs:
        first_met.setdefault(r.char, r.first)
    taken = taken | {i for r in refs for i in range(r.first, r.last + 1)}
    for p, a, b in nominal_occurrences(toks, set(later)):
        (ci,) = later[p]
        if a > first_met[ci] and taken.isdisjoint(range(a, b + 1)):
            refs.append(Ref(ci, a, b, "nominal"))
            clusters[ci].said_as.add(_phrase_text(p))
    return refs


def _merge_names_into_descriptions(clusters: list[Cluster], refs: list[Ref]) -> list[Ref]:
    """ "the March Hare" and a bare "Hare" (or "the Footman" and "Footman", "the Miss Steeles" and "Miss
    Steeles") are one character: a name cluster whose every form, as written, is the last words of a
    capitalised description joins it."""
    into: dict[int, int] = {}
    for ni, nc in enumerate(clusters):
        written = nc.written_description() if nc.nominal else None
        if written is None:
            continue
        words = written.split()
        for ci, c in enumerate(clusters):
            if ci == ni or ci in into or c.nominal or not c.forms:
                continue
            if all(_tail_of(f.text.split(), words) for f in c.forms):
                nc.forms += c.forms
                c.forms = []
                into[ci] = ni
    return _drop_clusters(clusters, refs, into)


def _family_name(written: str) -> bool:
    """ "Bennets", "Marches": a capitalised plural, the name of a family."""
    plural = written.endswith("s") and not written.endswith(("ss", "us", "is"))
    return plural and len(written) > 3 and " " not in written


def _drop_clusters(clusters: list[Cluster], refs: list[Ref], into: dict[int, int]) -> list[Ref]:
    """Take the clusters ``into`` names out of ``clusters`` and renumber ``refs``: a ref to one of them goes to
    the cluster it was merged into."""
    if not into:
        return refs
    keep = [ci for ci in range(len(clusters)) if ci not in into]
    new_index = {old: new for new, old in enumerate(keep)}
    clusters[:] = [clusters[ci] for ci in keep]
    return [replace(r, char=new_index[into.get(r.char, r.char)]) for r in refs]


def _phrase_text(words: Iterable[str]) -> str:
    """A description's words as text, a hyphen kept inside its word: "the book-stall keeper"."""
    return " ".join(words).replace(" - ", "-")


def _tail_of(written: list[str], words: list[str]) -> bool:
    """ "Hare" ends "March Hare", and so does "Miss Steeles" "the Miss Steeles"."""
    return 0 < len(written) <= len(words) and written == words[len(words) - len(written) :]


def _form_genders(toks: Sequence[Tok], persons: Sequence[Form]) -> dict[str, str | None]:
    """Each form's gender on its own (from its title and the pronouns after it), to keep clusters apart."""
    refs = [Ref(fi, occ.first, occ.last, "name") for fi, f in enumerate(persons) for occ in f.occurrences]
    refs.sort(key=lambda r: r.first)
    titles = [{f.title} if f.title else set() for f in persons]
    genders = learn_genders(toks, refs, titles, [name_gender([f]) for f in persons])
    return {f.text: g for f, g in zip(persons, genders, strict=True)}


def name_gender(forms: Iterable[Form]) -> str | None:
    """The gender the given names of these forms agree on ("Leonard Bast", "Leonard"), or None."""
    found = set()
    for f in forms:
        # "Mr. Leonard Bast", "Leonard"; not the surname in "Mr. Bast"; a patronymic wherever it stands
        # ("Katerina Ivanovna", "Pyotr Petrovitch")
        given = f.names if len(f.names) >= 2 or not f.title else f.names[1:]
        told = {given_name_gender(w) for i, w in enumerate(given) if i == 0 or is_patronymic(w)} - {None}
        if not told and f.names:  # "Denísov", "Prince Bolkónski": a family name whose ending tells
            told = {family_name_gender(f.names[-1])} - {None}
        found |= told
    return found.pop() if len(found) == 1 else None


def _title_refs(toks: Sequence[Tok], clusters: list[Cluster], namewords: NameWords, taken: set[int]) -> list[Ref]:
    """A title alone ("the Admiral", "the Colonel") names the one character who bears it, from a little before
    the story first names them (see :func:`_claimed_from`); "the doctor" long before is a character of its own."""
    holders = _titles_held(clusters)
    found: list[tuple[int, int, int]] = []
    for i in range(1, len(toks) - 1):
        t = toks[i]
        ranked = t.lower in _RANKS and toks[i - 1].lower == "the" and t.text.islower()  # "the doctor"
        if i in taken or not (is_title(t) or ranked) or t.sent_start or namewords(toks[i + 1].text):
            continue
        title = canonical_title(t.lower)
        if toks[i - 1].lower != "the" and title in (
            "mr",
            "mrs",
            "miss",
            "ms",
            "dr",
            "sir",
            "lady",
            "lord",
        ):
            continue
        holder = _title_holder(holders, clusters, title)
        if holder is not None:
            found.append((holder, i - 1 if toks[i - 1].lower == "the" else i, i))
    claimed = {
        ci: _claimed_from(toks, clusters[ci], [i for h, _, i in found if h == ci]) for ci in {h for h, _, _ in found}
    }
    out: list[Ref] = _style_refs(toks, clusters, holders, taken)
    for holder, first, i in found:
        if toks[i].sent >= claimed[holder]:
            out.append(Ref(holder, first, i, "nominal"))
            clusters[holder].said_as.add(" ".join(toks[k].text.rstrip("-—–:") for k in range(first, i + 1)))
        elif first < i:  # "nodded the doctor", long before Doctor Spencer: a doctor of its own
            ci = _description_character(clusters, ("the", toks[i].lower.rstrip("-—–:")))
            clusters[ci].nominal_count += 1
            clusters[ci].nominal_written[toks[i].text.rstrip("-—–:")] += 1
            out.append(Ref(ci, first, i, "nominal"))
    return out


def _style_refs(
    toks: Sequence[Tok], clusters: Sequence[Cluster], holders: dict[str, list[int]], taken: set[int]
) -> list[Ref]:
    """ "his Lordship", "her Ladyship", "your Grace": the one character who bears a title of that style (of
    the gender "his" / "her" tells, any after "your")."""
    out: list[Ref] = []
    for i in range(1, len(toks)):
        t = toks[i]
        owner = toks[i - 1].lower
        if i in taken or t.lower not in TITLE_STYLES or not t.text[:1].isupper() or owner not in STYLE_OWNERS:
            continue
        titles = TITLE_STYLES[t.lower]
        if STYLE_OWNERS[owner] is not None and len(titles) > 1:
            titles = titles[0::2] if STYLE_OWNERS[owner] == "he" else titles[1::2]
        holder = None
        for title in titles:
            holder = _title_holder(holders, clusters, title)
            described = [ci for ci, c in enumerate(clusters) if c.nominal == ("the", title)]
            if holder is None and len(described) == 1:
                holder = described[0]  # "the Duke came in. His Grace was tired"
            if holder is not None:
                break
        if holder is not None:
            out.append(Ref(holder, i - 1, i, "nominal"))
    return out


# ranks and callings written in lower case after "the" that still name the one who bears them as a title
# ("Why was the doctor so afraid of her? I lived with Doctor Walker seven years")
_RANKS = frozenset("doctor captain colonel general major admiral professor inspector sergeant lieutenant".split())


def _titles_held(clusters: Sequence[Cluster]) -> dict[str, list[int]]:
    """Title -> the characters that bear it, most named first (clusters are sorted so)."""
    holders: dict[str, list[int]] = defaultdict(list)
    for ci, c in enumerate(clusters):
        for title in c.titles:
            holders[title].append(ci)
    return holders


def _description_character(clusters: list[Cluster], phrase: tuple[str, ...]) -> int:
    """The character known by this description ("the", "doctor"), added when there is none yet."""
    ci = next((k for k, c in enumerate(clusters) if c.nominal == phrase), None)
    if ci is None:
        ci = len(clusters)
        clusters.append(Cluster([], nominal=phrase))
    return ci


def _claimed_from(toks: Sequence[Tok], c: Cluster, bare: Sequence[int]) -> int:
    """The first sentence whose bare title ("the doctor", at tokens ``bare``) names ``c``: from where the story
    first names ``c``, back through bare titles each within :data:`_TITLE_GAP_SENTENCES` of the next. One
    further back is someone else: Oliver Twist's doctor at Mr. Brownlow's, long before Mr. Losberne, "known
    ... round as 'the doctor'"; The Gambler's General, called so from the first page, is one."""
    firsts = [occ.first for f in c.forms for occ in f.occurrences]
    if not firsts:
        return 0
    start = toks[min(firsts)].sent
    for s in sorted({toks[i].sent for i in bare if toks[i].sent < start}, reverse=True):
        if start - s > _TITLE_GAP_SENTENCES:
            break
        start = s
    return start


def _title_holder(holders: dict[str, list[int]], clusters: Sequence[Cluster], title: str) -> int | None:
    """The character a title alone names: its one bearer, or one named at least twice as often as the next."""
    who = holders.get(title, [])
    if len(who) == 1 or (len(who) > 1 and clusters[who[0]].count >= 2 * clusters[who[1]].count):
        return who[0]
    return None


def _narrator(toks: Sequence[Tok], clusters: Sequence[Cluster], names: Sequence[Ref]) -> int | None:
    """In a first-person story: the character the narration names as itself ("My name is Ellen Dean"), else
    the one most often addressed by name but seldom named in the narration (the narrator says "I", the others
    call them by name)."""
    self_named = [(sum(f.self_named for f in c.forms), c.count, ci) for ci, c in enumerate(clusters)]
    most = max(self_named, default=(0, 0, -1))
    if most[0] > 0:
        return most[2]
    best, best_score = None, 0.0
    for ci, c in enumerate(clusters):
        voc = sum(f.vocative for f in c.forms)
        narr = sum(1 for r in names if r.char == ci and toks[r.first].quote < 0)
        score = voc - _NARRATOR_NAMED_WEIGHT * narr
        if voc >= _NARRATOR_VOCATIVES and score > best_score:
            best, best_score = ci, score
    return best


def _unopposed(toks: Sequence[Tok], form: Form) -> bool:
    """In a short text, a name said twice or more, once at least inside a sentence, with nothing at all
    against it ("Prince Andrew knew Denísov ... For Denísov, too, the memories"): someone."""
    inside = any(
        o.first > 0 and toks[o.first - 1].sent == toks[o.first].sent and toks[o.first - 1].text[:1].isalpha()
        for o in form.occurrences
    )  # after a word of its sentence, not after a quote mark: "“Come here”" twice is no one
    return form.count >= 2 and inside and form.other == 0


# words written before a name that make, with it, a way the story names someone: "Little Janey", "old Sabor",
# "young Rupert", "St. Aubert" (the name itself stays the bare one)
_NAME_QUALIFIERS = frozenset({"old", "little", "young", "st.", "st"})


def _qualified_names(text: str, toks: Sequence[Tok], names: Sequence[Ref], clusters: Sequence[Cluster]) -> None:
    """Add to each character's aliases a name as the text writes it after "old", "little", "young" or "St."."""
    for r in names:
        if r.kind != "name" or r.first == 0:
            continue
        before = toks[r.first - 1]
        if before.lower not in _NAME_QUALIFIERS or before.sent != toks[r.first].sent:
            continue
        if before.quote != toks[r.first].quote:
            continue
        written = " ".join(text[before.start : toks[r.last].end].split())
        clusters[r.char].said_as.add(written)


def _characters(
    clusters: Sequence[Cluster],
    genders: Sequence[str | None],
    refs: Sequence[Ref],
    actors: set[int],
    narrator: int | None,
) -> list[Character]:
    counts = [0] * len(clusters)
    for r in refs:
        counts[r.char] += 1
    out: list[Character] = []
    used: set[str] = set()
    for ci, c in enumerate(clusters):
        name = c.best_name() if c.forms else _phrase_text(c.nominal) if c.nominal else "the narrator"
        cid = base = slug("narrator" if not c.forms and not c.nominal else name)
        k = 2
        while cid in used:
            cid, k = f"{base}-{k}", k + 1
        used.add(cid)
        described = c.written_description() if c.nominal else None
        if described:  # "the March Hare" is also called "March Hare"
            name = f"the {described}"
        written = {described} if described else set()
        aliases = sorted(({f.text for f in c.forms} | c.said_as | written) - {name}, key=lambda a: (-len(a), a))
        present = ci in actors or ci == narrator
        out.append(Character(cid, name, aliases, counts[ci], 0, present, genders[ci], ci == narrator, not c.forms))
    return out


@register_step("characters", requires=("sentences", "quotes"), assigns=("characters", "mentions"))
def make_characters() -> Callable[[Story], None]:
    """Characters (names, aliases, gender, present) and their mentions (names and pronouns)."""
    from ..language.nlp import get_nlp

    get_nlp()
    return find_characters
