#!/usr/bin/env python3
"""The shipped run's pages, checked in a real browser (headless Chromium).

For every HTML page of a run's output folder (each report's report.<lang>.html and each month's
index.<lang>.html), with the network off:

- the page loads with no console message of level error, no uncaught exception and no request
  other than the page itself (a page is one file: no script, style, font or image from outside);
- every chart is an SVG with a non-empty box on the page and a non-empty drawing, and its
  <title> is the chart's title in `reports.yaml`, in the page's language, in order;
- its screenshot, scaled down, matches the committed reference image within a tolerance
  (`Tests/BrowserReference/`); with DTM_RECORD_GOLDEN=1 the references are written and the
  check fails on purpose, as the golden files' tests do, so that a recording is never a pass;

and the PDFs of one report printed by `dtm-report run --pdf` have the recorded page count and
the words the page shows (pdfinfo and pdftotext, Debian's poppler-utils).

Chromium is driven by its DevTools protocol over a pipe (--remote-debugging-pipe): no port, no
package beyond Python's own, nothing to download for the browser. Images are compared with
Pillow.

    python3 scripts/check-pages.py --reports reports.yaml --dtm-report .build/debug/dtm-report OUT

OUT is an output folder of `dtm-report run` (each report's latest month, or one month). Exit
status 0 when every check passes, 1 otherwise, each problem on a line of its own naming the page.
"""

import argparse
import base64
import html as entities
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from PIL import Image, ImageChops, ImageStat

# The browser window: wide enough for the page's 46em column and its margins.
VIEWPORT = (1024, 768)
# References are stored at a quarter of the width (256 pixels), in 16 grey levels (4-bit PNG):
# about 7 kB a page, small enough to keep every page of the run in the repository (each page
# has its own charts and tables to watch), yet a moved chart, a missing table or a broken layout
# still changes many of their pixels.
SCALE = 4
GREYS = 16
# A page matches its reference when its grey levels differ by at most MEAN_TOLERANCE on average
# and at most CHANGED_PIXELS of its pixels differ by more than CHANGED_LEVEL (of 255), that is
# by two of the 16 levels or more: one level is the rounding of a glyph's anti-aliasing, which a
# quarter-scale pixel averages over 16; a bar 60 pixels shorter or a colour changed for one of
# similar lightness (vermilion for blue) changes dozens of pixels by two. A changed digit or
# accent in the text does not: the text is the golden files' to check, byte for byte.
MEAN_TOLERANCE = 1.0
CHANGED_LEVEL = 20
CHANGED_PIXELS = 16
# The report whose PDFs are printed and read back.
PDF_REPORT = "fmp-monthly"

CHROMIUM_NAMES = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]

CHART_CHECK = """
(() => {
  const figures = [...document.querySelectorAll('figure.chart')];
  return figures.map((figure, index) => {
    const svg = figure.querySelector('svg');
    if (!svg) return {index, problem: 'no svg'};
    const box = svg.getBoundingClientRect();
    let drawing = {width: 0, height: 0};
    try { drawing = svg.getBBox(); } catch (e) {}
    const title = svg.querySelector(':scope > title');
    return {
      index,
      width: box.width, height: box.height,
      drawingWidth: drawing.width, drawingHeight: drawing.height,
      title: title ? title.textContent.trim() : '',
      caption: (figure.querySelector('figcaption') || {textContent: ''}).textContent.trim(),
    };
  });
})()
"""


class Chromium:
    """Headless Chromium, spoken to over --remote-debugging-pipe (fd 3 in, fd 4 out, each
    message JSON ended by a NUL byte)."""

    def __init__(self, executable, profile):
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def child_fds():
            # Copied above 4 first, so that placing one cannot overwrite the other.
            reading, writing = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--force-color-profile=srgb",
                "--font-render-hinting=none",
                # No address resolves and every connection goes to a closed port: the network is
                # off for the browser as well as for the pages (Network.emulateNetworkConditions).
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=127.0.0.1:9",
                "--user-data-dir=" + str(profile),
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=child_fds,
            # Kept open in Chromium after preexec_fn placed them (every other descriptor closes).
            pass_fds=(3, 4),
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events = []

    def send(self, method, params=None, session=None, timeout=60):
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline, method)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method, session, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == session:
                    return self.events.pop(index)
            reply = self._read(deadline, method)
            if "method" in reply:
                self.events.append(reply)

    def _read(self, deadline, waiting_for):
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise RuntimeError(f"Chromium did not answer {waiting_for} in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError(f"Chromium stopped while waiting for {waiting_for}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def find_chromium():
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def expected_charts(reports_file):
    """Each report's chart titles by language, as `reports.yaml` declares them (per report, or
    in the top-level `charts:` by id)."""
    document = yaml.safe_load(Path(reports_file).read_text(encoding="utf-8"))
    top = document.get("charts") or {}
    titles = {}
    for report in document.get("reports") or []:
        charts = report.get("charts", top.get(report["id"], []))
        titles[report["id"]] = {
            language: [chart["title"][language] for chart in charts] for language in document.get("languages", ["en"])
        }
    return titles


def reduced(png_bytes):
    """The screenshot as the reference keeps it: a quarter of the width, in 16 grey levels."""
    image = Image.open(io.BytesIO(png_bytes)).convert("L")
    size = (max(1, image.width // SCALE), max(1, image.height // SCALE))
    return image.resize(size, Image.Resampling.BOX).point(lambda level: (level * (GREYS - 1) + 127) // 255 * (255 // (GREYS - 1)))


def save_reference(image, path):
    """Written as a 4-bit palette PNG of the grey levels: about half the bytes of 8-bit grey."""
    step = 255 // (GREYS - 1)
    indexed = image.point(lambda level: level // step).convert("P")
    indexed.putpalette([level * step for level in range(GREYS) for _ in range(3)])
    path.parent.mkdir(parents=True, exist_ok=True)
    indexed.save(path, optimize=True, bits=4)


def compare(image, reference_path):
    """None when the image matches its reference, otherwise why not."""
    if not reference_path.exists():
        return f"no reference image {reference_path} (record with DTM_RECORD_GOLDEN=1)"
    reference = Image.open(reference_path).convert("L")
    if reference.size != image.size:
        return (
            f"the page is {image.width * SCALE}x{image.height * SCALE} pixels, its reference "
            f"{reference.width * SCALE}x{reference.height * SCALE}: the layout changed"
        )
    difference = ImageChops.difference(image, reference)
    mean = ImageStat.Stat(difference).mean[0]
    changed = sum(difference.histogram()[CHANGED_LEVEL + 1 :])
    if mean > MEAN_TOLERANCE or changed > CHANGED_PIXELS:
        return (
            f"the screenshot differs from {reference_path}: mean difference {mean:.2f} grey levels "
            f"(at most {MEAN_TOLERANCE}), {changed} pixels changed by more than {CHANGED_LEVEL} "
            f"(at most {CHANGED_PIXELS}; pixels of the reference, a quarter of the width)"
        )
    return None


def check_page(browser, session, page, relative, titles, references, record, problems, shots):
    url = page.resolve().as_uri()
    browser.events.clear()
    browser.send("Page.navigate", {"url": url}, session)
    browser.wait_for("Page.loadEventFired", session)
    # Fonts and layout settled before anything is measured.
    browser.send("Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)", "awaitPromise": True}, session)

    for event in browser.events:
        if event.get("sessionId") != session:
            continue
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(argument.get("value", argument.get("description", ""))) for argument in params.get("args", []))
            problems.append(f"{relative}: console error: {text}")
        elif method == "Runtime.exceptionThrown":
            problems.append(f"{relative}: uncaught exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append(f"{relative}: browser error: {params['entry'].get('text')} {params['entry'].get('url', '')}".rstrip())
        elif method == "Network.requestWillBeSent" and params["request"]["url"] != url:
            problems.append(f"{relative}: the page requests {params['request']['url']}; a page must be one file")

    charts = browser.send("Runtime.evaluate", {"expression": CHART_CHECK, "returnByValue": True}, session)["result"]["value"]
    for chart in charts:
        name = f"{relative}: chart {chart['index'] + 1}"
        if "problem" in chart:
            problems.append(f"{name}: {chart['problem']}")
            continue
        if chart["width"] <= 0 or chart["height"] <= 0:
            problems.append(f"{name} ({chart['title']!r}) has an empty box ({chart['width']}x{chart['height']})")
        if chart["drawingWidth"] <= 0 or chart["drawingHeight"] <= 0:
            problems.append(f"{name} ({chart['title']!r}) draws nothing")
        if not chart["title"]:
            problems.append(f"{name} has no <title>")
        elif chart["title"] != chart["caption"]:
            problems.append(f"{name}: its <title> {chart['title']!r} is not its caption {chart['caption']!r}")
    if titles is not None:
        shown = [chart.get("title", "") for chart in charts]
        if shown != titles:
            problems.append(f"{relative}: the charts are {shown}, reports.yaml declares {titles}")

    metrics = browser.send("Page.getLayoutMetrics", {}, session)
    content = metrics.get("cssContentSize") or metrics["contentSize"]
    shot = browser.send(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": VIEWPORT[0], "height": content["height"], "scale": 1},
        },
        session,
    )
    image = reduced(base64.b64decode(shot["data"]))
    reference = references / relative.with_suffix(".png")
    shots.append(relative)
    if record:
        save_reference(image, reference)
    else:
        problem = compare(image, reference)
        if problem:
            problems.append(f"{relative}: {problem}")


def check_pdf(dtm_report, reports_file, period, references, record, problems):
    """`dtm-report run --pdf` for one report; its PDFs' page counts against the recorded ones and
    their text against the page's words."""
    expected_path = references / "pdf-pages.json"
    references.mkdir(parents=True, exist_ok=True)
    recorded = {}
    with tempfile.TemporaryDirectory() as folder:
        run = subprocess.run(
            [dtm_report, "run", "--config", str(reports_file), "--report", PDF_REPORT, "--period", period, "--pdf", "--out", folder],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            problems.append(f"dtm-report run --pdf --report {PDF_REPORT}: exit status {run.returncode}: {run.stderr.strip()}")
            return
        for language in ("en", "fr"):
            report = Path(folder) / period / PDF_REPORT
            pdf = report / f"report.{language}.pdf"
            name = f"{period}/{PDF_REPORT}/{pdf.name}"
            if not pdf.exists():
                problems.append(f"{name}: not written by run --pdf")
                continue
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
            pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
            recorded[language] = pages
            words = " ".join(text.split())
            # The page's visible words, as the browser shows them: the title, chart captions and
            # table captions must all be in the PDF's text (letters with accents included).
            page = (report / f"report.{language}.html").read_text(encoding="utf-8")
            for needle in visible_phrases(page):
                if " ".join(needle.split()) not in words:
                    problems.append(f"{name}: the text {needle!r} of the page is not in the PDF")
            if not record and expected_path.exists():
                expected = json.loads(expected_path.read_text())
                if expected.get(language) != pages:
                    problems.append(f"{name}: {pages} pages, {expected.get(language)} recorded in {expected_path}")
    if record:
        expected_path.write_text(json.dumps(recorded, indent=2, sort_keys=True) + "\n")
    elif not expected_path.exists():
        problems.append(f"no recorded page counts {expected_path} (record with DTM_RECORD_GOLDEN=1)")


def visible_phrases(html):
    """The page's h1, figure captions and table captions, tags and entities resolved."""
    phrases = []
    for tag in ("h1", "figcaption", "caption"):
        for match in re.finditer(rf"<{tag}[^>]*>(.*?)</{tag}>", html, re.S):
            phrases.append(entities.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip())
    return [phrase for phrase in phrases if phrase]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", default="reports.yaml", help="the reports.yaml the month was made from")
    parser.add_argument("--dtm-report", required=True, help="the dtm-report executable, for run --pdf")
    parser.add_argument("--references", default="Tests/BrowserReference", help="the reference images and page counts")
    parser.add_argument("out", help="an output folder of dtm-report run, holding one month")
    arguments = parser.parse_args()

    record = os.environ.get("DTM_RECORD_GOLDEN") == "1"
    executable = find_chromium()
    if executable is None:
        sys.exit("check-pages: Chromium is not installed (apt-get install chromium-headless-shell)")
    out = Path(arguments.out)
    # Without --period each report takes its own latest month: the run may hold several months.
    months = sorted(path for path in out.iterdir() if path.is_dir() and not path.name.startswith("."))
    references = Path(arguments.references)
    titles = expected_charts(arguments.reports)

    problems, shots = [], []
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as profile:
        browser = Chromium(executable, profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                browser.send(f"{domain}.enable", {}, session)
            browser.send(
                "Network.emulateNetworkConditions",
                {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
                session,
            )
            browser.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": VIEWPORT[0], "height": VIEWPORT[1], "deviceScaleFactor": 1, "mobile": False},
                session,
            )
            pages = [page for month in months for page in sorted(month.glob("index.*.html")) + sorted(month.glob("*/report.*.html"))]
            if not pages:
                problems.append(f"{out}: no pages (is `page:` set in {arguments.reports}?)")
            for page in pages:
                relative = page.relative_to(out)
                language = page.name.split(".")[1]
                report = relative.parent.name if len(relative.parts) == 3 else None
                expected = titles.get(report, {}).get(language) if report else []
                check_page(browser, session, page, relative, expected, references, record, problems, shots)
        finally:
            browser.close()
    browser_seconds = time.monotonic() - started
    pdf_months = [month.name for month in months if (month / PDF_REPORT).is_dir()]
    if pdf_months:
        check_pdf(arguments.dtm_report, Path(arguments.reports), pdf_months[0], references, record, problems)
    else:
        problems.append(f"{out}: no month holds {PDF_REPORT}, whose PDFs are checked")

    # A reference left over from a page the run no longer writes.
    if references.exists():
        kept = {shot.with_suffix(".png") for shot in shots}
        for stale in sorted(references.rglob("*.png")):
            relative = stale.relative_to(references)
            if relative not in kept:
                if record:
                    stale.unlink()
                else:
                    problems.append(f"{stale}: a reference for a page the run does not write")

    for problem in problems:
        print(f"check-pages: {problem}")
    seconds = time.monotonic() - started
    if record:
        print(f"check-pages: recorded {len(shots)} reference images and the PDF page counts in {references}; "
              "the check fails when recording, run it again without DTM_RECORD_GOLDEN")
        sys.exit(1)
    if problems:
        print(f"check-pages: {len(problems)} problems")
        sys.exit(1)
    print(f"check-pages: {len(shots)} pages pass in Chromium ({browser_seconds:.1f} s), "
          f"and the PDFs of {PDF_REPORT} ({seconds - browser_seconds:.1f} s)")


if __name__ == "__main__":
    main()
