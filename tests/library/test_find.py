"""find: each kind of filter on real readings, combined filters, ranking, reasons and bad queries."""

from __future__ import annotations

import pytest

from heartline.library import Query, QueryError, parse_query


def titles(matches) -> list[str]:
    return [m.story.title for m in matches]


def test_a_directed_pair_finds_the_story_with_the_bond_and_says_why(library):
    matches = library.find(parse_query(pair="Hana -> Theo"))
    assert titles(matches) == ["The Orchard Ladder"]
    reason = matches[0].reasons[0]
    assert reason.kind == "pair"
    assert reason.text.startswith("Hana -> Theo: love")
    assert "valence +" in reason.text
    assert reason.quote and "Theo" in library.reading(matches[0].story.id)["text"]
    assert reason.quote in " ".join(library.reading(matches[0].story.id)["text"].split())
    assert reason.numbers["valence"] > 0


def test_the_pair_direction_matters(library):
    forward = library.find(parse_query(pair="Marta -> Jonas"))
    backward = library.find(parse_query(pair="Marta <- Jonas"))
    assert titles(forward) == ["Winter Letters"]
    # Jonas's letter speaks to Marta; the reverse bond, when there is one, is a different line
    for m in backward:
        assert m.reasons[0].text.startswith("Jonas -> Marta")


def test_both_ways_needs_a_bond_each_way_and_shows_both(library):
    matches = library.find(parse_query(pair="Kit <-> Nora"))
    assert titles(matches) == ["The Rival"]
    lines = [r.text for r in matches[0].reasons]
    assert any(t.startswith("Kit -> Nora") for t in lines)
    assert any(t.startswith("Nora -> Kit") for t in lines)


def test_names_match_case_insensitively_and_by_their_start(library):
    assert titles(library.find(parse_query(pair="hana -> THEO"))) == ["The Orchard Ladder"]
    assert titles(library.find(parse_query(pair="Han -> The"))) == ["The Orchard Ladder"]
    assert library.find(parse_query(pair="Hana -> Nobody")) == []


def test_a_feeling_with_a_trend(library):
    matches = library.find(parse_query(feeling="grief rising"))
    assert titles(matches)[0] == "Winter Letters"
    reason = matches[0].reasons[0]
    assert "grief" in reason.text and "rising" in reason.text
    assert reason.quote


def test_a_feeling_synonym_reads_as_its_label(library):
    # trust is what the feelings lexicon calls admiration; Kit comes to trust Nora
    matches = library.find(parse_query(pair="Kit -> Nora", feeling="trust rising"))
    assert titles(matches) == ["The Rival"]
    assert "admiration" in matches[0].reasons[0].text


def test_a_feeling_on_a_pair_must_hold_on_that_bond(library):
    assert titles(library.find(parse_query(pair="Hana -> Theo", feeling="love"))) == ["The Orchard Ladder"]
    assert library.find(parse_query(pair="Hana -> Theo", feeling="grief")) == []


def test_the_unsaid(library):
    matches = library.find(parse_query(unsaid="love"))
    assert "The Orchard Ladder" in titles(matches)
    orchard = next(m for m in matches if m.story.title == "The Orchard Ladder")
    assert orchard.reasons[0].kind == "unsaid"
    assert "love unsaid" in orchard.reasons[0].text
    assert "loved" in (orchard.reasons[0].quote or "")


def test_an_arc_shape(library):
    matches = library.find(parse_query(arc="tragedy"))
    assert titles(matches) == ["Winter Letters"]
    assert matches[0].reasons[0].text.startswith("story arc: tragedy")


def test_tags_fandoms_and_relationships_match_whole_and_case_insensitively(library):
    assert titles(library.find(parse_query(tag="pining"))) == ["The Orchard Ladder"]
    assert titles(library.find(parse_query(fandom="Original Work"))) == ["The Orchard Ladder"]
    assert titles(library.find(parse_query(relationship="hana/theo"))) == ["The Orchard Ladder"]
    assert library.find(parse_query(tag="pin")) == []


def test_words_in_the_text(library):
    matches = library.find(parse_query(text="regatta"))
    assert titles(matches) == ["The Rival"]
    assert "regatta" in (matches[0].reasons[0].quote or "")
    assert library.find(parse_query(text="regatta funeral")) == []


def test_a_character(library):
    matches = library.find(parse_query(character="marta"))
    assert titles(matches) == ["Winter Letters"]
    assert matches[0].reasons[0].text.startswith("Marta:")


def test_filters_combine_with_and(library):
    # 23 sentences rising from +0.3 to +0.8: not a rise that stands out from the story's noise, so "flat"
    q = parse_query(pair="Hana -> Theo", unsaid="love", tag="Slow Burn", text="ladder", arc="flat")
    matches = library.find(q)
    assert titles(matches) == ["The Orchard Ladder"]
    assert {r.kind for r in matches[0].reasons} >= {"pair", "tag", "text", "arc"}
    assert library.find(parse_query(pair="Hana -> Theo", arc="tragedy")) == []


def test_results_are_best_first_and_page(library):
    everything = library.find(Query(), limit=10)
    assert len(everything) == library.count() == 4
    scored = library.find(parse_query(feeling="joy"), limit=10)
    assert [m.score for m in scored] == sorted((m.score for m in scored), reverse=True)
    first, second = library.find(Query(), limit=2), library.find(Query(), limit=2, offset=2)
    assert not {m.story.id for m in first} & {m.story.id for m in second}


def test_count_list_and_facets_agree_with_find(library):
    q = parse_query(feeling="joy")
    assert library.count(q) == len(library.find(q, limit=100))
    assert {r.id for r in library.list(query=q)} == {m.story.id for m in library.find(q, limit=100)}
    facets = library.facets()
    assert ("Original Work", 1) in facets["fandom"]
    assert sum(n for _, n in facets["arc"]) == 4
    assert dict(facets["tag"])["Pining"] == 1


def test_list_sorts(library):
    by_words = library.list(sort="-words")
    assert [r.words for r in by_words] == sorted((r.words for r in by_words), reverse=True)
    assert next(r.title for r in library.list(sort="title")) == "The Lighthouse Keepers"
    with pytest.raises(QueryError, match="Use one of: added"):
        library.list(sort="size")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pair": "Willow ->"}, "Willow -> Buffy"),
        ({"pair": "Willow and Buffy"}, "Willow -> Buffy"),
        ({"feeling": "glee"}, "admiration, amusement"),
        ({"feeling": "love upward"}, "Cannot read the feeling"),
        ({"unsaid": "glee"}, "Unknown emotion"),
        ({"arc": "comedy"}, "man in a hole"),
        ({"text": "  "}, "Empty --text"),
        ({"text": "!!"}, "No words"),
    ],
)
def test_bad_queries_name_the_valid_choices(library, kwargs, message):
    with pytest.raises(QueryError, match=message):
        library.find(parse_query(**kwargs))


def test_a_query_round_trips_through_its_params():
    q = parse_query(pair="Willow <-> Buffy", feeling="Trust Rising", unsaid="love", arc="Man-in-a-hole", tag="Fluff")
    assert q.pair == ("Willow", "<->", "Buffy")
    assert q.feeling == ("admiration", "rising")
    assert q.arc == "man in a hole"
    assert Query.from_params(q.to_params()) == q
    with pytest.raises(QueryError, match="Unknown query field"):
        Query.from_params({"colour": "red"})
