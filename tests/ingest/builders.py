"""Small EPUBs and zips built in the tests, so no binary fixture is checked in."""

from __future__ import annotations

import zipfile
from pathlib import Path

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""

CHAPTERS = [
    (
        "Chapter One",
        [
            "The ferry left at dawn. Noor stood at the rail and did not wave.",
            "“You could stay,” said Teo. “Nobody would mind.”",
        ],
    ),
    ("Chapter Two", ["The island was smaller than she remembered.", "Teo had kept her letters in a tin box."]),
]


def xhtml(title: str | None, paragraphs: list[str], heading: bool = True, extra: str = "") -> str:
    """An XHTML chapter document."""
    head = f"<h1>{title}</h1>" if title and heading else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
        f"<head><title>{title or ''}</title><style>p {{ margin: 0 }}</style></head>"
        f"<body>{extra}{head}{body}</body></html>"
    )


def make_epub(
    path: Path,
    chapters: list[tuple[str, list[str]]] = CHAPTERS,
    version: int = 3,
    headings: bool = True,
    extra_members: dict[str, bytes | str] | None = None,
) -> Path:
    """Write an EPUB 2 (toc.ncx) or EPUB 3 (nav.xhtml) with one spine document per chapter."""
    items, refs, navs, points = [], [], [], []
    files: dict[str, str] = {}
    for i, (title, paras) in enumerate(chapters, 1):
        name = f"text/ch{i}.xhtml"
        files[f"OEBPS/{name}"] = xhtml(title, paras, heading=headings)
        items.append(f'<item id="c{i}" href="{name}" media-type="application/xhtml+xml"/>')
        refs.append(f'<itemref idref="c{i}"/>')
        navs.append(f'<li><a href="{name}">{title}</a></li>')
        points.append(
            f'<navPoint id="n{i}" playOrder="{i}"><navLabel><text>{title}</text></navLabel>'
            f'<content src="{name}"/></navPoint>'
        )
    if version == 3:
        files["OEBPS/nav.xhtml"] = (
            '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
            'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>Contents</title></head><body>'
            f'<nav epub:type="toc"><ol>{"".join(navs)}</ol></nav></body></html>'
        )
        items.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
        spine = f"<spine>{''.join(refs)}</spine>"
    else:
        files["OEBPS/toc.ncx"] = (
            '<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
            f"<navMap>{''.join(points)}</navMap></ncx>"
        )
        items.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
        spine = f'<spine toc="ncx">{"".join(refs)}</spine>'
    files["OEBPS/content.opf"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="{version}.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>The Ferry Year</dc:title><dc:creator>A. Tester</dc:creator><dc:creator>B. Tester</dc:creator>"
        "<dc:subject>Islands</dc:subject><dc:subject>Letters</dc:subject><dc:language>en</dc:language>"
        "<dc:description>&lt;p&gt;A year of &lt;b&gt;ferries&lt;/b&gt;.&lt;/p&gt;</dc:description>"
        '<dc:identifier id="id">test-1</dc:identifier></metadata>'
        f"<manifest>{''.join(items)}</manifest>{spine}</package>"
    )
    files.update(extra_members or {})  # type: ignore[arg-type]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        zf.writestr("META-INF/container.xml", CONTAINER)
        for name, data in files.items():
            zf.writestr(name, data)
    return path
