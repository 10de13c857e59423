"""`mozhem report`: the dashboard printed in the coordinators' language, and as one
self-contained HTML file that a real browser (headless Chromium) opens with every
chart drawn and the Cyrillic headings in its text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from matcher.model import Status
from reports.labels import SECTIONS, phrase, section_title
from sync.labels import status_label
from tests.harness import Harness, WorkbookHarness

#: Appended to a copy of the report: what the browser loaded, once everything has.
PROBE = """<script>
window.addEventListener('load', () => {
  const images = [...document.images].map(i => [i.complete, i.naturalWidth, i.naturalHeight]);
  const probe = document.createElement('pre');
  probe.id = 'probe';
  probe.textContent = JSON.stringify({images, text: document.body.innerText});
  document.body.appendChild(probe);
});
</script>"""


def chromium(profile: Path, *args: str) -> str:
    """Headless Chromium's output, with its own profile in `profile`: tests that run
    side by side (pytest -n) never share one."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "Chromium is needed: apt-get install chromium (.ci/run does)"
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu",
         f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout


def open_in_chromium(page: Path) -> dict[str, object]:
    """What headless Chromium loaded from `page`: each image's (complete, natural width,
    natural height), and the page's text."""
    probe = page.with_name("probe.html")
    probe.write_text(page.read_text("utf-8").replace("</body>", PROBE + "</body>"), "utf-8")
    dom = chromium(
        page.parent / "chromium-profile",
        "--virtual-time-budget=10000",
        "--dump-dom",
        probe.as_uri(),
    )
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    loaded: dict[str, object] = json.loads(
        found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )
    return loaded


def test_the_text_report_speaks_the_coordinators_language(harness: Harness) -> None:
    harness.sync()
    result = harness.cli("report")
    assert result.code == 0, result.err
    for key in SECTIONS:
        assert section_title(key, "ru") in result.out
    assert status_label(Status.PROPOSED, "ru") in result.out
    assert not re.search(r"\b(proposed|clothing|kitchenware)\b", result.out)  # no codes

    harness.write_config(coordination={**harness.settings["coordination"], "language": "uk"})
    assert section_title("open_needs", "uk") in harness.cli("report").out


def test_report_before_the_first_pass_says_what_to_do(harness: Harness) -> None:
    result = harness.cli("report")
    assert result.code == 1
    assert "run mozhem sync" in result.err


def test_the_html_report_opens_offline_with_its_charts_and_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    harness = WorkbookHarness(tmp_path, capsys)
    harness.sync()
    out = tmp_path / "report"
    result = harness.cli("report", "--out", str(out))
    assert result.code == 0, result.err
    page = out / "report.html"
    assert result.out.strip() == f"Wrote {page}"
    html = page.read_text("utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing to fetch
    assert html.count('<img src="data:image/svg+xml;base64,') == 3

    loaded = open_in_chromium(page)
    images = loaded["images"]
    assert isinstance(images, list) and len(images) == 3
    for complete, width, height in images:
        assert complete and width > 0 and height > 0
    text = str(loaded["text"])
    assert phrase("title", "ru") in text
    for key in SECTIONS:
        assert section_title(key, "ru") in text
