"""Facts as JSON (the default), YAML or CSV on standard output."""

from __future__ import annotations

import csv
import io
import json

import yaml

from reportgen.extract.facts import Fact

FIELDS = (
    "text",
    "start",
    "end",
    "kind",
    "value",
    "unit",
    "qualifier",
    "hedge",
    "subject",
    "sentence",
)


def render(facts: list[Fact], fmt: str) -> str:
    rows = [{name: getattr(fact, name) for name in FIELDS} for fact in facts]
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "yaml":
        return yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v
                for k, v in row.items()
            }
        )
    return buffer.getvalue()
