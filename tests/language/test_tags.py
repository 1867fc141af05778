"""AO3 tags read as names and pairs."""

from __future__ import annotations

from heartline.language.tags import name_parts, near_spelling, relationship_pairs, tag_name


def test_tag_names_drop_the_fandom_and_skip_non_persons():
    assert tag_name("Yang Wenli (Legend of Galactic Heroes)") == "Yang Wenli"
    assert tag_name("  Oskar  von Reuenthal ") == "Oskar von Reuenthal"
    assert tag_name("Original Characters") is None
    assert tag_name("Original Female Character(s)") is None
    assert tag_name("Reader") is None


def test_name_parts_leave_out_particles_and_titles():
    assert name_parts("Oskar von Reuenthal") == ["Oskar", "Reuenthal"]
    assert name_parts("Admiral Yang Wenli") == ["Yang", "Wenli"]


def test_relationship_tags():
    assert relationship_pairs("Oskar von Reuenthal/Yang Wenli") == (["Oskar von Reuenthal", "Yang Wenli"], "romantic")
    assert relationship_pairs("Wolfgang Mittermeyer & Oskar von Reuenthal") == (
        ["Wolfgang Mittermeyer", "Oskar von Reuenthal"], "platonic")  # fmt: skip
    assert relationship_pairs("Yang Wenli") is None


def test_near_spellings_are_one_edit_apart_and_long():
    assert near_spelling("Reunenthal", "Reuenthal")
    assert near_spelling("Reuenthal", "Reuenthla")
    assert not near_spelling("Yang", "Yan")
    assert not near_spelling("Mittermeyer", "Reuenthal")
