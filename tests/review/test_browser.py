"""End to end in headless Chromium: `reportgen review` on a copy of a draft folder, clicked
through as a reviewer would (open, pick a figure, correct its label, accept, drop one, enter
a value the sentence does not hold and see it refused); then the YAML on disk holds exactly
those changes and validates. Also the sources page `build` writes, opened from disk."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reportgen.data import load_dataset
from tests.browser import chromium, needs_browser, screenshot
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "articles-2023-06"

pytestmark = pytest.mark.slow


@pytest.fixture
def draft(tmp_path, run):
    folder = tmp_path / "2023-06"
    assert run("extract", str(EXAMPLES), "--to-data", str(folder)).code == 0
    return folder


@pytest.fixture
def review(draft):
    """`reportgen review` running on the draft; yields its address."""
    needs_browser()
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "review", str(draft), "--no-open"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        line = process.stderr.readline()
        assert " at http://127.0.0.1:" in line, line
        yield line.split(" at ")[1].split()[0]
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl-C: the normal end of a review
        assert process.wait(timeout=30) == 0
        assert "review stopped; every change was saved" in process.stderr.read()
        process.stderr.close()


def _entries(folder: Path) -> dict[str, dict]:
    document = yaml.safe_load((folder / "metrics.yaml").read_text(encoding="utf-8"))
    return {entry["id"]: entry for entry in document["metrics"]}


def test_a_reviewer_corrects_accepts_drops_and_is_refused_without_opening_yaml(
    review, draft, tmp_path
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    before = _entries(draft)
    assert {"trade_03", "trade_04"} <= set(before)
    with chromium() as browser:
        wait = WebDriverWait(browser, 20)
        browser.get(review)
        progress = wait.until(lambda b: b.find_element(By.ID, "progress"))
        wait.until(lambda b: progress.text == f"0 / {len(before)} reviewed")

        # pick the export growth in its sentence, correct its English label, accept
        sentence = next(
            m for m in browser.find_elements(By.TAG_NAME, "mark") if "出口和进口" in m.text
        )
        sentence.click()
        wait.until(lambda b: "trade_03" in b.find_element(By.ID, "record-state").text)
        label = browser.find_element(By.ID, "field-label_en")
        assert label.get_attribute("placeholder")  # the glossary's English, shown as a hint
        label.clear()
        label.send_keys("Export growth")
        browser.find_element(By.ID, "accept").click()
        wait.until(lambda b: progress.text == f"1 / {len(before)} reviewed")

        # accepting moves on to the next figure to review: the import growth beside it,
        # dropped with the keyboard (D twice)
        wait.until(lambda b: "trade_04" in b.find_element(By.ID, "record-state").text)
        body = browser.find_element(By.TAG_NAME, "body")
        body.send_keys("d")
        body.send_keys("d")
        wait.until(lambda b: progress.text == f"1 / {len(before) - 1} reviewed")

        # a value the sentence does not hold: refused beside the field, nothing written
        lead = next(m for m in browser.find_elements(By.TAG_NAME, "mark") if "150亿元" in m.text)
        lead.click()
        wait.until(lambda b: "trade_01" in b.find_element(By.ID, "record-state").text)
        value = browser.find_element(By.ID, "field-value")
        value.clear()
        value.send_keys("16000000000", Keys.ENTER)
        error = wait.until(lambda b: b.find_element(By.ID, "error-value"))
        wait.until(lambda b: error.is_displayed() and "does not appear in the quote" in error.text)
        assert "invalid" in value.get_attribute("class")
        screenshot(browser, tmp_path / "review.png", "review.png")

    after = _entries(draft)
    expected = dict(before)
    del expected["trade_04"]
    expected["trade_03"] = {**before["trade_03"], "label_en": "Export growth", "reviewed": True}
    del expected["trade_03"]["point"]  # its clause printed the dropped figure too
    assert after == expected  # exactly those changes: the refused value is not there
    assert after["trade_01"]["value"] == 15000000000
    load_dataset(draft)  # and the folder validates


def test_the_sources_page_links_each_number_to_its_sentence_and_draws_chinese(
    tmp_path, run, monkeypatch
):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    needs_browser()
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "out"
    assert run("build", "--format", "html", "--lang", "zh", "--out", str(out)).code == 0
    (page,) = out.glob("*-sources_zh.html")
    with chromium(1200, 900) as browser:
        wait = WebDriverWait(browser, 20)
        browser.get(page.as_uri())
        # the embedded face draws the page's Chinese (this machine has no Chinese font)
        assert browser.execute_script(
            "return document.fonts.check('16px \"reportgen-sources\"', '对外贸易额')"
        )
        wait.until(lambda b: b.execute_script("return document.fonts.status") == "loaded")
        number = browser.find_element(By.CSS_SELECTOR, "#slide-2 ul.numbers a")
        fact = number.get_attribute("href").split("#")[1]
        number.click()
        wait.until(lambda b: b.execute_script("return location.hash") == f"#{fact}")
        figure = browser.find_element(By.ID, fact)
        assert figure.is_displayed() and number.text in figure.text
        figure.find_element(By.XPATH, ".//dt[.='出处']/following-sibling::dd[1]/a").click()
        anchor = fact.replace("fact-", "q-", 1)
        wait.until(lambda b: b.execute_script("return location.hash") == f"#{anchor}")
        mark = browser.find_element(By.ID, anchor).find_element(By.XPATH, "..")
        assert mark.tag_name == "mark"
        colour = mark.value_of_css_property("background-color")
        assert colour in ("rgba(255, 210, 77, 1)", "rgb(255, 210, 77)")  # the target's highlight
        screenshot(browser, tmp_path / "sources.png", "sources-page.png")


def test_a_draft_goes_from_unreviewed_to_a_reviewed_deck_without_opening_yaml(
    review, draft, tmp_path, run, monkeypatch
):
    """Accepting every entry with the keyboard leaves a folder build takes as reviewed: no
    warning, no 'not reviewed' note in the deck."""
    from pptx import Presentation
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    total = len(_entries(draft))
    with chromium() as browser:
        wait = WebDriverWait(browser, 20)
        browser.get(review)
        progress = wait.until(lambda b: b.find_element(By.ID, "progress"))
        wait.until(lambda b: progress.text == f"0 / {total} reviewed")
        browser.find_element(By.TAG_NAME, "mark").click()
        for done in range(1, total + 1):
            browser.find_element(By.TAG_NAME, "body").send_keys("a")
            wait.until(lambda b, done=done: progress.text == f"{done} / {total} reviewed")
    dataset = load_dataset(draft)
    assert dataset.unreviewed == 0
    monkeypatch.setenv("REPORTGEN_CACHE_DIR", str(tmp_path / "cache"))
    built = run(
        "build",
        "--data",
        str(draft),
        "--format",
        "pptx",
        "--lang",
        "en",
        "--out",
        str(tmp_path / "out"),
    )
    assert built.code == 0 and "0 warning(s)" in built.err, built.err
    (deck,) = (tmp_path / "out").glob("*.pptx")
    notes = " ".join(
        s.notes_slide.notes_text_frame.text
        for s in Presentation(str(deck)).slides
        if s.has_notes_slide
    )
    assert "not been reviewed" not in notes and "not reviewed" not in notes


HOSTILE = "<img src=x onerror=\"document.title='pwned'\">对外贸易额"


@pytest.fixture
def hostile(tmp_path):
    from tests.conftest import MINI_DIR, edit

    folder = tmp_path / "hostile"
    shutil.copytree(MINI_DIR, folder)
    edit(
        folder / "metrics.yaml",
        "label_zh: 对外贸易额\n",
        f"label_zh: {json.dumps(HOSTILE, ensure_ascii=False)}\n",
    )
    edit(
        folder / "articles.yaml",
        "title_zh: 示范区一季度成绩单",
        "title_zh: <script>document.title='pwned'</script>",
    )
    load_dataset(folder)
    return folder


def test_texts_from_yaml_are_shown_as_text_on_the_review_page(hostile):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    needs_browser()
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", "review", str(hostile), "--no-open"],
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        address = process.stderr.readline().split(" at ")[1].split()[0]
        with chromium() as browser:
            wait = WebDriverWait(browser, 20)
            browser.get(address)
            wait.until(lambda b: b.find_elements(By.TAG_NAME, "mark"))
            browser.find_element(By.TAG_NAME, "mark").click()
            label = wait.until(lambda b: b.find_element(By.ID, "field-label_zh"))
            assert label.get_attribute("value") == HOSTILE
            assert "<script>" in browser.find_element(By.CSS_SELECTOR, ".article h2").text
            assert (
                browser.find_elements(
                    By.CSS_SELECTOR, "#articles img, #panel img, #articles script"
                )
                == []
            )
            assert browser.title != "pwned"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
        process.stderr.close()
