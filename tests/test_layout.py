"""The dossier laid out by headless Chromium at a phone's and a laptop's width, measured from
computed styles: no table wider than the screen outside its own scroll box, no text under
11 CSS px as drawn (SVG text scaled by its picture), every link a target of at least 24×24
CSS px, and a meta description.

The page itself runs no script: the test adds one to a copy, which writes what it measured
into the DOM that ``--dump-dom`` returns.
"""

from __future__ import annotations

import json
import pathlib

import pytest
from test_browser import BROWSER, browser

from support import Runner

PROBE = """
<script>
(() => {
  const width = document.documentElement.clientWidth;
  const found = {width: window.innerWidth, wide: [], small: [], targets: []};
  found.page = document.documentElement.scrollWidth;
  found.viewport = width;
  for (const table of document.querySelectorAll("table")) {
    const box = table.closest(".table-wrap");
    const scrolls = box && getComputedStyle(box).overflowX === "auto"
      && box.getBoundingClientRect().right <= width + 0.5;
    if (table.getBoundingClientRect().right > width + 0.5 && !scrolls)
      found.wide.push(table.querySelector("caption").textContent);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest("title, desc, style, script")) continue;
    let size = parseFloat(getComputedStyle(element).fontSize);
    if (element instanceof SVGElement) size *= element.getScreenCTM().a;
    if (size < 11 - 0.01) found.small.push([element.tagName, node.textContent.trim().slice(0, 40), size]);
  }
  for (const a of document.querySelectorAll("a[href]")) {
    const r = a.getBoundingClientRect();
    if (r.width < 24 - 0.01 || r.height < 24 - 0.01)
      found.targets.push([a.textContent.slice(0, 40), r.width, r.height]);
  }
  const meta = document.querySelector('meta[name="description"]');
  found.description = meta ? meta.content : "";
  window.parent.postMessage(JSON.stringify(found), "*");
})();
</script>
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(BROWSER is None, reason="no browser found: install the Debian chromium"),
]


HARNESS = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="page.html" width="{width}" height="2000" style="border:0"></iframe>
<script>
addEventListener("message", (event) => {{
  const out = document.createElement("pre");
  out.id = "probe";
  out.textContent = event.data;
  document.body.append(out);
}});
</script></body></html>
"""


def measure(tmp_path: pathlib.Path, width: int, *args: str) -> dict[str, object]:
    """What the probe found in the page laid out ``width`` CSS px wide. Headless Chromium
    lays out --dump-dom at 500 px whatever the window size, so the page is shown in a
    frame of that width, which is its viewport (media queries and all)."""
    page = tmp_path / "page.html"
    result = Runner()(["report", "--format", "html", *args])
    assert result.exit_code == 0, result.output
    assert "<script" not in result.stdout
    page.write_text(result.stdout.replace("</body>", PROBE + "</body>"), "utf-8")
    harness = tmp_path / "harness.html"
    harness.write_text(HARNESS.format(width=width), "utf-8")
    shown = browser(
        "--window-size=1400,2000",
        "--hide-scrollbars",
        "--virtual-time-budget=10000",
        "--allow-file-access-from-files",
        "--dump-dom",
        harness.as_uri(),
        profile=tmp_path / "p",
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    dom = shown.stdout.decode("utf-8")
    start = dom.index('<pre id="probe">') + len('<pre id="probe">')
    text = dom[start : dom.index("</pre>", start)]
    found: dict[str, object] = json.loads(
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )
    assert found["width"] == width
    return found


@pytest.mark.parametrize("args", [(), ("--brief",)], ids=["dossier", "brief"])
@pytest.mark.parametrize("width", [390, 1366])
def test_the_page_reads_at_this_width(
    tmp_path: pathlib.Path, width: int, args: tuple[str, ...]
) -> None:
    found = measure(tmp_path, width, *args)
    assert found["page"] <= width  # nothing makes the page itself scroll sideways
    assert found["wide"] == []
    assert found["small"] == []
    assert found["targets"] == []
    assert str(found["description"]).strip()
