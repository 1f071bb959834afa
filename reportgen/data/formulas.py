"""Arithmetic over metric ids, for derived metrics.

Formulas come from data files, so they are parsed, never ``eval``-ed: only numbers, metric ids,
``+ - * /``, unary minus and parentheses are accepted.

>>> names_in("staff_total - staff_masters - staff_doctorates")
['staff_total', 'staff_masters', 'staff_doctorates']
>>> round(evaluate("a / (1 + b / 100)", {"a": 360, "b": 38.3}), 2)
260.3
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping

from reportgen.data.schema import MAX_VALUE

_BINARY: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


class FormulaError(ValueError):
    """The formula is not plain arithmetic over metric ids, or cannot be computed."""


def _parse(formula: str) -> ast.expr:
    if len(formula) > 500:
        raise FormulaError("formula longer than 500 characters")
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"not a valid formula: {exc.msg}") from None
    for node in ast.walk(tree):
        allowed = (
            ast.Expression,
            ast.BinOp,
            ast.UnaryOp,
            ast.USub,
            ast.UAdd,
            ast.Name,
            ast.Load,
            ast.Constant,
            *_BINARY,
        )
        if not isinstance(node, allowed):
            raise FormulaError(
                f"only + - * / ( ) numbers and metric ids are allowed, not {type(node).__name__}"
            )
        if isinstance(node, ast.Constant) and (
            isinstance(node.value, bool) or not isinstance(node.value, int | float)
        ):
            raise FormulaError(f"only numbers may appear as constants, not {node.value!r}")
        # A 400-digit literal would overflow a float; 1e400 is read as infinity.
        if isinstance(node, ast.Constant) and not abs(node.value) <= MAX_VALUE:
            written = ast.get_source_segment(formula, node) or ""
            shown = written if len(written) <= 20 else f"{written[:12]}… ({len(written)} chars)"
            raise FormulaError(
                f"constant {shown} is outside ±{MAX_VALUE:g}, the largest value reportgen prints"
            )
    return tree.body


def names_in(formula: str) -> list[str]:
    """Metric ids the formula uses, in order of first use."""
    # ast.walk is breadth-first; order by column so the inputs read as the formula is written.
    first_use: dict[str, int] = {}
    for node in ast.walk(_parse(formula)):
        if isinstance(node, ast.Name):
            first_use[node.id] = min(node.col_offset, first_use.get(node.id, node.col_offset))
    return sorted(first_use, key=first_use.__getitem__)


def constants_in(formula: str) -> list[float]:
    """The numbers the formula writes itself (the 100 of a percentage, the 1000 of a ‰ share):
    a note that shows the formula shows them too."""
    return [float(n.value) for n in ast.walk(_parse(formula)) if isinstance(n, ast.Constant)]


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """Value of the formula with each metric id replaced by its value."""

    def walk(node: ast.expr) -> float:
        if isinstance(node, ast.Constant):
            return float(node.value)
        if isinstance(node, ast.Name):
            if node.id not in values:
                raise FormulaError(f"unknown metric id '{node.id}'")
            return float(values[node.id])
        if isinstance(node, ast.UnaryOp):
            operand = walk(node.operand)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp):
            left, right = walk(node.left), walk(node.right)
            if isinstance(node.op, ast.Div) and right == 0:
                raise FormulaError("division by zero")
            result = _BINARY[type(node.op)](left, right)
            if not math.isfinite(result):
                raise FormulaError("the result is too large to compute")
            return result
        raise FormulaError(f"unsupported {type(node).__name__}")  # unreachable after _parse

    return walk(_parse(formula))
