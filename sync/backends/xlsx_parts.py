"""The parts inside an .xlsx file (a zip of XML documents) that the workbook backend
looks at directly: which part holds which tab, whether a tab holds formulas, and a
checksum of what each tab's values depend on."""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import struct
import zipfile
from typing import IO
from xml.etree import ElementTree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
#: A formula element, with or without a namespace prefix: <f>, <f t="shared" .../>, <x:f>.
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_PLAIN_FORMULA = re.compile(rb"<f[\s>/]")


def workbook_part(archive: zipfile.ZipFile) -> str:
    """The workbook's own part, as the package's relationships name it."""
    root = ElementTree.fromstring(archive.read("_rels/.rels"))
    for rel in root.iter(f"{_RELATIONSHIPS}Relationship"):
        if rel.get("Type", "").endswith("/officeDocument"):
            return _resolve("", rel.get("Target", ""))
    return "xl/workbook.xml"


def _workbook_relations(archive: zipfile.ZipFile) -> tuple[str, dict[str, tuple[str, str]]]:
    """The workbook's part, and its relationships: id -> (type, the part it names)."""
    book = workbook_part(archive)
    folder = posixpath.dirname(book)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(book) + ".rels")
    relations = ElementTree.fromstring(archive.read(rels_name)).iter(
        f"{_RELATIONSHIPS}Relationship"
    )
    return book, {
        rel.get("Id", ""): (rel.get("Type", ""), _resolve(folder, rel.get("Target", "")))
        for rel in relations
    }


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Tab title -> the zip part holding that worksheet."""
    book, relations = _workbook_relations(archive)
    sheets = ElementTree.fromstring(archive.read(book)).iter(f"{_MAIN}sheet")
    return {
        sheet.get("name", ""): relations[sheet.get(_R_ID, "")][1]
        for sheet in sheets
        if sheet.get(_R_ID) in relations
    }


def shared_strings_part(archive: zipfile.ZipFile) -> bytes | None:
    """The workbook's shared strings table, as the file holds it; None when it has none."""
    names = set(archive.namelist())
    for kind, name in _workbook_relations(archive)[1].values():
        if kind.endswith("/sharedStrings") and name in names:
            return archive.read(name)
    return None


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target))


def tabs_with_formulas(archive: zipfile.ZipFile, tabs: set[str]) -> set[str]:
    """Those of `tabs` whose worksheet holds at least one formula."""
    parts = sheet_parts(archive)
    return {tab for tab in tabs if tab in parts and has_formula(archive.read(parts[tab]))}


def has_formula(xml: bytes) -> bool:
    """Whether a worksheet holds a formula; a part without prefixed tags is searched for
    the plain tag, several times faster on a large tab."""
    pattern = _FORMULA if b":worksheet" in xml[:1000] else _PLAIN_FORMULA
    return pattern.search(xml) is not None


def tab_checksums(file: IO[bytes]) -> dict[str, str]:
    """Tab title -> a checksum of everything its cells read from in the .xlsx `file`:
    its worksheet part and every part that is not a worksheet (shared strings, styles,
    the workbook's own part, relationships). Taken on the parts as stored, without
    inflating them: equal stored bytes inflate to equal XML, and any change of the
    XML changes them."""
    with zipfile.ZipFile(file) as archive:
        parts = sheet_parts(archive)
        worksheets = set(parts.values())
        own: dict[str, bytes] = {}
        shared = hashlib.blake2b(digest_size=16)
        for info in archive.infolist():
            digest = stored_digest(file, info)
            if info.filename in worksheets:
                own[info.filename] = digest
            else:
                shared.update(info.filename.encode() + b"\0" + digest)
    common = shared.digest()
    return {
        title: hashlib.blake2b(common + own[part], digest_size=16).hexdigest()
        for title, part in parts.items()
        if part in own
    }


def stored_digest(file: IO[bytes], info: zipfile.ZipInfo) -> bytes:
    """A hash of one part as the zip stores it (compressed), with its CRC and sizes."""
    file.seek(info.header_offset + 26)
    name_length, extra_length = struct.unpack("<HH", file.read(4))
    file.seek(name_length + extra_length, io.SEEK_CUR)
    digest = hashlib.blake2b(digest_size=16)
    digest.update(struct.pack("<IIQQ", info.compress_type, info.CRC, info.compress_size,
                              info.file_size))  # fmt: skip
    left = info.compress_size
    while left > 0:
        chunk = file.read(min(left, 1 << 20))
        if not chunk:
            raise zipfile.BadZipFile(f"{info.filename} is cut short")
        digest.update(chunk)
        left -= len(chunk)
    return digest.digest()
