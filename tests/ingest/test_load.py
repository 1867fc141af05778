"""load(): sources, format choice, and the input it refuses (each with a message and a fix)."""

from __future__ import annotations

from pathlib import Path

import pytest

import heartline
from heartline.errors import (
    BinaryInput,
    EmptyInput,
    FileNotFound,
    FormatError,
    HeartlineError,
    InputError,
    InputTooLarge,
)
from heartline.ingest import detect_format, load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_public_load_uses_ingest() -> None:
    story = heartline.load(FIXTURES / "story.md")
    assert story.metadata.source_format == "markdown"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.txt", "text"),
        ("a.md", "markdown"),
        ("a.markdown", "markdown"),
        ("a.epub", "epub"),
        ("a.html", "ao3"),
        ("a.HTM", "ao3"),
    ],
)
def test_format_from_extension(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text("x", encoding="utf-8")
    assert detect_format(path) == fmt


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text("<!DOCTYPE html><html><body><p>Words here.</p></body></html>", encoding="utf-8")
    assert load(path).text == "Words here."


def test_explicit_format_wins(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("# Title\n\n*Hello*", encoding="utf-8")
    assert load(path, format="markdown").text == "Hello"
    assert load(path).text == "# Title\n\n*Hello*"


def test_unknown_format() -> None:
    with pytest.raises(FormatError, match="Unknown format"):
        load("text", format="pdf")


@pytest.mark.parametrize("ext", [".pdf", ".docx", ".mobi"])
def test_unsupported_extension_says_what_to_do(tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"book{ext}"
    path.write_bytes(b"whatever")
    with pytest.raises(FormatError) as err:
        load(path)
    assert err.value.fix


def test_missing_file() -> None:
    with pytest.raises(FileNotFound):
        load("no/such/story.txt")
    with pytest.raises(FileNotFound):
        load(Path("no-such-file"))


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        load(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf  \n"])
def test_empty_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInput):
        load(path)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_strings(text: str) -> None:
    with pytest.raises(EmptyInput):
        load(text)


@pytest.mark.parametrize(
    "content",
    [b"Hello\x00world " * 10, b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\nxxxx", b"\x7fELF\x02\x01\x01" + bytes(range(1, 30))],
)
def test_binary_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(content)
    with pytest.raises(BinaryInput):
        load(path)


def test_control_characters_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(bytes(range(1, 9)) * 200 + b"some text")
    with pytest.raises(BinaryInput):
        load(path)


def test_too_many_words_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 5_000_000)  # 25 MB, 5 million words
    with pytest.raises(InputTooLarge) as err:
        load(path)
    assert "HEARTLINE_MAX_WORDS" in err.value.fix


def test_word_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "small.txt"
    path.write_text("one two three four five six", encoding="utf-8")
    monkeypatch.setenv("HEARTLINE_MAX_WORDS", "5")
    with pytest.raises(InputTooLarge):
        load(path)
    with pytest.raises(InputTooLarge):
        load(text="one two three four five six")
    monkeypatch.setenv("HEARTLINE_MAX_WORDS", "6")
    assert load(path).metadata.words == 6


def test_huge_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "giant.txt"
    with path.open("wb") as fh:  # a sparse 3 GB file: refused from its size alone, never read
        fh.truncate(3 * 1024**3)
    with pytest.raises(InputTooLarge):
        load(path)


def test_every_error_has_a_fix(tmp_path: Path) -> None:
    cases = [tmp_path / "missing.txt", tmp_path]
    for case in cases:
        with pytest.raises(HeartlineError) as err:
            load(case)
        assert err.value.fix and "\n" not in err.value.one_line()


def test_words_are_counted_in_chunks_like_split() -> None:
    from heartline.ingest._common import count_words

    text = ("alpha beta  gamma\n" * 200_000)[:-3]  # over the chunk size, words across chunk boundaries
    assert count_words(text) == len(text.split())
    text2 = "x" * 3_000_000
    assert count_words(text2) == 1


def test_text_keyword_reads_any_string_as_text() -> None:
    assert heartline.load(text="no_such_story.txt").text == "no_such_story.txt"
    with pytest.raises(FileNotFound, match="text="):
        heartline.load("no_such_story")
    with pytest.raises(FormatError, match="Both"):
        heartline.load("a.txt", text="words")


def test_load_stream_finds_the_format_from_the_content() -> None:
    import io

    from heartline.ingest import load_stream

    assert load_stream(io.BytesIO("“Hi,” she said.".encode())).metadata.source_format == "text"
    page = b"<!DOCTYPE html><html><body><p>Words here.</p></body></html>"
    assert load_stream(io.BytesIO(page)).text == "Words here."
    with pytest.raises(FormatError, match="EPUB"):
        load_stream(io.BytesIO(b"PK\x03\x04"), format="epub")
    with pytest.raises(EmptyInput):
        load_stream(io.BytesIO(b""))
