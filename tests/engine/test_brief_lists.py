"""A ``:brief:`` list shows each paper's reference alone: the CV's lists, which read as a CV on a phone."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).parent / "roots" / "test-publications"
PAGE = """# Engines, briefly

```{publication-list}
:theme: engines
:brief:
```

## In full

```{publication-list}
:theme: engines
```
"""


def test_a_brief_list_has_nothing_to_unfold_and_a_list_beside_it_keeps_its_summaries(make_app, tmp_path):
    source = Path(shutil.copytree(ROOT, tmp_path / "source"))
    bib = source / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("  themes       = {engines},",
                                                           "  themes       = {engines},\n  summary      = {The engine, told briefly.},"),
                   encoding="utf-8")
    (source / "briefly.md").write_text(PAGE, encoding="utf-8")
    index = source / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("publications\n", "publications\nbriefly\n", 1), encoding="utf-8")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    assert "WARNING" not in app._warning.getvalue()
    page = BeautifulSoup((app.outdir / "briefly.html").read_text(encoding="utf-8"), "html.parser")
    brief, full = page.select("ul.publication-list")
    assert len(brief.select("li.pub-entry")) == len(full.select("li.pub-entry")) > 0
    assert brief.select("details") == [] and full.select("details summary")[0].get_text() == "Summary"
    assert [a["href"] for a in brief.select(".pub-title a")] == [a["href"] for a in full.select(".pub-title a")]
