"""The LitBank evaluation on a tiny book written for this test, in LitBank's brat + CoNLL layout."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from heartline.cli import main
from heartline.errors import InputError
from heartline.evaluate.litbank import evaluate_litbank, gold_mentions, score_book
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
    out = CliRunner().invoke(main, ["evaluate", "litbank", "--data", str(book)])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["books"] == 1


def test_missing_data_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No LitBank coref data"):
        evaluate_litbank(tmp_path)
