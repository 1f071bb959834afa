"""Bad input for the extractor: articles whose draft would not pass validate fail cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.test_bad_input import Case, assert_fails_cleanly


def soup_article(items: int) -> bytes:
    """Figures one after another with no 。: every fact of it becomes a metric."""
    return "".join(f"增长{i % 97}.{i % 9}% 完成{i % 9000}万元 " for i in range(items)).encode()


def draft_case(name: str, article: bytes, message: str) -> Case:
    def setup(tmp: Path) -> list[str]:
        (tmp / "article.txt").write_bytes(article)
        return [
            "extract",
            str(tmp / "article.txt"),
            "--date",
            "2024-06-30",
            "--to-data",
            str(tmp / "draft"),
        ]

    return Case(name, setup, 1, message)


CASES = [
    draft_case(
        "a draft over the data-file size limit",
        soup_article(400),
        "article.txt: the draft's metrics.yaml would be",
    ),
    draft_case("an article with no figure", "没有数字的文章。".encode(), "nothing to draft"),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_draft_that_would_not_validate_is_not_written(case, run, tmp_path, monkeypatch):
    """The size limit is lowered to 64 KiB so that the case runs in a second; the check reads
    the same constant validate does (test_cli has the full-size draft of a list article)."""
    monkeypatch.setattr("reportgen.extract.draft.MAX_DATA_FILE_BYTES", 64 * 1024)
    assert_fails_cleanly(case, run, tmp_path, monkeypatch)
    assert not (tmp_path / "draft").exists()
