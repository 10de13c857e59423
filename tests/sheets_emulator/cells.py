"""One cell: what was entered, how it is stored, and how each render option shows it.

What USER_ENTERED text becomes depends on the spreadsheet's locale: in en_US
"12/10/2014 14:03:27" is a date-time and "1,5" stays text; in ru_RU
"10.12.2014 14:03:27" is the date-time and "1,5" the number 1.5. Not modelled:
dates without a year ("1.5" read as 1 May in ru_RU), times alone, currencies.
"""

from __future__ import annotations

import ast
import operator
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .errors import CELL_LIMIT, CELL_LIMIT_MESSAGE, bad_request
from .locales import DATE_KINDS, Locale, format_date, locale_of, parse_date, to_serial

Scalar = str | int | float | bool

# en_US: "." is the decimal mark and "," only groups thousands, so "2,5" stays text.
_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?")
# A decimal comma (ru_RU, uk_UA): no grouping is read.
_COMMA_NUMBER = re.compile(r"[+-]?\d*(,\d+)?([eE][+-]?\d+)?")
_PERCENT = re.compile(r"([+-]?\d+([.,]\d+)?)%")
_ARITHMETIC = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
FORMULA_ERROR = "#ERROR!"


@dataclass(frozen=True)
class Cell:
    value: Scalar  # the effective value
    formula: str | None = None
    shown: str | None = None  # how a number typed with % or grouping is displayed
    number_format: str | None = None  # DATE or DATE_TIME: the value is a serial number


@dataclass(frozen=True)
class Rendering:
    """How values are read back: valueRenderOption, dateTimeRenderOption, and the locale."""

    value: str = "FORMATTED_VALUE"
    date_time: str = "SERIAL_NUMBER"
    locale: str = "en_US"


def _check_length(text: str) -> None:
    if len(text) > CELL_LIMIT:
        raise bad_request(CELL_LIMIT_MESSAGE)


def entered(raw: Any, user_entered: bool, locale: str = "en_US") -> Cell | None:
    """The cell an input value makes; None clears it. JSON null is handled by the caller."""
    if isinstance(raw, bool | int | float):
        return Cell(_tidy(raw))
    text = str(raw)
    _check_length(text)
    if text == "":
        return None
    return _parse_typed(text, locale_of(locale)) if user_entered else Cell(text)


def form_answer(raw: datetime | str, locale: str) -> Cell | None:
    """A cell as a Google Form writes it: its timestamp a date-time, an answer that reads
    as a number or a date stored as one ("0501234567" is 501234567), the rest as text."""
    if isinstance(raw, datetime):
        return Cell(_tidy(to_serial(raw)), number_format="DATE_TIME")
    if raw == "":
        return None
    _check_length(raw)
    return _number_or_date(raw.strip(), locale_of(locale)) or Cell(raw)


def _parse_typed(text: str, locale: Locale) -> Cell:
    """What Google makes of text typed into a cell (USER_ENTERED) in this locale."""
    if text.startswith("="):
        return Cell(evaluate(text[1:]), formula=text)
    if text.startswith("'"):
        return Cell(text[1:])
    stripped = text.strip()
    if stripped.upper() in ("TRUE", "FALSE"):
        return Cell(stripped.upper() == "TRUE")
    return _number_or_date(stripped, locale) or Cell(text)


def _number_or_date(text: str, locale: Locale) -> Cell | None:
    has_digit = any(ch.isdigit() for ch in text)
    if has_digit and locale.decimal == "." and _NUMBER.fullmatch(text):
        number = _tidy(float(text.replace(",", "")))
        return Cell(number, shown=text if "," in text else None)
    if has_digit and locale.decimal == "," and _COMMA_NUMBER.fullmatch(text):
        return Cell(_tidy(float(text.replace(",", "."))))
    percent = _PERCENT.fullmatch(text)
    if percent and (percent.group(2) or locale.decimal)[0] == locale.decimal:
        return Cell(_tidy(float(percent.group(1).replace(",", ".")) / 100), shown=text)
    date = parse_date(text, locale)
    if date is not None:
        return Cell(_tidy(date[0]), number_format=date[1])
    return None


def _tidy(number: int | float | bool) -> int | float | bool:
    if isinstance(number, float) and number.is_integer() and abs(number) < 1e15:
        return int(number)
    return number


def evaluate(expression: str) -> Scalar:
    """Only plain arithmetic on numbers; anything else shows as an error, as Google's would."""
    try:
        tree = ast.parse(expression.strip(), mode="eval")
        return _tidy(_arithmetic(tree.body))
    except (SyntaxError, ValueError, ZeroDivisionError, TypeError, OverflowError):
        return FORMULA_ERROR


def _arithmetic(node: ast.AST) -> float:
    value = getattr(node, "value", None)
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(node, ast.Constant) and is_number:
        return float(value)  # type: ignore[arg-type]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        sign = -1.0 if isinstance(node.op, ast.USub) else 1.0
        return sign * _arithmetic(node.operand)
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        return float(_ARITHMETIC[type(node.op)](_arithmetic(node.left), _arithmetic(node.right)))
    raise ValueError("not arithmetic")


def format_number(number: int | float, locale: str = "en_US") -> str:
    if isinstance(number, int):
        return str(number)
    text = repr(number)
    text = text.replace("e", "E") if "e" in text else text
    return text.replace(".", locale_of(locale).decimal)


def formatted(cell: Cell, locale: str = "en_US") -> str:
    if isinstance(cell.value, bool):
        return "TRUE" if cell.value else "FALSE"
    if cell.number_format in DATE_KINDS and isinstance(cell.value, int | float):
        return format_date(cell.value, cell.number_format or "", locale_of(locale))
    if isinstance(cell.value, int | float):
        return cell.shown or format_number(cell.value, locale)
    return cell.value


def render(cell: Cell, how: Rendering) -> Scalar:
    """The value for valueRenderOption FORMATTED_VALUE, UNFORMATTED_VALUE or FORMULA; dates
    unformatted are serial numbers, or their formatted text under FORMATTED_STRING."""
    if how.value == "FORMULA" and cell.formula is not None:
        return cell.formula
    if how.value not in ("UNFORMATTED_VALUE", "FORMULA"):
        return formatted(cell, how.locale)
    if cell.number_format in DATE_KINDS and how.date_time == "FORMATTED_STRING":
        return formatted(cell, how.locale)
    return cell.value
