"""One cell: what was entered, how it is stored, and how each render option shows it."""

from __future__ import annotations

import ast
import operator
import re
from dataclasses import dataclass
from typing import Any

from .errors import CELL_LIMIT, CELL_LIMIT_MESSAGE, bad_request

Scalar = str | int | float | bool

# en_US: "." is the decimal mark and "," only groups thousands, so "2,5" stays text.
_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?")
_PERCENT = re.compile(r"([+-]?\d+(\.\d+)?)%")
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


def _check_length(text: str) -> None:
    if len(text) > CELL_LIMIT:
        raise bad_request(CELL_LIMIT_MESSAGE)


def entered(raw: Any, user_entered: bool) -> Cell | None:
    """The cell an input value makes; None clears it. JSON null is handled by the caller."""
    if isinstance(raw, bool | int | float):
        return Cell(_tidy(raw))
    text = str(raw)
    _check_length(text)
    if text == "":
        return None
    return _parse_typed(text) if user_entered else Cell(text)


def _parse_typed(text: str) -> Cell:
    """What Google makes of text typed into a cell (USER_ENTERED) in the en_US locale."""
    if text.startswith("="):
        return Cell(evaluate(text[1:]), formula=text)
    if text.startswith("'"):
        return Cell(text[1:])
    stripped = text.strip()
    if stripped.upper() in ("TRUE", "FALSE"):
        return Cell(stripped.upper() == "TRUE")
    if any(ch.isdigit() for ch in stripped) and _NUMBER.fullmatch(stripped):
        number = _tidy(float(stripped.replace(",", "")))
        return Cell(number, shown=stripped if "," in stripped else None)
    percent = _PERCENT.fullmatch(stripped)
    if percent:
        return Cell(_tidy(float(percent.group(1)) / 100), shown=stripped)
    return Cell(text)


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


def format_number(number: int | float) -> str:
    if isinstance(number, int):
        return str(number)
    text = repr(number)
    return text.replace("e", "E") if "e" in text else text


def formatted(cell: Cell) -> str:
    if isinstance(cell.value, bool):
        return "TRUE" if cell.value else "FALSE"
    if isinstance(cell.value, int | float):
        return cell.shown or format_number(cell.value)
    return cell.value


def render(cell: Cell, option: str) -> Scalar:
    """The value for valueRenderOption FORMATTED_VALUE, UNFORMATTED_VALUE or FORMULA."""
    if option == "FORMULA" and cell.formula is not None:
        return cell.formula
    if option in ("UNFORMATTED_VALUE", "FORMULA"):
        return cell.value
    return formatted(cell)
