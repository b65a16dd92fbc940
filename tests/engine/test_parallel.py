"""A parallel build (``-j``) keeps in its cache all that a serial build keeps.

Sphinx's worker processes write pages and share nothing back, so what they would work out (a list
entry's HTML, a figure's drawing) is worked out in the main process before they start.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from test_figure_cache import cached_names

ROOT = Path(__file__).parent / "roots" / "test-publications"
SELECTED = "---\norphan: true\n---\n# Selected\n\n```{publication-list}\n:images:\n```\n"
#: Sphinx writes the first page (by name) in the main process, the others in workers.
FIRST = "---\norphan: true\n---\n# About\n\nA page before the others.\n"


def test_a_parallel_build_keeps_in_its_cache_what_a_serial_build_keeps(make_app, tmp_path):
    kept = {}
    for name, parallel in (("serial", 1), ("parallel", 2)):
        source = tmp_path / name
        shutil.copytree(ROOT, source)
        (source / "selected.md").write_text(SELECTED, encoding="utf-8")  # entries with their previews (web/home.py)
        (source / "about.md").write_text(FIRST, encoding="utf-8")
        app = make_app("html", srcdir=source, parallel=parallel, freshenv=True)
        app.build()
        kept[name] = cached_names(Path(app.doctreedir))
    assert {name[0] for name in kept["serial"]} >= {"drawing", "list entry"}
    assert {name[2] for name in kept["serial"] if name[0] == "list entry"} == {"publications", "selected"}
    assert kept["parallel"] == kept["serial"]
