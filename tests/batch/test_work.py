"""The shared worker pool: real files, the real pipeline, real worker processes."""

from __future__ import annotations

import pytest

from heartline.batch import read_file, read_files, story_files
from heartline.errors import FileNotFound

STORY_A = "“I missed you,” Mara said to Theo. She hugged him, full of joy.\n\n“I know,” Theo said.\n"
STORY_B = "Nora stood at the window. She was afraid of the storm.\n\n“Come inside,” Kit said.\n"


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "b.md").write_text(STORY_B, encoding="utf-8")
    (tmp_path / "nested" / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(STORY_B, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path


def test_story_files_walks_folders_and_keeps_story_formats_only(corpus):
    names = [p.relative_to(corpus).as_posix() for p in story_files([corpus, corpus / "a.txt"])]
    assert names == ["a.txt", "empty.txt", "nested/b.md"]


def test_story_files_refuses_a_missing_path(tmp_path):
    with pytest.raises(FileNotFound):
        story_files([tmp_path / "nope"])


def test_read_file_gives_a_reading_or_a_one_line_error(corpus):
    good = read_file(corpus / "a.txt")
    assert good.ok and good.reading is not None
    assert good.story_id == good.content_hash[:16]
    assert len(good.reading["quotes"]) == 2 and good.words > 0
    bad = read_file(corpus / "empty.txt")
    assert not bad.ok and bad.reading is None
    assert "\n" not in bad.error and "empty" in bad.error.lower()


@pytest.mark.slow
def test_worker_processes_give_the_same_readings_as_one_process(corpus):
    files = story_files([corpus])
    inline = {o.path: (o.reading, o.error) for o in read_files(files, jobs=1)}
    pooled = {o.path: (o.reading, o.error) for o in read_files(files, jobs=2)}
    assert pooled == inline
    assert sum(1 for r, e in inline.values() if e is None) == 2
