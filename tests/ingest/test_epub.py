"""EPUB 2 and 3: spine order, table-of-contents titles, metadata, and refusing unsafe archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from heartline.errors import FormatError, NoStoryFound, UnsafeArchive
from heartline.ingest import epub, load

from .builders import make_epub, xhtml
from .helpers import assert_chapters_cover, assert_titles_in_text

EXPECTED = (
    "Chapter One\n\nThe ferry left at dawn. Noor stood at the rail and did not wave.\n\n"
    "“You could stay,” said Teo. “Nobody would mind.”\n\n"
    "Chapter Two\n\nThe island was smaller than she remembered.\n\nTeo had kept her letters in a tin box."
)


@pytest.mark.parametrize("version", [2, 3])
def test_epub_text_chapters_metadata(tmp_path: Path, version: int) -> None:
    story = load(make_epub(tmp_path / "book.epub", version=version))
    assert story.text == EXPECTED
    assert [c.title for c in story.chapters] == ["Chapter One", "Chapter Two"]
    assert_chapters_cover(story)
    assert_titles_in_text(story)
    md = story.metadata
    assert (md.source_format, md.source, md.title) == ("epub", "book.epub", "The Ferry Year")
    assert md.authors == ["A. Tester", "B. Tester"]
    assert md.tags == ["Islands", "Letters"]
    assert md.language == "en"
    assert md.summary == "A year of ferries."


@pytest.mark.parametrize("version", [2, 3])
def test_titles_from_toc_when_documents_have_no_heading(tmp_path: Path, version: int) -> None:
    story = load(make_epub(tmp_path / "plain.epub", version=version, headings=False))
    assert story.text == EXPECTED  # the table of contents' titles open each chapter
    assert [c.title for c in story.chapters] == ["Chapter One", "Chapter Two"]


def test_title_from_heading_without_toc(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "b.epub", extra_members={"OEBPS/nav.xhtml": "<html><body><p>x</p></body></html>"})
    story = load(path)
    assert [c.title for c in story.chapters] == ["Chapter One", "Chapter Two"]


def test_documents_without_title_continue_the_chapter(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "split.epub")
    with zipfile.ZipFile(path, "a") as zf:  # a second file for chapter two, as e-book tools split long chapters
        zf.writestr("OEBPS/text/ch2b.xhtml", xhtml(None, ["The tin box was full."], heading=False))
        opf = zf.read("OEBPS/content.opf").decode()
    opf = opf.replace(
        "</manifest>", '<item id="c2b" href="text/ch2b.xhtml" media-type="application/xhtml+xml"/></manifest>'
    ).replace("</spine>", '<itemref idref="c2b"/></spine>')
    rebuilt = tmp_path / "split2.epub"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, opf if info.filename == "OEBPS/content.opf" else src.read(info))
    story = load(rebuilt)
    assert len(story.chapters) == 2
    assert story.text.endswith("tin box.\n\nThe tin box was full.")


def test_scripts_and_styles_dropped(tmp_path: Path) -> None:
    doc = xhtml("Chapter One", ["Words."], extra='<script>alert("x")</script><style>p{}</style>')
    path = make_epub(tmp_path / "s.epub", extra_members={"OEBPS/text/ch1.xhtml": doc})
    text = load(path).text
    assert "alert" not in text and "p{}" not in text


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.epub"
    path.write_text("This is not an EPUB at all.\n", encoding="utf-8")
    with pytest.raises(UnsafeArchive, match="not a zip"):
        load(path)


@pytest.mark.parametrize("member", ["../evil.xhtml", "OEBPS/../../evil.xhtml", "/etc/evil.xhtml", "C:/evil.xhtml"])
def test_path_traversal_is_refused(tmp_path: Path, member: str) -> None:
    path = make_epub(tmp_path / "trav.epub")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(zipfile.ZipInfo(member), "<html/>")
    with pytest.raises(UnsafeArchive, match="outside the archive"):
        load(path)


def test_zip_bomb_by_ratio_is_refused(tmp_path: Path) -> None:
    bomb = b"<html><body><p>" + b"a" * 20_000_000 + b"</p></body></html>"  # 20 MB that deflate to ~20 KB
    path = make_epub(tmp_path / "bomb.epub", extra_members={"OEBPS/text/ch1.xhtml": bomb})
    with pytest.raises(UnsafeArchive, match="zip bomb"):
        load(path)


def test_total_inflated_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "MAX_INFLATED", 2_000)  # stands in for 200 MB, so the test stays small
    with pytest.raises(UnsafeArchive, match="zip bomb"):
        load(make_epub(tmp_path / "big.epub"))


def test_zip_without_package_is_not_an_epub(tmp_path: Path) -> None:
    path = tmp_path / "other.epub"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("notes.txt", "hello")
    with pytest.raises(FormatError, match="not an EPUB"):
        load(path)


def test_epub_of_images_has_no_story(tmp_path: Path) -> None:
    chapters = [("Cover", [])]
    path = make_epub(tmp_path / "img.epub", chapters=chapters, headings=False)
    with pytest.raises(NoStoryFound):
        load(path)


def test_drm_is_refused(tmp_path: Path) -> None:
    enc = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
        '<enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>'
    )
    path = make_epub(tmp_path / "drm.epub", extra_members={"META-INF/encryption.xml": enc})
    with pytest.raises(FormatError, match="DRM"):
        load(path)


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    doc = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Chapter One</h1>'
        "<p>Before &secret; after.</p></body></html>"
    )
    path = make_epub(tmp_path / "xxe.epub", extra_members={"OEBPS/text/ch1.xhtml": doc})
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\x00"
    text = load(path).text
    assert "Before" in text and "after." in text
    assert hostname not in text


def test_epub_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "book")
    assert load(path).metadata.source_format == "epub"


def test_chapter_count_matches_builder(tmp_path: Path) -> None:
    many = [(f"Chapter {i}", [f"Paragraph {i}."]) for i in range(1, 30)]
    story = load(make_epub(tmp_path / "many.epub", chapters=many))
    assert [c.title for c in story.chapters] == [t for t, _ in many]


def test_a_big_epub_is_not_refused_for_its_size(tmp_path: Path) -> None:
    """Pictures make EPUBs big; only the text is ever inflated, so the 40 MB text limit does not apply."""
    path = make_epub(tmp_path / "pictures.epub", extra_members={"OEBPS/images/big.bin": bytes(range(256)) * 200_000})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr("OEBPS/images/huge.bin", b"\x01" * 45_000_000)
    assert path.stat().st_size > 40 * 1024 * 1024
    assert load(path).text == EXPECTED


def _one_file_book(tmp_path: Path, nav_links: str, body: str) -> Path:
    """An EPUB 3 whose whole text is one XHTML file; ``nav_links`` are the contents' <li> items."""
    doc = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>B</title>'
        f"</head><body>{body}</body></html>"
    )
    nav = (
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
        'xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>'
        f"{nav_links}</ol></nav></body></html>"
    )
    return make_epub(
        tmp_path / "one.epub",
        chapters=[("Whole", ["x"])],
        extra_members={"OEBPS/text/ch1.xhtml": doc, "OEBPS/nav.xhtml": nav},
    )


def test_contents_anchors_split_one_file_into_chapters(tmp_path: Path) -> None:
    body = (
        "<p>A dedication.</p>"
        '<h2 id="c1">I. The Dock</h2><p>Boats came in.</p>'
        '<div id="c2"><h2>II. The Storm</h2><p>Wind rose.</p></div>'
    )
    links = '<li><a href="text/ch1.xhtml#c1">Chapter I</a></li><li><a href="text/ch1.xhtml#c2">Chapter II</a></li>'
    story = load(_one_file_book(tmp_path, links, body))
    assert [c.title for c in story.chapters] == [None, "Chapter I", "Chapter II"]
    assert story.text == "A dedication.\n\nI. The Dock\n\nBoats came in.\n\nII. The Storm\n\nWind rose."
    assert story.span_text(story.chapters[2]).startswith("II. The Storm")
    assert_chapters_cover(story)


def test_a_part_title_page_joins_the_next_chapter(tmp_path: Path) -> None:
    body = (
        '<h1 id="p1">Part One</h1><h2 id="c1">Chapter 1</h2><p>It began.</p>'
        '<h2 id="c2">Chapter 2</h2><p>It went on.</p>'
    )
    links = (
        '<li><a href="text/ch1.xhtml#p1">Part One</a><ol>'
        '<li><a href="text/ch1.xhtml#c1">Chapter 1</a></li><li><a href="text/ch1.xhtml#c2">Chapter 2</a></li></ol></li>'
    )
    story = load(_one_file_book(tmp_path, links, body))
    assert [c.title for c in story.chapters] == ["Part One — Chapter 1", "Chapter 2"]
    assert story.text == "Part One\n\nChapter 1\n\nIt began.\n\nChapter 2\n\nIt went on."


def test_regression_a_zip_of_an_unsupported_version_is_a_clear_error(tmp_path):
    """Found by the fuzz test: zipfile raises NotImplementedError for 'zip file version 6.4'."""
    import zipfile

    from heartline.errors import HeartlineError
    from heartline.ingest import load

    path = tmp_path / "v64.epub"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip")
    data = bytearray(path.read_bytes())
    data[data.find(b"PK\x01\x02") + 6] = 64  # central directory: needs zip 6.4, which zipfile lacks
    path.write_bytes(bytes(data))
    with pytest.raises(HeartlineError, match="not a valid EPUB"):
        load(path)
