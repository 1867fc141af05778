"""Input crafted to hang, crash or fool the readers: each case is one that once did, named after what broke.

Every case must end in a Story or a HeartlineError, quickly. Times are not asserted (the benchmark
benchmarks/bench_adversarial.py measures them); a regression to quadratic time shows as a test that
runs for minutes, and the sizes here are chosen so that it would.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from heartline.errors import InputTooLarge, UnsafeArchive
from heartline.ingest import load
from heartline.ingest import markdown as md
from heartline.ingest.markdown import strip_inline

from .builders import make_epub, xhtml


def _rewrite(path: Path, changes: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """The EPUB at ``path`` with some members replaced or added."""
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members.update({k: v.encode() if isinstance(v, str) else v for k, v in changes.items()})
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _opf(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read("OEBPS/content.opf").decode()


def _random_words(n: int, seed: int) -> str:
    """Words that compress about as well as prose does (so the zip-bomb ratio check lets them through)."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    return " ".join("".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(n))


# -- Markdown: emphasis, link, comment and autolink patterns that never close ------------------------------


QUADRATIC_MARKDOWN = {
    "underscore_emphasis_never_closing": "_a " * 40_000,
    "star_emphasis_never_closing": "*a " * 40_000,
    "strong_emphasis_closed_by_the_other_delimiter": "***a " * 20_000 + "a___",
    "link_text_never_closing": "[" * 100_000,
    "link_target_never_closing": "[a](" * 25_000,
    "comment_never_closing": "-->" + "<!--a " * 20_000,
    "autolink_never_closing": "<http:" * 20_000,
    "code_span_of_a_long_backtick_run": "`" * 100_000,
}


@pytest.mark.parametrize("name", sorted(QUADRATIC_MARKDOWN))
def test_markdown_inline_patterns_that_never_close_are_read_in_linear_time(name: str) -> None:
    text = QUADRATIC_MARKDOWN[name]
    assert isinstance(strip_inline(text), str)
    assert load(text=text + "\n\nThe end of it.", format="markdown").text.endswith("The end of it.")


def _regex_strip(text: str) -> str:
    """What strip_inline's linear helpers replace: the module's reference regexes, applied with ``sub``."""
    text = md._LINK.sub(r"\1", md._IMAGE.sub("", text))
    text = md._TAG.sub("", md._AUTOLINK.sub(r"\1", text))
    for regex in md._EMPH:
        text = regex.sub(r"\2", text)
    return text


def _linear_strip(text: str) -> str:
    text = md._brackets(md._brackets(text, image=True), image=False)
    text = md._strip_tags(md._autolinks(text))
    for opens, closes in zip(md._EMPH_OPEN, md._EMPH_CLOSE, strict=True):
        text = md._emphasis(text, opens, closes)
    return text


def test_linear_markdown_helpers_give_what_the_regexes_give() -> None:
    pieces = [*"*_~[]()!<>-/ \naZ1:", "http:", "<!--", "-->", "mailto:", "<b>", "</i>", "https:", "***", "__"]
    rng = random.Random(31)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert _linear_strip(text) == _regex_strip(text), text


def test_markdown_still_strips_ordinary_markup() -> None:
    text = "**Bold**, _it_, ***both***, ~~gone~~, [a link](http://x.org), ![img](i.png), <b>tag</b><!-- c -->, <https://a.b>"
    assert strip_inline(text) == "Bold, it, both, gone, a link, , tag, https://a.b"


# -- AO3 / HTML -----------------------------------------------------------------------------------------


def test_ao3_control_characters_next_to_landmark_headings(tmp_path: Path) -> None:
    body = "<p>More words of the story here, said Noor.</p>" * 20
    path = tmp_path / "work.html"
    path.write_text(
        "<html><body><div id='chapters'><div class='userstuff'><h3 class='landmark'>Chapter Text</h3>"
        f"\x01Hello there.\x02{body}</div></div></body></html>",
        encoding="utf-8",
    )
    story = load(path)
    assert story.text.startswith("Hello there.")
    assert "\x01" not in story.text and "\x02" not in story.text


def test_html_with_a_malformed_xml_declaration(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text('<?xml version="1.0" encoding="utf-8">\n<p>Hello there, friend.</p>', encoding="utf-8")
    assert load(path).text == "Hello there, friend."


def test_html_string_with_lone_surrogates_and_controls() -> None:
    assert load(text="<p>One\ud800 two\x0b three.</p>", format="ao3").text == "One two three."


# -- EPUB -----------------------------------------------------------------------------------------------


def test_epub_chapter_with_a_malformed_xml_declaration(tmp_path: Path) -> None:
    chapter = '<?xml version="1.0" encoding="utf-8">\n<html><body><p>Hello & there.</p></body></html>'
    path = _rewrite(make_epub(tmp_path / "decl.epub"), {"OEBPS/text/ch1.xhtml": chapter})
    assert load(path).text.startswith("Chapter One\n\nHello & there.")


def test_epub_member_name_that_is_not_utf8(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "name.epub")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(zipfile.ZipInfo("OEBPS/bad\u00e9.xhtml"), "x")  # stored with the UTF-8 flag
    path.write_bytes(path.read_bytes().replace("bad\u00e9".encode(), b"bad\xff\xfe"))
    with pytest.raises(UnsafeArchive, match="UTF-8"):
        load(path)


def test_epub_member_whose_local_name_is_not_utf8(tmp_path: Path) -> None:
    """The central directory's name is fine but the member's own header holds bytes that are not UTF-8."""
    path = make_epub(tmp_path / "local.epub")
    raw = bytearray(path.read_bytes())
    name = b"OEBPS/text/ch1.xhtml"
    at = raw.find(name)  # the local header's copy comes before the central directory's
    raw[at + len(name) - 5] = 0xFF
    flags = raw.rfind(b"PK\x03\x04", 0, at)
    raw[flags + 7] |= 0x08  # the UTF-8 flag in the local header (bit 11)
    path.write_bytes(bytes(raw))
    with pytest.raises(Exception) as err:
        load(path)
    assert err.type.__module__ == "heartline.errors"


def test_epub_opf_with_an_internal_dtd_entity(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "entity.epub")
    opf = _opf(path).replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE package [<!ENTITY t "Expanded">]>',
    )
    path = _rewrite(path, {"OEBPS/content.opf": opf.replace("<dc:title>The Ferry Year", "<dc:title>&t;The Ferry Year")})
    story = load(path)
    assert story.metadata.title == "The Ferry Year"  # the entity is ignored, never expanded
    assert "Expanded" not in story.text


def test_epub_spine_repeating_one_member(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "spine.epub", chapters=[("Big", ["x"])])
    opf = _opf(path).replace('<itemref idref="c1"/>', '<itemref idref="c1"/>' * 400)
    path = _rewrite(path, {"OEBPS/text/ch1.xhtml": xhtml("Big", [_random_words(20_000, 1)]), "OEBPS/content.opf": opf})
    story = load(path)
    assert story.metadata.words == 20_001  # the member is read once, however often the spine names it


def test_epub_word_limit_is_checked_while_members_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEARTLINE_MAX_WORDS", "20000")
    chapters = [(f"C{i}", ["x"]) for i in range(1, 41)]
    path = make_epub(tmp_path / "many.epub", chapters=chapters)
    words = _random_words(5_000, 0)
    path = _rewrite(path, {f"OEBPS/text/ch{i}.xhtml": xhtml("C", [f"w{i} {words}"]) for i in range(1, 41)})
    with pytest.raises(InputTooLarge, match=r"\(20,0\d\d words;"):  # refused at the fourth member, not the fortieth
        load(path)


def test_epub_png_declared_as_a_chapter(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    path = _rewrite(make_epub(tmp_path / "png.epub"), {"OEBPS/text/ch2.xhtml": png})
    story = load(path)
    assert "Chapter Two" not in story.text
    assert story.metadata.words < 30
    assert any("ch2.xhtml" in w and "PNG" in w for w in story.metadata.warnings)


def test_epub_binary_chapter_without_a_signature(tmp_path: Path) -> None:
    rng = random.Random(5)
    noise = bytes(rng.randrange(256) for _ in range(4000))
    path = _rewrite(make_epub(tmp_path / "noise.epub"), {"OEBPS/text/ch1.xhtml": noise})
    story = load(path)
    assert story.text.startswith("Chapter Two")
    assert any("ch1.xhtml" in w for w in story.metadata.warnings)
