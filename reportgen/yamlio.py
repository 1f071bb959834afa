"""Safe YAML reading that remembers where every mapping and key came from.

Error messages must name the line of the offending field, so the loader returns dicts that
carry their source lines. Only the safe loader is used: data files never build Python objects.
"""

from __future__ import annotations

import codecs
import decimal
import hashlib
import re
from pathlib import Path
from typing import Any, TypeVar, get_args

import yaml
from pydantic import BaseModel, ValidationError

from reportgen.errors import Problem
from reportgen.locale import LANGS
from reportgen.locale.texts import field_name
from reportgen.safeio import MAX_DATA_FILE_BYTES, Refused, read_file, read_inside
from reportgen.text.safe import describe_character

M = TypeVar("M", bound=BaseModel)

__all__ = [
    "MAX_DATA_FILE_BYTES",
    "LineDict",
    "decode_text",
    "dump_yaml",
    "load_yaml",
    "read_text",
]


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


def parse_yaml(text: str) -> Any:
    """A bundled word list or lexicon as plain data (no line tracking), with the same safe,
    fast loader as data files: the pure-Python reader took a tenth of a second for the
    glossary, in every command that reads a label."""
    return yaml.load(text, Loader=_SafeBase)  # a safe loader either way


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
    """Read a UTF-8 text file the user named (a BOM is tolerated), at most ``limit`` bytes and
    only if it is a regular file; a problem is recorded instead of raising."""
    try:
        data = read_file(path, limit)
    except Refused as refused:
        problems.append(Problem(shown, None, None, None, refused.reason))
        return None
    return decode_text(data, shown, problems)


def decode_text(data: bytes, shown: str, problems: list[Problem]) -> str | None:
    """UTF-8 text from a file's bytes (a BOM is tolerated); a problem naming the encoding if
    it is another one."""
    utf16 = _utf16(data)
    if utf16:
        problems.append(Problem(shown, None, None, None, f"{utf16} text; save it as UTF-8"))
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


def _utf16(data: bytes) -> str | None:
    """'UTF-16' if the bytes are UTF-16 text (Windows Notepad's "Unicode"), by its byte-order
    mark or, without one, by a NUL in every other byte of ASCII text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
        codecs.BOM_UTF32_LE
    ):
        return "UTF-16"
    sample = data[:4096]
    if len(sample) >= 4 and len(sample) % 2 == 0:
        for nuls, text in ((sample[1::2], sample[0::2]), (sample[0::2], sample[1::2])):
            if nuls.count(0) >= len(nuls) * 0.9 and text.count(0) == 0:
                return "UTF-16"
    return None


def load_yaml(
    path: Path, shown: str, problems: list[Problem], digests: dict[str, str] | None = None
) -> Any:
    """Parse one YAML file into LineDicts and lists; None (with a problem) if it cannot be read.

    The file must be a regular file inside its own folder (a symlink out of it is refused),
    at most MAX_DATA_FILE_BYTES, with no aliases or merge keys. ``digests`` gets the sha256
    of the bytes read, under the file's name."""
    try:
        data = read_inside(path.parent, path.name)
    except Refused as refused:
        problems.append(Problem(shown, None, None, None, refused.reason))
        return None
    if digests is not None:
        digests[path.name] = hashlib.sha256(data).hexdigest()
    text = decode_text(data, shown, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(shown, None, None, None, "file is empty"))
        return None
    loader = _LineLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        refusal = _refuse_shared_nodes(node)
        if refusal is not None:
            line, message = refusal
            problems.append(Problem(shown, line, None, None, message))
            return None
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        problems.append(Problem(shown, line, None, None, f"invalid YAML: {what}"))
    except yaml.reader.ReaderError as exc:  # a character YAML refuses (a control character)
        # (the error's own position counts from the end of PyYAML's buffer: find the character)
        char = chr(exc.character) if isinstance(exc.character, int) else ""
        line = text[: text.find(char)].count("\n") + 1 if char and char in text else None
        problems.append(
            Problem(
                shown,
                line,
                None,
                None,
                f"invalid YAML: character {describe_character(char) if char else ''} "
                "is not allowed",
            )
        )
    except yaml.YAMLError as exc:
        problems.append(Problem(shown, None, None, None, f"invalid YAML: {exc}"))
    finally:
        loader.dispose()
    return None


_MERGE_TAG = "tag:yaml.org,2002:merge"
ALIASES_REFUSED = (
    "YAML aliases (*name) are not supported in reportgen files: write the value out in full"
)
MERGE_REFUSED = (
    "YAML merge keys (<<) are not supported in reportgen files: write the fields out in full"
)


def _refuse_shared_nodes(root: yaml.Node) -> tuple[int, str] | None:
    """The line and reason of the first alias or merge key, or None.

    A data file has no need for them: every entry is reviewed as written, next to its quote,
    and line numbers in errors must point at what is written. Refusing them also removes the
    "billion laughs": nine lines of nested aliases that expand to a billion strings in
    whatever walks the result. An alias is a node reached a second time, so one pass over the
    composed graph that visits each node once finds it (the graph is as small as the text).
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, root.start_mark.line + 1)]
    while stack:
        node, line = stack.pop()
        if id(node) in seen:
            return line, ALIASES_REFUSED
        seen.add(id(node))
        # children pushed last-first, so they are visited in document order and the second
        # sighting of a node is its alias, reported on the line of the key that uses it
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                if key.tag == _MERGE_TAG:
                    return key.start_mark.line + 1, MERGE_REFUSED
                key_line = key.start_mark.line + 1
                stack.append((value, key_line))
                stack.append((key, key_line))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, _line(item, seen, line)) for item in reversed(node.value))
    return None


def _line(node: yaml.Node, seen: set[int], parent_line: int) -> int:
    """A node's own line; for one already seen (an alias), the line of what contains it."""
    return parent_line if id(node) in seen else node.start_mark.line + 1


def validate_model(
    model: type[M],
    item: LineDict,
    shown: str,
    label: str,
    problems: list[Problem],
    context: dict[str, Any] | None = None,
) -> M | None:
    """Validate one mapping; each schema error becomes a Problem on the line of its field.
    ``context`` reaches the model's validators (the face a dataset's text is checked against)."""
    try:
        return model.model_validate(dict(item), context=context)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = [str(part) for part in _as_written(model, item, error["loc"])]
            line = line_for(item, loc)
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown field (a typo?)"
            elif error["type"] in ("float_type", "int_type"):
                message = _exponent_hint(error.get("input")) or message
            problems.append(Problem(shown, line, label, ".".join(loc) or None, message))
        return None


def _as_written(model: type[BaseModel] | None, item: Any, loc: tuple) -> tuple:
    """An error's location as the file writes it: a localised field written per language
    (``label_en``, here or in a model the model holds) is reported there, not as the model's
    ``label.en``; one written as a mapping (``title: {zh: …}``) keeps its own path."""
    if not loc:
        return loc
    part, rest = loc[0], loc[1:]
    localized = getattr(model, "localized", ())
    if part in localized and isinstance(item, dict) and part not in item:
        if not rest:
            return (f"{part}_{LANGS[0]}",)  # none of its languages given: name the first
        return field_name(loc)
    if isinstance(part, int):
        child = item[part] if isinstance(item, list) and part < len(item) else None
        return (part, *_as_written(model, child, rest))
    child = item.get(part) if isinstance(item, dict) else None
    return (part, *_as_written(_model_in(model, part), child, rest))


def _model_in(model: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    """The model a field holds (itself, in a list, or optional), if it holds one."""
    fields = model.model_fields if model is not None else {}
    field = fields.get(name) or next((f for f in fields.values() if f.alias == name), None)
    pending = [field.annotation] if field is not None else []
    while pending:
        kind = pending.pop()
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            return kind
        pending.extend(get_args(kind))
    return None


_EXPONENT = re.compile(r"^([-+]?)(\d*)(?:\.(\d*))?[eE]([-+]?)(\d+)$")


def _exponent_hint(value: object) -> str | None:
    """For 8.1e9: YAML 1.1 reads a number with an exponent as text unless it has a point
    and a signed exponent, so say so and how to write it."""
    match = _EXPONENT.match(value) if isinstance(value, str) else None
    if match is None or not (match[2] or match[3]):
        return None
    sign, whole, fraction, exp_sign, exponent = match.groups()
    fixed = f"{sign}{whole or '0'}.{fraction or '0'}e{exp_sign or '+'}{exponent}"
    if fixed.lower() == value.lower():  # already the YAML form: quoted, so text
        return f"{value} is text here (in quotes?); write it without quotes"
    hint = f"YAML reads {value} as text, not a number; write {fixed}"
    plain = decimal.Decimal(value)
    if abs(plain.adjusted()) <= 15:
        digits = format(plain, "f")
        digits = digits.rstrip("0").rstrip(".") if "." in digits else digits
        hint += f" or {digits}"
    return hint


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


def dump_yaml(data: object) -> bytes:
    """UTF-8 YAML of plain data (dicts, lists, strings, numbers), as reportgen writes the
    files a user edits: keys in the order given, Chinese as itself rather than escaped, lines
    folded at 100 columns. Only the safe representer is used: no Python object tags."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")
