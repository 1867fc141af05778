"""similar: the nearest profiles, with what the stories share."""

from __future__ import annotations

import numpy as np

from heartline.library.derive import derive
from heartline.library.similar import DIM, profile

from .conftest import story_id


def test_similar_ranks_every_other_story_with_a_reason(library):
    sid = story_id(library, "The Orchard Ladder")
    matches = library.similar(sid, limit=10)
    assert len(matches) == 3
    assert sid not in {m.story.id for m in matches}
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    for m in matches:
        assert -1.0 <= m.score <= 1.0
        assert m.reasons[0].kind == "similar"
        assert m.reasons[0].text.startswith("cosine")
        assert "cosine" in m.reasons[0].numbers


def test_the_hopeful_stories_are_nearer_each_other_than_the_grief(library):
    # The Rival (anger to admiration, rising) is nearer The Orchard Ladder (love, rising) than Winter Letters
    sid = story_id(library, "The Rival")
    order = [m.story.title for m in library.similar(sid)]
    assert order.index("The Orchard Ladder") < order.index("Winter Letters")


def test_a_profile_is_a_unit_vector_of_fixed_length(library):
    reading = library.reading(story_id(library, "Winter Letters"))
    raw, summary = profile(reading, derive(reading))
    v = np.frombuffer(raw, dtype=np.float32)
    assert v.shape == (DIM,)
    assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-5
    assert summary["pair"] == ["Marta", "Jonas"]
    assert summary["arc"] == "tragedy"


def test_the_index_follows_changes(fresh_library):
    sid = story_id(fresh_library, "The Rival")
    assert len(fresh_library.similar(sid)) == 3
    fresh_library.remove(story_id(fresh_library, "Winter Letters"))
    assert len(fresh_library.similar(sid)) == 2


def test_libraries_on_one_file_share_the_index_and_see_each_others_changes(fresh_library):
    from heartline.library import Library

    sid = story_id(fresh_library, "The Rival")
    with Library(fresh_library.path) as other:
        assert len(other.similar(sid)) == 3
        loaded = other._profiles.matrix
        assert fresh_library.similar(sid)  # the other connection's load is reused, not repeated
        assert fresh_library._profiles.matrix is loaded
        fresh_library.remove(story_id(fresh_library, "Winter Letters"))
        assert len(other.similar(sid)) == 2
