"""Collections written box by box or room by room: the labels that number the
lines ("Коробка 1 —", "к.214 —", "📦2 —") and the lines that sum up what the
lines above them count ("… = 24" after a box's list, "Итого: одежды 12, обуви 5
пар" at the end). The counts in the lines are the things; labels and sums would
count them again."""

from __future__ import annotations

import re

#: "тарелки 12, чашки 10, кастрюли 2 = 24": a sum at the end of a line.
_LINE_SUM = re.compile(r"\s*=\s*\d{1,5}\s*$")
#: "Итого: одежды 12, обуви 5 пар, гигиены 31": a closing line of totals.
_SUMMARY = re.compile(
    r"(?:^|[\n;])\s*(?:итого|всего|всього|усього|разом|загалом|в сумме|в сумі)\s*:\s*([^\n;]*)$",
    re.IGNORECASE,
)
_LINES = re.compile(r"(?<=[\n;])")
_NUMBER = re.compile(r"(?<![\d.,])\d{1,5}(?![\d.,]\d)")
#: Enough counts to call a line a list: a sum of one count sums nothing.
_LISTED = 2


#: "Коробка 1 —", "Ящик 2 -", "к.214 —", "кімн. 5 —", "📦3 —" opening a line.
_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\n;]))(\s*)(?:(?:коробка|ящик|пакет|мешок|мішок|сумка|к\.|кімн\.?|комн\.?|№)"
    r"\s*|📦\s*)\d{1,4}\s*[—–-]\s",
    re.IGNORECASE,
)


def without_summaries(text: str) -> str:
    """The text without the labels numbering its lines, and without sums of the
    counts listed above them; a line with one count before its "= N", or a summary
    where nothing above is counted, stays."""
    text = _LABEL.sub(r"\1", text)
    if "=" in text:  # the cell's line breaks may have become "; "
        text = "".join(_without_line_sum(line) for line in _LINES.split(text))
    summary = _SUMMARY.search(text.rstrip())
    if summary is None:
        return text
    above = text[: summary.start()]
    if len(_NUMBER.findall(summary.group(1))) >= _LISTED and len(_NUMBER.findall(above)) > _LISTED:
        return above
    return text


def _without_line_sum(line: str) -> str:
    body = line.rstrip("\n;")
    found = _LINE_SUM.search(body)
    if found is None or len(_NUMBER.findall(body[: found.start()])) < _LISTED:
        return line
    return body[: found.start()] + line[len(body) :]
