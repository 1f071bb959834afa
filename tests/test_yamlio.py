from typing import Annotated

import pytest
import yaml

from reportgen.yamlio import load_yaml, parse_yaml, read_text


def test_mappings_remember_their_lines(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("items:\n  - id: a\n    value: 1\n  - id: b\n    value: 2\n", encoding="utf-8")
    doc = load_yaml(path, "m.yaml", [])
    second = doc["items"][1]
    assert second.line == 4
    assert second.line_of("value") == 5
    assert second.line_of("missing") == 4


def test_duplicate_keys_are_an_error_with_their_line(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("id: a\nvalue: 1\nvalue: 2\n", encoding="utf-8")
    problems = []
    assert load_yaml(path, "d.yaml", problems) is None
    assert [str(p) for p in problems] == [
        "d.yaml:3: invalid YAML: duplicate key 'value' in one mapping"
    ]


def test_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text("a: 1\nb: [1, 2\nc: 3\n", encoding="utf-8")
    problems = []
    load_yaml(path, "s.yaml", problems)
    assert problems[0].line == 3
    assert "invalid YAML" in problems[0].message


def test_python_object_tags_are_refused(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("a: !!python/object/apply:os.system ['touch pwned']\n", encoding="utf-8")
    problems = []
    assert load_yaml(path, "evil.yaml", problems) is None
    assert "could not determine a constructor" in problems[0].message
    assert not (tmp_path / "pwned").exists()


def test_gbk_file_is_reported_as_not_utf8(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("label_zh: 对外贸易额\n".encode("gbk"))
    problems = []
    assert read_text(path, "gbk.yaml", problems) is None
    assert "not UTF-8" in problems[0].message
    assert problems[0].line == 1


def test_bom_is_tolerated_and_nul_bytes_are_not(tmp_path):
    bom = tmp_path / "bom.yaml"
    bom.write_bytes("\ufeffid: a\n".encode())
    assert load_yaml(bom, "bom.yaml", []) == {"id": "a"}
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"id: a\x00\n")
    problems = []
    assert read_text(nul, "nul.yaml", problems) is None
    assert "NUL" in problems[0].message


def test_missing_file(tmp_path):
    problems = []
    assert read_text(tmp_path / "none.yaml", "none.yaml", problems) is None
    assert str(problems[0]) == "none.yaml: file not found"


def _problems(tmp_path, text: str | bytes, name: str = "f.yaml") -> tuple[object, list[str]]:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    problems = []
    doc = load_yaml(path, name, problems)
    return doc, [str(p) for p in problems]


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_before_anything_expands_it(tmp_path):
    # 9**30 strings if anything expanded it: the check visits each node of the text once
    doc, problems = _problems(tmp_path, billion_laughs(30))
    assert doc is None
    assert problems == [
        "f.yaml:2: YAML aliases (*name) are not supported in reportgen files: "
        "write the value out in full"
    ]


def test_a_single_alias_and_a_merge_key_are_refused_on_their_line(tmp_path):
    _, problems = _problems(tmp_path, "a: &x [1]\nb: 2\nc: *x\n")
    assert problems == [
        "f.yaml:3: YAML aliases (*name) are not supported in reportgen files: "
        "write the value out in full"
    ]
    _, problems = _problems(tmp_path, "base: &b {x: 1}\nm:\n  <<: *b\n  x: 2\n")
    assert problems == [
        "f.yaml:3: YAML merge keys (<<) are not supported in reportgen files: "
        "write the fields out in full"
    ]
    _, problems = _problems(tmp_path, "m:\n  <<: {x: 1}\n  y: 2\n")
    assert "merge keys (<<) are not supported" in problems[0]


def test_an_anchor_used_once_is_harmless(tmp_path):
    doc, problems = _problems(tmp_path, "a: &x [1]\nb: 2\n")
    assert problems == [] and doc == {"a": [1], "b": 2}


@pytest.mark.parametrize(
    "data",
    [
        "id: a\nvalue: 1\n".encode("utf-16"),  # with its byte-order mark, as Notepad saves
        "id: a\nvalue: 1\n".encode("utf-16-le"),
        "id: a\nvalue: 1\n".encode("utf-16-be"),
    ],
)
def test_utf16_is_named_as_such(tmp_path, data):
    _, problems = _problems(tmp_path, data)
    assert problems == ["f.yaml: UTF-16 text; save it as UTF-8"]


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("8.1e9", "YAML reads 8.1e9 as text, not a number; write 8.1e+9 or 8100000000"),
        ("1e9", "YAML reads 1e9 as text, not a number; write 1.0e+9 or 1000000000"),
        ("25E-4", "YAML reads 25E-4 as text, not a number; write 25.0e-4 or 0.0025"),
        ('"8.1e+9"', "8.1e+9 is text here (in quotes?); write it without quotes"),
        ("twenty", "Input should be a valid number"),
    ],
)
def test_a_number_yaml_reads_as_text_says_how_to_write_it(tmp_path, written, hint):
    from pydantic import BaseModel

    from reportgen.data.schema import Number
    from reportgen.yamlio import validate_model

    class Model(BaseModel):
        value: Number

    doc, _ = _problems(tmp_path, f"value: {written}\n")
    problems = []
    assert validate_model(Model, doc, "f.yaml", "metric 'm'", problems) is None
    assert str(problems[0]) == f"f.yaml:1: metric 'm', field 'value': {hint}"


def test_a_yaml_file_that_links_out_of_its_folder_is_refused(tmp_path):
    (tmp_path / "outside.yaml").write_text("secret: words\n", encoding="utf-8")
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "metrics.yaml").symlink_to(tmp_path / "outside.yaml")
    problems = []
    assert load_yaml(folder / "metrics.yaml", "metrics.yaml", problems) is None
    assert "a symlink that leads outside" in str(problems[0])
    assert "secret" not in str(problems[0])


def test_read_text_reports_its_own_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2048)
    problems = []
    assert read_text(path, "a.txt", problems, limit=1024) is None
    assert str(problems[0]) == "a.txt: file is larger than 1 KiB"


def test_a_control_character_yaml_refuses_is_named_with_its_line(tmp_path):
    problems: list = []
    path = tmp_path / "metrics.yaml"
    path.write_text("metrics:\n  - id: a\n    label_zh: 对外\x01贸易\n", encoding="utf-8")
    assert load_yaml(path, "metrics.yaml", problems) is None
    assert [str(p) for p in problems] == [
        "metrics.yaml:3: invalid YAML: character U+0001 is not allowed"
    ]


def test_dump_yaml_keeps_key_order_and_writes_chinese_as_itself():
    from reportgen.yamlio import dump_yaml

    text = dump_yaml({"title": {"zh": "关键数据", "en": "Key"}, "a": ["from", "2023-01-01"]})
    assert text.decode("utf-8") == (
        "title:\n  zh: 关键数据\n  en: Key\na:\n- from\n- '2023-01-01'\n"
    )


@pytest.mark.parametrize(
    ("written", "field", "message"),
    [
        ("title_zh: 标题\n", "title_en", "Field required"),  # a language missing
        ("id: c\n", "title_zh", "Field required"),  # every language missing: the first
        ("title: {zh: 标题}\n", "title.en", "Field required"),  # a mapping keeps its path
        (  # in a model the model holds, named as the file writes it
            "title_zh: a\ntitle_en: b\nitems:\n- metric: m\n  label_zh: ''\n",
            "items.0.label_zh",
            "String should have at least 1 character",
        ),
    ],
)
def test_a_localized_field_is_reported_as_the_file_writes_it(tmp_path, written, field, message):
    from pydantic import ConfigDict, Field

    from reportgen.locale.texts import FoldsLanguages, Localized
    from reportgen.yamlio import validate_model

    class Item(FoldsLanguages):
        model_config = ConfigDict(extra="forbid")
        localized = ("label",)
        metric: str
        label: Localized[Annotated[str, Field(min_length=1)] | None] = Localized({})

    class Chart(FoldsLanguages):
        model_config = ConfigDict(extra="forbid")
        localized = ("title",)
        title: Localized[str]
        id: str = "c"
        items: list[Item] = Field(default_factory=list)

    doc, _ = _problems(tmp_path, written)
    problems = []
    assert validate_model(Chart, doc, "f.yaml", "chart 'c'", problems) is None
    assert [(p.field, p.message) for p in problems] == [(field, message)]


def test_parse_yaml_reads_plain_data_and_builds_no_python_objects(tmp_path):
    assert parse_yaml("words:\n  - 进出口\n  - 2023\nn: 1.5\n") == {
        "words": ["进出口", 2023],
        "n": 1.5,
    }
    assert type(parse_yaml("a: 1\n")) is dict  # no line tracking: a bundled list, not data
    with pytest.raises(yaml.YAMLError):
        parse_yaml(f"a: !!python/object/apply:os.system ['touch {tmp_path / 'pwned'}']\n")
    assert not (tmp_path / "pwned").exists()
