"""The PDNC evaluation on a tiny novel folder written for this test (no PDNC text is shipped)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from heartline.cli import main
from heartline.errors import InputError
from heartline.evaluate.pdnc import evaluate_pdnc, gold_characters, map_characters
from heartline.story import Character, Story

TEXT = (
    "Nora Vance came into the kitchen. Nora was tired. Owen Pike was already there, and Owen smiled.\n\n"
    '"You are late," said Owen.\n\n'
    '"I know," Nora said.\n\n'
    '"Coffee?"\n\n'
    '"Please."\n'
)


def span(text: str, words: str) -> list[list[int]]:
    start = text.index(words)
    return [[start, start + len(words)]]


@pytest.fixture()
def novel(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "Kitchen"
    folder.mkdir(parents=True)
    (folder / "novel_text.txt").write_text(TEXT, encoding="utf-8")
    with open(folder / "character_info.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["Character ID", "Main Name", "Aliases", "Gender", "Category"])
        w.writerow([0, "Nora Vance", "{'Nora', 'Nora Vance'}", "F", "major"])
        w.writerow([1, "Owen Pike", "{'Owen', 'Owen Pike'}", "M", "major"])
    rows = [
        ("You are late,", "Owen Pike", "Explicit"),
        ("I know,", "Nora Vance", "Explicit"),
        ("Coffee?", "Owen Pike", "Implicit"),
        ("Please.", "Nora Vance", "Implicit"),
    ]
    with open(folder / "quotation_info.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["quoteID", "quoteText", "quoteByteSpans", "speaker", "quoteType"])
        for i, (words, speaker, kind) in enumerate(rows):
            w.writerow([f"Q{i}", words, json.dumps(span(TEXT, words)), speaker, kind])
    return folder.parent


def test_scores_a_small_novel(novel: Path) -> None:
    result = evaluate_pdnc(novel)
    assert result["quotes"] == 4
    assert result["detected"] == 1.0
    assert result["explicit"] == 1.0
    assert result["implicit"] == 1.0
    assert result["novels"]["Kitchen"]["quotes"] == 4


def test_a_gold_speaker_written_as_an_alias_counts_only_when_resolved(novel: Path) -> None:
    """PDNC sometimes writes the speaker as an alias ("Owen" for "Owen Pike"): the strict score, like the
    shared scorer, cannot count it; the alias-resolved score does."""
    path = novel / "Kitchen" / "quotation_info.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",Owen Pike,Explicit", ",Owen,Explicit"), "utf-8")
    result = evaluate_pdnc(novel)
    assert result["explicit"] == 0.5
    assert result["alias_resolved"]["explicit"] == 1.0
    assert result["alias_resolved"]["non_explicit"] == result["non_explicit"] == 1.0


def test_addressees_are_scored_against_pdncs_own(novel: Path) -> None:
    """The fixture's quotation table has no addressees column: nothing to score. With one, each line is spoken
    to the other of the two, and a gold addressee written as an alias ("Nora") counts."""
    assert evaluate_pdnc(novel)["addressees"]["quotes"] == 0
    path = novel / "Kitchen" / "quotation_info.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    rows[0].append("addressees")
    for row, heard in zip(rows[1:], ["['Nora']", "['Owen Pike']", "['Nora Vance']", "['Owen Pike']"], strict=True):
        row.append(heard)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    scores = evaluate_pdnc(novel)["addressees"]
    assert scores == {"quotes": 4, "given": 1.0, "recall": 1.0, "precision": 1.0}
    rows[1][-1] = "['Owen Pike']"  # "You are late," said Owen: not to himself
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    assert evaluate_pdnc(novel)["addressees"]["recall"] == 0.75


def test_characters_map_by_name_then_by_shared_aliases(novel: Path) -> None:
    gold = gold_characters(novel / "Kitchen")
    assert gold["Nora Vance"] == {"nora", "nora vance"}
    story = Story("x")
    story.characters = [Character("nora", "Nora"), Character("o", "Mr. Pike", aliases=["Owen"]), Character("z", "Zed")]
    assert map_characters(story, gold) == {"nora": "Nora Vance", "o": "Owen Pike", "z": None}


def test_cli_prints_json(novel: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", "pdnc", "--data", str(novel)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["quotes"] == 4


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No PDNC data folder"):
        evaluate_pdnc(tmp_path / "nowhere")
    result = CliRunner().invoke(main, ["evaluate", "pdnc", "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "heartline: error:" in result.output


def test_the_dev_and_locked_splits_are_disjoint_and_cover_the_eighteen() -> None:
    from heartline.evaluate.pdnc import DEV_NOVELS, LOCKED_NOVELS, split_novels

    assert len(DEV_NOVELS) == 12 and len(LOCKED_NOVELS) == 6
    assert not set(DEV_NOVELS) & set(LOCKED_NOVELS)
    have = [*LOCKED_NOVELS, "Persuasion2", *DEV_NOVELS[:3]]
    assert split_novels("locked", have) == sorted(LOCKED_NOVELS)
    assert split_novels("dev", have) == sorted(DEV_NOVELS[:3])
    assert split_novels("all", have) == sorted(have)
    with pytest.raises(InputError):
        split_novels("test", have)


def test_the_locked_novels_litbank_holds_are_locked_novels() -> None:
    from heartline.evaluate.litbank import LOCKED_BOOKS
    from heartline.evaluate.pdnc import LOCKED_IN_LITBANK, LOCKED_NOVELS

    assert set(LOCKED_IN_LITBANK) <= set(LOCKED_NOVELS)
    assert set(LOCKED_BOOKS) == set(LOCKED_IN_LITBANK.values())
