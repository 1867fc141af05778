"""The word lists (heartline.language.lexicon): each read once, from code or from its data file."""

from __future__ import annotations

from pathlib import Path

import heartline.language.lexicon as lexicon
from heartline.language.lexicon import (
    EMOTION_ADJECTIVES,
    EMOTION_NOUNS,
    EMOTION_VERBS,
    EVALUATIVE_ADJECTIVES,
    FEMALE_NAMES,
    MALE_NAMES,
    SECOND_PERSON,
    SECOND_PERSON_MODERN,
    canonical_title,
    ends_like_past_tense,
    given_name_gender,
    is_given_name,
    plain,
    word_list,
)
from heartline.language.valence import LABELS

DATA = Path(lexicon.__file__).parent / "data"


def test_every_word_file_is_read_and_holds_lower_case_words():
    for path in DATA.glob("*.txt"):
        words = word_list(path.stem)
        assert words, path.name
        assert all(w == w.lower() for w in words), path.name


def test_a_word_list_leaves_out_its_comment_lines(tmp_path, monkeypatch):
    (tmp_path / "few.txt").write_text("# a comment: not words\nalpha beta\n\ngamma\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "_DATA", tmp_path)
    assert word_list("few") == {"alpha", "beta", "gamma"}


def test_no_given_name_is_both_a_man_s_and_a_woman_s():
    assert not FEMALE_NAMES & MALE_NAMES
    assert {"alice", "mary"} <= FEMALE_NAMES and {"john", "william"} <= MALE_NAMES


def test_a_given_name_or_a_patronymic_tells_a_gender_whatever_its_accents():
    assert plain("Hélène") == "helene" and plain("Borís") == "boris"
    assert given_name_gender("Natásha") == "she" and given_name_gender("Pyotr") == "he"
    assert given_name_gender("Alexandrovna") == "she" and given_name_gender("Andréevich") == "he"
    assert given_name_gender("Petrovitch") == "he" and given_name_gender("Ivanovna") == "she"
    assert given_name_gender("Bennet") is None and given_name_gender("Ivanov") is None
    assert is_given_name("Borís") and is_given_name("Edna") and not is_given_name("Petrovitch")


def test_the_sets_kept_apart_differ_only_as_documented():
    assert {"thee", "thou", "thy"} == SECOND_PERSON - SECOND_PERSON_MODERN
    assert SECOND_PERSON_MODERN <= SECOND_PERSON


def test_emotion_words_carry_known_labels_and_weights():
    entries = [labels for _, labels in EMOTION_VERBS.values()] + [
        *EMOTION_ADJECTIVES.values(),
        *EMOTION_NOUNS.values(),
        *EVALUATIVE_ADJECTIVES.values(),
    ]
    assert entries
    for labels in entries:
        assert labels and set(labels) <= set(LABELS)
        assert all(0 < w <= 1 for w in labels.values())
    assert {kind for kind, _ in EMOTION_VERBS.values()} == {"subj", "obj", "intr", "act"}
    assert EMOTION_VERBS["scold"][0] == "act" and "ridiculous" in EVALUATIVE_ADJECTIVES
    assert "ridiculous" not in EMOTION_ADJECTIVES  # an "eval" line is no feeling of the one it describes
    assert EMOTION_VERBS["love"] == ("subj", {"love": 0.8})
    assert list(EMOTION_VERBS)[:3] == ["love", "adore", "cherish"]  # file order: a later verb wins a shared form


def test_titles_and_past_tenses():
    assert canonical_title("Doctor") == canonical_title("Dr.") == "dr"
    assert ends_like_past_tense("floundered") and not ends_like_past_tense("freed") and not ends_like_past_tense("bed")
