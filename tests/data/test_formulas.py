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


@pytest.mark.parametrize(
    ("formula", "shown"),
    [
        ("a * " + "9" * 400, "999999999999… (400 chars)"),
        ("a * 1e400", "1e400"),
        ("a / -2e15", "2e15"),
    ],
)
def test_constants_beyond_what_reportgen_prints_are_refused(formula, shown):
    with pytest.raises(FormulaError, match="outside ±1e\\+15") as error:
        names_in(formula)
    assert f"constant {shown} " in str(error.value)
    assert names_in("a * 1e15") == ["a"]


def test_a_result_that_overflows_is_an_error_not_infinity():
    with pytest.raises(FormulaError, match="too large"):
        evaluate("a" + " * a" * 30, {"a": 1e15})
