"""Safe YAML reading that remembers where every mapping and key came from.

Error messages must name the line of the offending field, so the loader returns dicts that
carry their source lines. Only the safe loader is used: data files never build Python objects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from reportgen.errors import Problem

M = TypeVar("M", bound=BaseModel)

MAX_DATA_FILE_BYTES = 2 * 1024 * 1024  # a news page is ~20 KB; bigger is a mistake


class LineDict(dict):
    """A mapping from YAML with ``line`` (where it starts) and ``key_lines`` (where each key is)."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str | None) -> int:
        """Line of ``key`` if the mapping has it, else the line where the mapping starts."""
        if key is not None and key in self.key_lines:
            return self.key_lines[key]
        return self.line


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


# libyaml's C parser when PyYAML has it (several times faster); the safe constructor either way.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                key = str(key)
            if key in mapping:
                raise _DuplicateKey(
                    None, None, f"duplicate key '{key}' in one mapping", key_node.start_mark
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


def read_text(
    path: Path, shown: str, problems: list[Problem], limit: int = MAX_DATA_FILE_BYTES
) -> str | None:
    """Read a UTF-8 text file (a BOM is tolerated); a problem is recorded instead of raising."""
    try:
        if path.stat().st_size > limit:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    None,
                    f"file is larger than {MAX_DATA_FILE_BYTES // 2**20} MiB",
                )
            )
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(shown, None, None, None, "file not found"))
        return None
    except IsADirectoryError:
        problems.append(Problem(shown, None, None, None, "is a folder, expected a file"))
        return None
    except OSError as exc:
        problems.append(Problem(shown, None, None, None, f"cannot read: {exc.strerror}"))
        return None
    if b"\x00" in data:
        problems.append(
            Problem(shown, None, None, None, "contains NUL bytes; this is not a text file")
        )
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                shown,
                line,
                None,
                None,
                "not UTF-8 text (GBK or another encoding?); save it as UTF-8",
            )
        )
        return None
    return text


def load_yaml(path: Path, shown: str, problems: list[Problem]) -> Any:
    """Parse one YAML file into LineDicts and lists; None (with a problem) if it cannot be read."""
    text = read_text(path, shown, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(shown, None, None, None, "file is empty"))
        return None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        problems.append(Problem(shown, line, None, None, f"invalid YAML: {what}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(shown, None, None, None, f"invalid YAML: {exc}"))
    return None


def validate_model(
    model: type[M], item: LineDict, shown: str, label: str, problems: list[Problem]
) -> M | None:
    """Validate one mapping; each schema error becomes a Problem on the line of its field."""
    try:
        return model.model_validate(dict(item))
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = [str(part) for part in error["loc"]]
            line = line_for(item, loc)
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown field (a typo?)"
            problems.append(Problem(shown, line, label, ".".join(loc) or None, message))
        return None


def line_for(item: LineDict, loc: list[str]) -> int:
    node: Any = item
    line = item.line
    for part in loc:
        if isinstance(node, LineDict):
            line = node.line_of(part)
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
            line = getattr(node, "line", line)
        else:
            break
    return line
