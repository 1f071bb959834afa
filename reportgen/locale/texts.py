"""Localised text: one value per language, as one type in data and templates alike.

A data file writes a localised field once per language with the language as a suffix
(``label_zh``, ``label_en``); a template writes it as a mapping (``title: {zh: …, en: …}``).
Both arrive in the models as a ``Localized``, so code asks ``metric.label[lang]`` and never
names a language: adding one means a module in ``reportgen.locale`` and its texts in the data.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Generic, TypeVar, get_args

from pydantic import BaseModel, GetCoreSchemaHandler, model_validator
from pydantic_core import core_schema

from reportgen.locale import LANGS

T = TypeVar("T")


class Localized(Mapping[str, T], Generic[T]):
    """One value per language in ``LANGS``; frozen and hashable like the models holding it.

    ``Localized[str]`` needs every language; ``Localized[str | None]`` lets any be missing
    (missing ones read as None). Lists are kept as tuples so the value stays immutable.
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, T]) -> None:
        unknown = [lang for lang in values if lang not in LANGS]
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r}; known: {', '.join(LANGS)}")
        self._values = {lang: _frozen(values.get(lang)) for lang in LANGS}

    def __getitem__(self, lang: str) -> T:
        return self._values[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Localized):
            return self._values == other._values
        return NotImplemented

    def __repr__(self) -> str:
        return f"Localized({self._values!r})"

    def __reduce__(self):
        return (Localized, (self._values,))

    def map(self, function) -> Localized:
        """The same per-language structure with ``function`` applied to each value."""
        return Localized({lang: function(value) for lang, value in self._values.items()})

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        (item,) = get_args(source) or (Any,)
        optional = _allows_none(item)
        fields = {
            lang: core_schema.typed_dict_field(handler.generate_schema(item), required=not optional)
            for lang in LANGS
        }
        # A typed dict validates with its own config, not the enclosing model's: every
        # reportgen model strips whitespace from text, so a localised text is stripped too.
        checked = core_schema.typed_dict_schema(
            fields,
            extra_behavior="forbid",
            config=core_schema.CoreConfig(str_strip_whitespace=True),
        )
        return core_schema.no_info_after_validator_function(
            cls,
            core_schema.no_info_before_validator_function(_as_dict, checked),
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: {lang: _thawed(v) for lang, v in value.items()}
            ),
        )


def _as_dict(value: Any) -> Any:
    return (
        {lang: _thawed(v) for lang, v in value.items()} if isinstance(value, Localized) else value
    )


def _allows_none(item: Any) -> bool:
    return item is None or type(None) in get_args(item)


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _thawed(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def fold(entry: Mapping[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    """A data entry with ``<field>_<lang>`` keys gathered into ``<field>: {lang: value}``.

    Keys already in mapping form, and keys of other fields, pass through unchanged; a field
    none of whose languages is given is left out (so its default applies).
    """
    folded = dict(entry)
    for name in fields:
        values = {lang: folded.pop(f"{name}_{lang}") for lang in LANGS if f"{name}_{lang}" in entry}
        if values and name not in folded:
            folded[name] = values
    return folded


def unfold(name: str, value: Localized | None) -> dict[str, Any]:
    """``<field>_<lang>`` keys of one localised field, in ``LANGS`` order (for tables and YAML)."""
    return {f"{name}_{lang}": None if value is None else _thawed(value[lang]) for lang in LANGS}


class FoldsLanguages(BaseModel):
    """A model whose file writes some localised fields once per language (``label_zh``,
    ``label_en``): it names them in ``localized`` and holds each as a ``Localized``.

    ``reportgen.yamlio`` reads ``localized`` to name an error's field as the file writes it,
    and ``unfolded`` writes a model back in that form.
    """

    #: Fields written once per language: each is a ``Localized``.
    localized: ClassVar[tuple[str, ...]] = ()
    #: Localised fields whose other languages may be left out: they are then translated from
    #: the article's language (``reportgen.locale.english``: glossary, pinyin for names), as
    #: a draft writes them; a person's own translation, when written, is kept. Field -> kind.
    translated: ClassVar[Mapping[str, str]] = {}

    @model_validator(mode="before")
    @classmethod
    def _fold_languages(cls, data: Any) -> Any:
        if not (cls.localized and isinstance(data, dict)):
            return data
        folded = fold(data, cls.localized)
        return translate_missing(folded, cls.translated) if cls.translated else folded


def translate_missing(data: dict[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """``data`` with each translated field's missing languages translated from the first
    language's text (a list item by item)."""
    from reportgen.locale.english import english  # the glossary module reads this one

    source = LANGS[0]
    for name, kind in fields.items():
        value = data.get(name)
        if not isinstance(value, Mapping) or not value.get(source):
            continue
        own = value[source]
        missing = [lang for lang in LANGS if lang != source and value.get(lang) in (None, "", [])]
        if not missing:
            continue
        value = dict(value)
        for lang in missing:
            if isinstance(own, list):
                value[lang] = [english(str(item), kind).text for item in own]
            else:
                value[lang] = english(str(own), kind).text
        data = {**data, name: value}
    return data


def unfolded(model: BaseModel, dumped: dict[str, Any]) -> dict[str, Any]:
    """``dumped`` (``model.model_dump(mode="json", by_alias=True, ...)``) as the file writes
    it: each localised field of the model, and of the models it holds, becomes its
    ``<field>_<lang>`` keys in its place, a language without a value left out."""
    localized = getattr(model, "localized", ())
    written: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        key = info.alias or name
        if key not in dumped:
            continue
        value = getattr(model, name)
        if name in localized:
            written.update((k, v) for k, v in unfold(name, value).items() if v is not None)
        elif isinstance(value, BaseModel):
            written[key] = unfolded(value, dumped[key])
        elif isinstance(value, (list, tuple)) and value and isinstance(value[0], BaseModel):
            written[key] = [unfolded(v, d) for v, d in zip(value, dumped[key], strict=True)]
        else:
            written[key] = dumped[key]
    return written


def field_name(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """A validation error's location in the words of the data file: ``('label', 'zh')`` is
    ``label_zh`` there."""
    if len(loc) >= 2 and isinstance(loc[0], str) and loc[1] in LANGS:
        return (f"{loc[0]}_{loc[1]}", *loc[2:])
    return loc
