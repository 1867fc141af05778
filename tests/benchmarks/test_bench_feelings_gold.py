"""The held-out feelings scorer (benchmarks/bench_feelings_gold.py) on a gold passage and readings made by
hand for this test, where every count is worked out below, and once on a real reading."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_feelings_gold as bench  # noqa: E402

TEXT = "I loved her the more for it. The old man was afraid of Tom. Tom smiled."


def span(text: str, n: int = 1, within: str | None = None) -> dict[str, Any]:
    base = TEXT.index(within) if within else 0
    start = base - 1
    for _ in range(n):
        start = TEXT.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text)}


def ann(
    emotion: str,
    exp: dict[str, Any],
    entity: str,
    target: dict[str, Any] | None,
    target_entity: str | None,
    trigger: dict[str, Any],
    **flags: bool,
) -> dict[str, Any]:
    return {
        "emotion": emotion,
        "label": "x",
        "experiencer": exp,
        "entity": entity,
        "target": target,
        "target_entity": target_entity,
        "target_person": target is not None,
        "trigger": trigger,
        "polarity": "positive",
        "narrator": flags.get("narrator", False),
        "unnamed": flags.get("unnamed", False),
    }


GOLD = {
    "id": "t1",
    "annotations": [
        ann("trust", span("I"), "narrator", span("her"), "she", span("loved"), narrator=True),
        ann("fear", span("The old man"), "the old man", span("Tom"), "Tom", span("afraid"), unnamed=True),
        ann("joy", span("Tom", 2), "Tom", None, None, span("smiled")),
    ],
}


def mention(cid: str, text: str, n: int = 1) -> dict[str, Any]:
    s = span(text, n)
    return {"start": s["start"], "end": s["end"], "character": cid, "kind": "name", "subject": True}


def feeling(exp: str | None, target: str | None, emotion: str, **extra: Any) -> dict[str, Any]:
    return {
        "experiencer": exp,
        "target": target,
        "emotion": emotion,
        "intensity": 0.5,
        "start": 0,
        "end": 28,
        "voiced": False,
        **extra,
    }


READING = {
    "text": TEXT,
    "characters": [
        # found by its mention overlapping the gold "I"
        {"id": "speaker", "name": "the speaker", "aliases": []},
        # no mention at the gold span: found by its name
        {"id": "old-man", "name": "The old man", "aliases": []},
        {"id": "tom", "name": "Tom", "aliases": []},
        {"id": "ghost", "name": "Ghost", "aliases": []},
    ],
    "mentions": [mention("speaker", "I"), mention("tom", "Tom"), mention("tom", "Tom", 2)],
    "feelings": [
        feeling("speaker", "tom", "love"),  # right person, love counts for trust; wrong target
        feeling("old-man", "tom", "fear"),  # right person, emotion and target
        feeling("ghost", None, "anger"),  # nobody in the gold: a false positive
        feeling("tom", None, "annoyance"),  # right person, wrong Plutchik group
        feeling(None, None, "joy"),  # no experiencer: not counted
    ],
    "bonds": [
        {"source": "speaker", "target": "tom", "valence": 0.5},
        {"source": "tom", "target": "old-man", "valence": 0.2},
    ],
}


def test_experiencer_emotion_and_target_counts() -> None:
    row = bench.score_passage(GOLD, READING)
    assert (row["exp_pred"], row["exp_gold"], row["exp_tp"]) == (4, 3, 3)
    assert row["pairing"] == {"speaker": "narrator", "old-man": "the old man", "tom": "Tom"}
    assert row["exp_found_kind"] == {"narrator": 1, "unnamed": 1, "named": 1}
    assert (row["emo_pred"], row["emo_pred_right"], row["emo_gold"], row["emo_gold_found"]) == (4, 2, 3, 2)
    assert (row["tgt_pred"], row["tgt_pred_right"], row["tgt_gold"], row["tgt_gold_found"]) == (2, 1, 2, 1)
    summary = bench.summarize_feelings([row])
    assert summary["experiencer"]["precision"] == 0.75
    assert summary["experiencer"]["recall"] == 1.0
    assert summary["experiencer"]["f1"] == pytest.approx(2 * 0.75 / 1.75, abs=1e-4)
    assert summary["experiencer_emotion"]["precision"] == 0.5
    assert summary["experiencer_emotion"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert summary["target"]["f1"] == 0.5
    assert summary["trigger"]["available"] is False and summary["trigger"]["f1"] is None


def test_one_person_is_matched_once() -> None:
    """Two characters that both overlap the one gold narrator: one is a true positive, the other false."""
    reading = json.loads(json.dumps(READING))
    reading["characters"].append({"id": "me", "name": "Me", "aliases": []})
    reading["mentions"].append(mention("me", "I"))
    reading["feelings"].append(feeling("me", None, "love"))
    row = bench.score_passage(GOLD, reading)
    assert (row["exp_pred"], row["exp_tp"]) == (5, 3)


def test_a_wrong_person_is_not_credited() -> None:
    reading = json.loads(json.dumps(READING))
    reading["feelings"] = [feeling("ghost", "tom", "fear")]
    row = bench.score_passage(GOLD, reading)
    assert (row["exp_tp"], row["emo_pred_right"], row["tgt_pred_right"]) == (0, 0, 0)


def test_triggers_are_scored_when_the_reading_has_them() -> None:
    reading = json.loads(json.dumps(READING))
    afraid = span("afraid")
    reading["feelings"][1]["trigger"] = {"start": afraid["start"], "end": afraid["end"]}
    reading["feelings"][2]["trigger"] = [0, 1]  # on "I", not a cue
    summary = bench.summarize_feelings([bench.score_passage(GOLD, reading)])
    assert summary["trigger"]["precision"] == 0.5
    assert summary["trigger"]["recall"] == pytest.approx(1 / 3, abs=1e-4)


def test_bonds_coverage_and_sign() -> None:
    gold = {
        "id": "b1",
        "relations": [
            {
                "source": "narrator",
                "source_names": ["narrator"],
                "target": "Tom",
                "target_names": ["Tom"],
                "polarity": "positive",
            },
            {
                "source": "Tom",
                "source_names": ["Tom"],
                "target": "the old man",
                "target_names": ["the old man"],
                "polarity": "negative",
            },
            {
                "source": "Ann",
                "source_names": ["Ann"],
                "target": "Tom",
                "target_names": ["Tom"],
                "polarity": "positive",
            },
        ],
    }
    rows = bench.score_bonds(gold, READING)
    assert [(r["covered"], r["sign_right"]) for r in rows] == [(True, True), (True, False), (False, False)]
    summary = bench.summarize_bonds(rows)
    assert summary["coverage"] == pytest.approx(2 / 3, abs=1e-4)
    assert summary["polarity_accuracy_covered"] == 0.5
    assert summary["correct_over_all"] == pytest.approx(1 / 3, abs=1e-4)
    assert summary["always_positive_baseline"] == pytest.approx(2 / 3, abs=1e-4)


def test_a_changed_book_is_refused(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "b.txt").write_text("Once upon a time.", encoding="utf-8")
    rec = {"id": "x", "corpus": "c", "book": "b.txt", "start": 0, "end": 4, "sha1": hashlib.sha1(b"Once").hexdigest()}
    assert bench.passage_text(tmp_path, rec) == "Once"
    rec["sha1"] = hashlib.sha1(b"Twice").hexdigest()
    with pytest.raises(SystemExit, match="sha1"):
        bench.passage_text(tmp_path, rec)


@pytest.mark.slow
def test_on_a_real_reading() -> None:
    """The whole pipeline's reading of a short passage goes through the scorer, which credits Mara exactly
    when a character whose mention is her name is an experiencer."""
    import heartline

    text = "Mara loved Theo more than she could ever tell him. She smiled at him across the table."
    gold = {
        "id": "r1",
        "annotations": [
            {
                "emotion": "trust",
                "label": "love",
                "entity": "Mara",
                "narrator": False,
                "unnamed": False,
                "experiencer": {"text": "Mara", "start": 0, "end": 4},
                "target": {"text": "Theo", "start": 11, "end": 15},
                "target_entity": "Theo",
                "target_person": True,
                "trigger": {"text": "loved", "start": 5, "end": 10},
            },
        ],
    }
    reading = heartline.read(text=text).to_dict()
    row = bench.score_passage(gold, reading)
    experiencers = {f["experiencer"] for f in reading["feelings"] if f["experiencer"]}
    mara = {m["character"] for m in reading["mentions"] if m["start"] < 4} | {
        c["id"] for c in reading["characters"] if c["name"] == "Mara"
    }
    assert (row["exp_gold"], row["exp_pred"]) == (1, len(experiencers))
    assert row["exp_tp"] == (1 if experiencers & mara else 0)
    assert row["trig_available"] is True  # every feeling carries its trigger: "loved" is the gold cue
    assert row["trig_gold"] == 1 and row["trig_gold_found"] == 1


def test_bond_precision_counts_bonds_between_marked_people() -> None:
    """Of the reading's two bonds, one joins two people the gold marks (the narrator and Tom) and is a marked
    relation; the other ends at the old man, whom no relation names: not counted."""
    gold = {
        "id": "b2",
        "relations": [
            {
                "source": "narrator",
                "source_names": ["narrator"],
                "target": "Tom",
                "target_names": ["Tom"],
                "polarity": "positive",
            }
        ],
    }
    assert bench.bond_precision(gold, READING) == (2, 1, 1)
    reading = json.loads(json.dumps(READING))
    reading["bonds"].append({"source": "tom", "target": "speaker", "valence": 0.1})  # the wrong way round
    assert bench.bond_precision(gold, reading) == (3, 2, 1)
    summary = bench.summarize_bonds(bench.score_bonds(gold, reading), [bench.bond_precision(gold, reading)])
    assert summary["bonds_per_passage"] == 3.0 and summary["precision_among_marked"] == 0.5


def test_details_are_refused_on_the_held_out_gold() -> None:
    with pytest.raises(SystemExit):
        bench.main(["--details"])


def test_details_are_refused_on_the_aggregate_only_development_gold(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        bench.main(["--dev", str(ROOT / "benchmarks" / "gold" / "bonds_dev3.jsonl"), "--details"])
    assert "aggregate only" in capsys.readouterr().err


def test_details_are_refused_on_the_fifth_development_gold(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        bench.main(["--dev", str(ROOT / "benchmarks" / "gold" / "bonds_dev5.jsonl"), "--details"])
    assert "aggregate only" in capsys.readouterr().err


def test_the_development_bond_gold_is_pdnc_dev_text_kept_by_reference() -> None:
    """bonds_dev.jsonl holds PDNC passages of the development novels only (never a locked one), by
    offsets and sha1, with no story text, not even a cue's."""
    from heartline.evaluate.pdnc import DEV_NOVELS, LOCKED_NOVELS

    gold = bench.load_gold(bench.GOLD / "bonds_dev.jsonl")
    assert len(gold) >= 30 and sum(len(r["relations"]) for r in gold) >= 60
    for rec in gold:
        novel = rec["book"].split("/")[0]
        assert rec["corpus"] == "data/pdnc/data" and novel in DEV_NOVELS and novel not in LOCKED_NOVELS
        assert len(rec["sha1"]) == 40 and "text" not in rec and "_text" not in rec
        for rel in rec["relations"]:
            assert rel["polarity"] in ("positive", "negative")
            assert rel["cue"] is None or set(rel["cue"]) == {"start", "end"}


@pytest.mark.parametrize(
    "name",
    [
        "bonds_dev2.jsonl",
        "bonds_dev3.jsonl",
        "bonds_dev4.jsonl",
        "bonds_dev5.jsonl",
        "bonds_dev6.jsonl",
        "bonds_dev7.jsonl",
        "bonds_dev8.jsonl",
        "bonds_dev9.jsonl",
        "bonds_dev10.jsonl",
        "bonds_dev11.jsonl",
        "bonds_dev12.jsonl",
        "bonds_dev13.jsonl",
        "bonds_dev14.jsonl",
        "bonds_dev15.jsonl",
        "bonds_dev16.jsonl",
        "bonds_dev17.jsonl",
        "bonds_dev18.jsonl",
        "bonds_dev19.jsonl",
    ],
)
def test_the_litbank_like_development_bond_golds_are_litbank_and_novels_by_reference(name: str) -> None:
    """bonds_dev2.jsonl to bonds_dev19.jsonl hold 8-sentence-like windows of LitBank books and the long
    novels (never PDNC, ABBE or the example story), by offsets and sha1, with no passage text."""
    gold = bench.load_gold(bench.GOLD / name)
    assert len(gold) >= 30 and sum(len(r["relations"]) for r in gold) >= 60
    assert any(rel["source"] == "narrator" or rel["target"] == "narrator" for r in gold for rel in r["relations"])
    for rec in gold:
        assert rec["corpus"] in ("data/litbank/original", "data/novels")
        assert len(rec["sha1"]) == 40 and "text" not in rec and "_text" not in rec
        for rel in rec["relations"]:
            assert rel["polarity"] in ("positive", "negative")


# the development bond golds drawn like the held-out passages, in the order they were drawn
_DRAWN = (
    "bonds_dev2",
    "bonds_dev3",
    "bonds_dev4",
    "bonds_dev5",
    "bonds_dev6",
    "bonds_dev7",
    "bonds_dev8",
    "bonds_dev9",
    "bonds_dev10",
    "bonds_dev11",
    "bonds_dev12",
    "bonds_dev13",
    "bonds_dev14",
    "bonds_dev15",
    "bonds_dev16",
    "bonds_dev17",
    "bonds_dev18",
    "bonds_dev19",
)


@pytest.mark.parametrize("later", _DRAWN[1:])
def test_each_later_development_bond_gold_shares_no_text_with_those_before_it(later: str) -> None:
    """A gold drawn after bonds_dev2 is a fresh check on rules fitted before it: none of its windows overlaps
    a window of a gold drawn before it, and it leaves out the books kept out of every development gold."""
    older = [rec for name in _DRAWN[: _DRAWN.index(later)] for rec in bench.load_gold(bench.GOLD / f"{name}.jsonl")]
    kept_out = {"105_persuasion.txt", "541_the_age_of_innocence.txt", "730_oliver_twist.txt"}
    for rec in bench.load_gold(bench.GOLD / f"{later}.jsonl"):
        assert rec["book"] not in kept_out
        for old in older:
            same_book = (old["corpus"], old["book"]) == (rec["corpus"], rec["book"])
            assert not (same_book and rec["start"] < old["end"] and old["start"] < rec["end"]), rec["id"]


def test_dev_takes_a_path_but_refuses_the_held_out_gold() -> None:
    with pytest.raises(SystemExit):
        bench.main(["--dev", str(bench.GOLD / "bonds_heldout.jsonl"), "--details"])
