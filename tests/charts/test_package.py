"""The charts package runs with the data flow: it is given specs, a theme and a face, and
never reaches up into the template that holds them."""

import ast

from tests.conftest import ROOT


def test_no_chart_module_imports_the_template():
    found = []
    for path in sorted((ROOT / "reportgen" / "charts").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(n == "reportgen.template" or n.startswith("reportgen.template.") for n in names):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
