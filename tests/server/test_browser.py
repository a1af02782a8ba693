"""A reviewer's path through the pages in headless Chromium (Debian's chromium and
chromium-driver, from scripts/install-system-packages.sh; nothing is downloaded): upload two
samples through the form, wait for the job, read the verdicts, download the reports."""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from .helpers import SAMPLES
from .process import ServerProcess

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
COMPLIANT = SAMPLES / "qd-xa-an-binh-2023.pdf"
NON_COMPLIANT = SAMPLES / "qd-huyen-2022-khong-pho-truong-ban.docx"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver (scripts/install-system-packages.sh)")


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(tmp_path: Path, downloads: Path) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--window-size=1280,900",
                     f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "intl.accept_languages": "vi-VN,vi"})  # a Vietnamese office PC
    # The driver path is given, so selenium's own driver manager never goes to the network.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)),
                              options=options)
    try:
        yield driver
    finally:
        driver.quit()


def downloaded(folder: Path, suffix: str, seconds: float = 30.0) -> Path:
    """The finished download: Chrome makes the final name (empty) before the
    bytes arrive in a .crdownload file, so wait until no download is under way
    and the file's size holds still."""
    deadline = time.monotonic() + seconds
    last: tuple[Path, int] | None = None
    while time.monotonic() < deadline:
        names = list(folder.iterdir())
        done = [p for p in names if p.suffix == suffix]
        busy = any(p.suffix == ".crdownload" for p in names)
        if done and not busy:
            size = done[0].stat().st_size
            if size and last == (done[0], size):
                return done[0]
            last = (done[0], size)
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} download in {sorted(folder.iterdir())}")


def test_a_reviewer_uploads_two_files_and_reads_the_verdicts(tmp_path, browser,
                                                            downloads) -> None:
    with ServerProcess("--data-dir", str(tmp_path / "data"), "--jobs", "1") as server:
        browser.get(server.base + "/")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Gửi văn bản để kiểm tra"
        chooser = browser.find_element(By.ID, "files")
        chooser.send_keys(f"{COMPLIANT}\n{NON_COMPLIANT}")
        assert browser.find_element(By.CSS_SELECTOR, ".chosen").text == "Đã chọn 2 tệp"
        browser.find_element(By.CSS_SELECTOR, "form#upload button[type=submit]").click()

        table = WebDriverWait(browser, 180).until(
            expected_conditions.presence_of_element_located((By.ID, "results")))
        rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
        seen = {row.find_elements(By.TAG_NAME, "td")[1].text:
                row.find_element(By.CSS_SELECTOR, "td.v").text for row in rows}
        assert seen == {NON_COMPLIANT.name: "Không đạt", COMPLIANT.name: "Đạt"}
        assert rows[0].find_elements(By.TAG_NAME, "td")[1].text == NON_COMPLIANT.name
        assert "CV3036-03" in rows[0].find_elements(By.TAG_NAME, "td")[5].text
        assert rows[1].find_elements(By.TAG_NAME, "td")[3].text == "57/QĐ-UBND"

        browser.find_element(By.ID, "download-json").click()
        report = json.loads(downloaded(downloads, ".json").read_text(encoding="utf-8"))
        assert {d["path"]: d["verdict"] for d in report["documents"]} == {
            COMPLIANT.name: "compliant", NON_COMPLIANT.name: "non_compliant"}
        browser.find_element(By.ID, "download-html").click()
        assert NON_COMPLIANT.name in downloaded(downloads, ".html").read_text(encoding="utf-8")
        browser.find_element(By.ID, "download-xlsx").click()
        with zipfile.ZipFile(downloaded(downloads, ".xlsx")) as workbook:
            assert "xl/workbook.xml" in workbook.namelist()
        browser.find_element(By.ID, "download-letters").click()
        with zipfile.ZipFile(downloaded(downloads, ".zip")) as letters:
            assert letters.namelist() == [f"tra-loi-{NON_COMPLIANT.stem}.docx"]

        rows[0].find_element(By.TAG_NAME, "a").click()
        section = WebDriverWait(browser, 30).until(
            expected_conditions.presence_of_element_located((By.ID, "document")))
        assert section.find_element(By.CSS_SELECTOR, "h3 .v").text == "Không đạt"
        assert "CV3036-03" in section.find_element(By.CSS_SELECTOR, "tr.s-error").text
        browser.find_element(By.LINK_TEXT, "English").click()
        assert browser.find_element(By.CSS_SELECTOR, "#document h3 .v").text == "Non-compliant"
