"""A workbook saved the way Excel and LibreOffice save it: text in a shared strings
table (openpyxl writes every text inline)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

_INLINE = re.compile(rb'<c\b([^>]*?) t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.DOTALL)
_PART = "xl/sharedStrings.xml"
_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def with_shared_strings(path: Path) -> int:
    """Move every inline text of the workbook at `path` into a shared strings table;
    the number of cells moved."""
    strings: dict[bytes, int] = {}
    moved = 0

    def shared(found: re.Match[bytes]) -> bytes:
        nonlocal moved
        moved += 1
        index = strings.setdefault(found.group(3), len(strings))
        return b'<c%s t="s"%s><v>%d</v></c>' % (found.group(1), found.group(2), index)

    with zipfile.ZipFile(path) as old:
        parts = {info.filename: old.read(info) for info in old.infolist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = _INLINE.sub(shared, data)
    table = b"".join(b"<si>%s</si>" % text for text in strings)
    parts[_PART] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="%d" uniqueCount="%d">%s</sst>' % (moved, len(strings), table)
    )
    types = parts["[Content_Types].xml"]
    if _PART.encode() not in types:
        override = b'<Override PartName="/%s" ContentType="%s"/>' % (_PART.encode(), _TYPE)
        parts["[Content_Types].xml"] = types.replace(b"</Types>", override + b"</Types>")
    rels = parts["xl/_rels/workbook.xml.rels"]
    if _REL not in rels:
        rel = b'<Relationship Id="rIdShared" Type="%s" Target="sharedStrings.xml"/>' % _REL
        parts["xl/_rels/workbook.xml.rels"] = rels.replace(
            b"</Relationships>", rel + b"</Relationships>"
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return moved
