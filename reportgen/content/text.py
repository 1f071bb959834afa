"""Text snippets from templates, rendered in a sandbox with metrics as formatted values.

Templates are data an organisation edits, so they run in Jinja's SandboxedEnvironment:
``{{ m.foreign_trade_2022 }}`` gives "360亿元" with the article's hedge, a derived metric
carries its mark ("22.5%（推算）"), and attribute tricks such as ``{{ ''.__class__ }}`` are
refused. Every metric a snippet uses is recorded, so speaker notes can cite its source.
"""

from __future__ import annotations

import re

from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from reportgen.data import Dataset
from reportgen.errors import ReportgenError
from reportgen.formatting import Lang, format_metric

_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


class SnippetError(ReportgenError):
    """A template text snippet cannot be rendered (unknown metric, bad syntax, unsafe)."""

    exit_code = 1


def derived_mark(lang: Lang) -> str:
    return "（推算）" if lang == "zh" else " (derived)"


class _Metrics:
    """``m`` inside a snippet: attribute access by metric id, recording what was used."""

    def __init__(self, dataset: Dataset, lang: Lang, used: list[str], cite=None):
        self._values = {metric.id: metric for metric in dataset.metrics}
        self._lang = lang
        self._used = used
        self._cite = cite

    def __getattr__(self, name: str) -> str:
        metric = self._values.get(name)
        if metric is None:
            raise UndefinedError(f"no metric '{name}'")
        if name not in self._used:
            self._used.append(name)
        text = format_metric(metric, self._lang)
        if metric.is_derived:
            text += derived_mark(self._lang)
        return text + (self._cite(name) if self._cite else "")


class SnippetRenderer:
    """Renders snippets for one dataset and language."""

    def __init__(
        self, dataset: Dataset, lang: Lang, context: dict[str, str] | None = None, cite=None
    ):
        """``cite(metric_id)`` may return a marker appended to each metric shown (the PDF
        numbers its source notes this way)."""
        self.dataset = dataset
        self.lang = lang
        self.context = dict(context or {})
        self.cite = cite
        self._env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False)

    def render(self, text: str, where: str) -> tuple[str, list[str]]:
        """The rendered text and the ids of the metrics it shows."""
        used: list[str] = []
        try:
            template = self._env.from_string(text)
            metrics = _Metrics(self.dataset, self.lang, used, self.cite)
            result = template.render(m=metrics, **self.context)
        except UndefinedError as exc:
            raise SnippetError(f"{where}: {exc.message}") from None
        except TemplateError as exc:
            raise SnippetError(f"{where}: {type(exc).__name__}: {exc}") from None
        result = result.strip()
        if self.lang == "zh":
            # Folded YAML joins lines with spaces; Chinese puts none next to Chinese text.
            result = _SPACE_BY_CJK.sub("", result)
        return result, used
