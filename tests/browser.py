"""Headless Chromium driven by Selenium for the end-to-end tests of the pages reportgen makes.

Debian's ``chromium`` and ``chromium-driver`` packages (CI installs them in ``.ci/run``);
Selenium is pointed at both, so nothing is downloaded. Tests using it are skipped, saying
why, where either is missing."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("google-chrome") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
#: Where the README's screenshots go when set (``docs/`` when regenerating them).
SCREENSHOTS = os.environ.get("REPORTGEN_SCREENSHOTS")


def needs_browser():
    """Skip the calling test unless Chromium, its driver and Selenium are installed."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        pytest.skip(f"no {', '.join(missing)} (Debian: apt-get install chromium chromium-driver)")
    pytest.importorskip("selenium", reason="selenium is installed with '.[test]'")


@contextlib.contextmanager
def chromium(width: int = 1400, height: int = 900):
    """A headless Chromium with an empty profile and no background traffic."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    needs_browser()
    profile = tempfile.mkdtemp(prefix="reportgen-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(driver, path: Path, readme_name: str | None = None) -> None:
    """Save a screenshot; also into $REPORTGEN_SCREENSHOTS as ``readme_name`` when set."""
    driver.save_screenshot(str(path))
    if SCREENSHOTS and readme_name:
        shutil.copyfile(path, Path(SCREENSHOTS) / readme_name)
