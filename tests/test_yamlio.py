from reportgen.yamlio import load_yaml, read_text


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
