"""Every third-party module the package imports is installed by `pip install .` alone
(directly or through a dependency), so the README's first command works on a fresh machine."""

import ast
import re
import sys
from importlib.metadata import packages_distributions, requires

from tests.conftest import ROOT

STDLIB = set(sys.stdlib_module_names)


def imported_modules() -> set[str]:
    names = set()
    for path in (ROOT / "reportgen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in STDLIB and n != "reportgen"}


def runtime_closure() -> set[str]:
    def base(requirement: str) -> str:
        return re.split(r"[ ;<>=!~\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")

    own = [r for r in requires("reportgen") or [] if "extra ==" not in r]
    seen: set[str] = set()
    todo = [base(r) for r in own]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            todo += [base(r) for r in requires(name) or [] if "extra ==" not in r]
        except Exception:
            continue
    return seen


def test_runtime_imports_come_with_the_runtime_dependencies():
    distributions = packages_distributions()
    closure = runtime_closure()
    missing = []
    for module in sorted(imported_modules()):
        dists = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        if module == "tomli" or not dists:
            continue
        if not dists & closure:
            missing.append(f"{module} ({', '.join(sorted(dists))})")
    assert missing == [], "imported but only installed by the test extra: " + ", ".join(missing)
