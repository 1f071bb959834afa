import pytest

from reportgen.data.formulas import FormulaError, evaluate, names_in


def test_evaluates_arithmetic_over_metric_ids():
    assert evaluate("a - b - c", {"a": 144, "b": 62, "c": 5}) == 77
    assert evaluate("(a + b) / c * 100", {"a": 1, "b": 1, "c": 4}) == 50
    assert evaluate("-a + 2", {"a": 1}) == 1


def test_names_are_listed_in_written_order():
    assert names_in("zeta / (1 + alpha / 100) - zeta") == ["zeta", "alpha"]


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os').system('true')",
        "a.__class__",
        "a ** 2",
        "'x' + a",
        "[a][0]",
        "lambda: 1",
        "a if a else a",
        "True + a",
    ],
)
def test_rejects_anything_but_arithmetic(formula):
    with pytest.raises(FormulaError):
        evaluate(formula, {"a": 1})


def test_reports_unknown_names_and_division_by_zero():
    with pytest.raises(FormulaError, match="unknown metric id 'b'"):
        evaluate("a / b", {"a": 1})
    with pytest.raises(FormulaError, match="division by zero"):
        evaluate("a / (a - a)", {"a": 1})


def test_rejects_syntax_errors():
    with pytest.raises(FormulaError, match="not a valid formula"):
        names_in("a +")
