"""Text snippets from templates, rendered in a sandbox with metrics as formatted values.

Templates are data an organisation edits, so they run in Jinja's sandbox:
``{{ m.foreign_trade_2022 }}`` gives "360亿元" with the article's hedge, a derived metric
carries its mark ("22.5%（推算）"), and attribute tricks such as ``{{ ''.__class__ }}`` are
refused. Every metric a snippet uses is recorded, so speaker notes can cite its source.

The sandbox also bounds what a snippet may cost (``LIMITS``): a template must not be able to
hang a build or make it allocate gigabytes, and a snippet that tries fails as a template
error naming its file and place, like any other bad template.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import update_wrapper
from typing import Any

from jinja2 import StrictUndefined, TemplateError, UndefinedError, nodes
from jinja2.compiler import CodeGenerator, Frame, operators
from jinja2.runtime import Context, LoopContext, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reportgen import locale
from reportgen.charts.resolve import source_line, source_of
from reportgen.content.facts import Facts
from reportgen.content.model import CITATION
from reportgen.data import Dataset
from reportgen.errors import ReportgenError
from reportgen.formatting import format_date
from reportgen.locale import Lang
from reportgen.paths import display_path
from reportgen.text.safe import describe_character, refused_character


class SnippetError(ReportgenError):
    """A template's text snippet cannot be rendered (unknown metric, bad syntax, unsafe, too
    costly), or its plan names what the data lacks."""

    exit_code = 1


@dataclass(frozen=True)
class SnippetLimits:
    """What one snippet may cost. Real snippets are a sentence or two with a few metrics
    (the bundled briefing's longest is under 500 characters and takes a few dozen steps);
    the limits are far above that and only stop templates that would hang or exhaust
    memory."""

    text: int = 100_000  # characters or items in any string, list or range, and in the output
    work: int = 1_000_000  # loop iterations and operations, plus one per 64 characters handled
    depth: int = 50  # nested macro calls


LIMITS = SnippetLimits()


class _LimitExceeded(Exception):
    """Raised inside a render when a snippet goes past ``LIMITS``; never leaves this module."""


class _NotText(Exception):
    """Raised inside a render when a snippet would print an object (``{{ self }}``, a list,
    ``m`` itself) rather than text or a number; never leaves this module."""


#: What a snippet may print or turn into text: a Python object's repr on a slide is a leak.
_PRINTABLE = (str, int, float)


def _printable(value: Any) -> Any:
    if not isinstance(value, _PRINTABLE):
        raise _NotText(type(value).__name__)
    return value


class _Metrics:
    """``m`` inside a snippet: attribute access by metric id, recording what was used."""

    def __init__(self, facts: Facts, used: list[str], cite=None):
        self._facts = facts
        self._used = used
        self._cite = cite

    def __getattr__(self, name: str) -> str:
        if not self._facts.has_metric(name):
            raise UndefinedError(f"no metric '{name}'")
        if name not in self._used:
            self._used.append(name)
        text = self._facts.value(name).display
        return text + (self._cite(name) if self._cite else "")


def _size(value: Any, lazy: int = 0) -> int:
    """Characters or items a value holds, nested lists counted through (each shared list
    once per use, so ``[l, l, l]`` costs three times ``l``; counting stops past the limit);
    ``lazy`` for an iterable of unknown length (a filter's generator)."""
    total = 0
    stack = [value]
    while stack and total <= 100 * LIMITS.text:
        item = stack.pop()
        if isinstance(item, (str, bytes, range)):
            total += len(item)
        elif isinstance(item, (list, tuple, set, frozenset, dict)):
            total += len(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
        elif isinstance(item, Iterable) and not hasattr(item, "__len__"):
            total += lazy
    return total


_WIDTH = re.compile(r"\d+")
_SEQUENCES = (str, bytes, list, tuple)


class _GuardedCodeGenerator(CodeGenerator):
    """Routes what the sandbox does not intercept through the environment: every ``~``
    concatenation, for-loop iterable, list, tuple and dict literal and compared value, so
    their size and iterations are counted like any other operation. (A literal is bounded
    when it is made, so ``[l, l]`` nested forty deep cannot stand for 2^40 items that one
    ``==`` or hash would then walk.)"""

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.bounded(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.bounded(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # a target: {% for a, b in ... %}
            super().visit_Tuple(node, frame)
            return
        self.write("environment.bounded(")
        super().visit_Tuple(node, frame)
        self.write(")")

    def visit_Compare(self, node: nodes.Compare, frame: Frame) -> None:
        self.write("(environment.weighed(")
        self.visit(node.expr, frame)
        self.write(")")
        for operand in node.ops:
            self.write(f" {operators[operand.op]} environment.weighed(")
            self.visit(operand.expr, frame)
            self.write(")")
        self.write(")")

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.concat(context, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node.iter = nodes.Call(
            nodes.EnvironmentAttribute("counted"), [node.iter], [], None, None, lineno=node.lineno
        )
        super().visit_For(node, frame)


class _GuardedEnvironment(ImmutableSandboxedEnvironment):
    """The one place snippet limits are enforced: every operator, call, filter, test, ``~``,
    literal, comparison, lookup, loop iteration and output chunk goes through here and is
    charged against ``LIMITS``.

    Amplifying operations (``'x' * n``, ``s.replace('', s)``, a format width) are refused
    before they run, by bounding the size of their inputs; loops are counted per
    iteration, whatever they iterate; macro calls nest at most ``LIMITS.depth`` deep."""

    code_generator_class = _GuardedCodeGenerator
    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False, finalize=self.printed)
        self.globals["range"] = self._range
        self.globals.pop("lipsum", None)  # filler text has no place in a briefing
        self.filters = {name: self._guard_filter(name, f) for name, f in self.filters.items()}
        self.tests = {name: self._guard_filter(name, f) for name, f in self.tests.items()}
        self.reset()

    def reset(self) -> None:
        self.work = 0
        self.depth = 0

    # -- accounting ---------------------------------------------------------------------

    def charge(self, units: int) -> None:
        self.work += units
        if self.work > LIMITS.work:
            raise _LimitExceeded(f"takes more than {LIMITS.work:,} steps (a loop too long?)")

    def bounded(self, value: Any) -> Any:
        """A value an operation produced, refused if it is too large."""
        size = _size(value)
        if size > LIMITS.text:
            raise _LimitExceeded(f"makes a text or list longer than {LIMITS.text:,}")
        if isinstance(value, int) and value.bit_length() > 4 * LIMITS.text:
            raise _LimitExceeded("makes a number too large")
        self.charge(1 + size // 64)
        return value

    def printed(self, value: Any) -> Any:
        """What a ``{{ }}`` prints: text or a number, bounded."""
        return self.bounded(_printable(value))

    def weighed(self, value: Any) -> Any:
        """A value compared, hashed or looked up: charged for its size."""
        self.charge(1 + _size(value) // 64)
        return value

    def _before(self, inputs: list[Any]) -> None:
        """Refuse an operation whose inputs could combine into far more than the text limit
        before it runs: a count or width above the limit (``'x'.ljust(n)``, ``'x' * n``), or
        a product of the first input's size and the others' (the most ``s.replace('', s)``,
        ``sep.join(items)`` or ``s|indent(n)`` can make) above a hundred times it. A lazy
        input may yield as much as the largest allowed sequence."""
        counts = [abs(v) for v in inputs if isinstance(v, int) and not isinstance(v, bool)]
        if counts and max(counts) > LIMITS.text:
            raise _LimitExceeded(f"uses a count or width above {LIMITS.text:,}")
        if inputs:
            first = _size(inputs[0], LIMITS.text)
            rest = sum(counts) + sum(_size(v, LIMITS.text) for v in inputs[1:])
            if (1 + first) * (1 + rest) > 100 * LIMITS.text:
                raise _LimitExceeded(f"would make a text or list longer than {LIMITS.text:,}")
            self.charge((first + rest) // 64)

    def _check_format(self, fmt: Any) -> None:
        """A width written in a format string (``'%9999999d'``) is a count too."""
        if isinstance(fmt, str):
            self._before([int(w) for w in _WIDTH.findall(fmt) if len(w) > 4])

    # -- the sandbox's hooks -------------------------------------------------------------

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            sequence, count = (right, left) if isinstance(right, _SEQUENCES) else (left, right)
            if (
                isinstance(sequence, _SEQUENCES)
                and isinstance(count, int)
                and _size(sequence) * max(count, 0) > LIMITS.text
            ):
                raise _LimitExceeded(f"makes a text or list longer than {LIMITS.text:,}")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and right * abs(left).bit_length() > 4 * LIMITS.text:
                raise _LimitExceeded("makes a number too large")
        elif operator == "%" and isinstance(left, str):
            self._check_format(left)
            # A width or precision may come as an argument (``'%*d' % (n, 1)``): each counts.
            if isinstance(right, tuple):
                arguments = list(right)
            elif isinstance(right, dict):
                arguments = list(right.values())
            else:
                arguments = [right]
            for argument in arguments:  # '%s' % self would print an object
                _printable(argument)
            self._before([left, *arguments])
        # + - / // add or shrink bounded operands: their result is checked after
        return self.bounded(super().call_binop(context, operator, left, right))

    def concat(self, context: Context, values: tuple) -> str:
        """``a ~ b ~ c``: each part is bounded; their sum is checked before joining."""
        parts = [v if isinstance(v, str) else str(self.bounded(_printable(v))) for v in values]
        if sum(map(len, parts)) > LIMITS.text:
            raise _LimitExceeded(f"makes a text longer than {LIMITS.text:,}")
        return self.bounded(str_join(parts))

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        self = __self
        receiver = getattr(__obj, "__self__", None)
        values = [*args, *kwargs.values()]
        if isinstance(receiver, (*_SEQUENCES, dict)):  # 'x'.ljust(n), s.replace(a, b)
            if isinstance(receiver, str):  # '{}'.format(self), ' '.join([m]): they print
                for value in values:
                    for item in value if isinstance(value, (list, tuple)) else [value]:
                        _printable(item)
            self._before([receiver, *values])
        else:  # a macro, range(), dict(): each argument is already bounded
            self._before([v for v in values if isinstance(v, int)])
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's inner iterable
            args = (self.counted(args[0]), *args[1:])
        if self.depth >= LIMITS.depth:
            raise _LimitExceeded(f"nests calls more than {LIMITS.depth} deep (recursion?)")
        self.depth += 1
        try:
            return self.bounded(super().call(__context, __obj, *args, **kwargs))
        finally:
            self.depth -= 1

    def getitem(self, obj: Any, argument: Any) -> Any:
        return super().getitem(obj, self.weighed(argument))

    def wrap_str_format(self, value: Any) -> Any:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        self._check_format(value.__self__)

        def printing(*args: Any, **kwargs: Any) -> Any:  # '{}'.format(self) prints an object
            for argument in (*args, *kwargs.values()):
                _printable(argument)
            return wrapper(*args, **kwargs)

        return update_wrapper(printing, wrapper)

    def _guard_filter(self, name: str, function: Any) -> Any:
        passes = getattr(function, "jinja_pass_arg", None) is not None  # context comes first

        def guarded(*args: Any, **kwargs: Any) -> Any:
            values = [*args[1 if passes else 0 :], *kwargs.values()]
            if name == "format" and values:
                self._check_format(values[0])
            if name in ("format", "string") and values:  # they print their arguments
                for value in values:
                    _printable(value)
            if name == "join" and values and isinstance(values[0], (list, tuple)):
                for value in values[0]:
                    _printable(value)
            self._before(values)
            return self.bounded(function(*args, **kwargs))

        return update_wrapper(guarded, function)

    def _range(self, *args: int) -> range:
        self._before(list(args))
        return self.bounded(range(*args))

    def counted(self, iterable: Any) -> Iterator[Any]:
        """A loop's iterable, charging one step per iteration."""
        for item in iterable:
            self.charge(1)
            yield item


def snippet_context(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """What every snippet may name besides ``m``: {{ title }}, {{ subject }}, {{ source }}
    (a source line: 来源：青岛日报，2023年5月18日), {{ outlet }} (the outlet's name alone, for a
    sentence that says where the figures come from: 据青岛日报报道, not 据来源：…报道) and
    {{ date }}, the same for the deck and the summary."""
    info = dataset.info
    return {
        "title": info.title[lang],
        "subject": info.subject[lang],
        "source": source_line(dataset, lang),
        "outlet": source_of(dataset, lang)[0],
        "date": format_date(info.as_of, lang),
    }


def template_file(template: Any, name: str) -> str:
    """The plan file a template's snippets come from, as errors name it."""
    root = getattr(template, "root", None)
    return display_path(root / name) if root is not None else name


class SnippetRenderer:
    """Renders snippets for one dataset and language."""

    def __init__(
        self,
        dataset: Dataset,
        lang: Lang,
        context: dict[str, str] | None = None,
        cite=None,
        source: str = "",
        facts: Facts | None = None,
    ):
        """``cite(metric_id)`` may return a marker appended to each metric shown (the PDF
        numbers its source notes this way); ``source`` is the template file the snippets come
        from, named in errors; ``facts`` is how the document shows each metric (made from
        the dataset if not given)."""
        self.dataset = dataset
        self.lang = lang
        self.facts = facts if facts is not None else Facts(dataset, lang)
        self.context = dict(context or {})
        self.cite = cite
        self.source = source
        self._env = _GuardedEnvironment()

    def render(self, text: str, where: str) -> tuple[str, list[str]]:
        """The rendered text and the ids of the metrics it shows."""
        used: list[str] = []
        place = f"{self.source}: {where}" if self.source else where
        self._env.reset()
        try:
            template = self._env.from_string(text)
            metrics = _Metrics(self.facts, used, self.cite)
            chunks: list[str] = []
            length = 0
            for chunk in template.generate(m=metrics, **self.context):
                length += len(chunk)
                if length > LIMITS.text:
                    raise _LimitExceeded(f"writes more than {LIMITS.text:,} characters")
                self._env.charge(1 + len(chunk) // 64)
                chunks.append(chunk)
            result = "".join(chunks)
        except UndefinedError as exc:
            raise SnippetError(f"{place}: {exc.message}") from None
        except TemplateError as exc:
            raise SnippetError(f"{place}: {type(exc).__name__}: {exc}") from None
        except _LimitExceeded as exc:
            raise SnippetError(f"{place}: snippet {exc} (limit reached)") from None
        except _NotText as exc:
            raise SnippetError(
                f"{place}: snippet prints a {exc} object, not text or a number"
            ) from None
        except RecursionError:
            raise SnippetError(
                f"{place}: snippet nests too deep (recursion?) (limit reached)"
            ) from None
        except MemoryError:
            raise SnippetError(f"{place}: snippet needs too much memory (limit reached)") from None
        except Exception as exc:  # a snippet's own mistake, e.g. 1 / 0 or 'a' * 'b'
            raise SnippetError(f"{place}: snippet cannot be rendered: {exc}") from None
        # The one rule for displayed text; a snippet's own line breaks are layout, not text,
        # and citation markers are the content model's own.
        unfit = refused_character(CITATION.sub("", result).replace("\n", " "))
        if unfit:  # a deck or PDF cannot show it: a template error, not a failed build
            _, char, kind = unfit
            raise SnippetError(
                f"{place}: snippet writes {describe_character(char)}, {kind}, "
                "which a slide or page cannot show"
            )
        result = result.strip()
        return locale.get(self.lang).joined_lines(result), used
