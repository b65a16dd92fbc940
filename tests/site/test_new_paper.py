"""Adding an entry to publications.bib is the only step needed for a paper to appear everywhere."""

from __future__ import annotations

import subprocess

from helpers import copy_project, require_tool, sphinx
from reading import bib_entries, epub_files, pdf_text, soup, squash

NEW_ENTRY = """
@article{liu2024future,
  author  = {Liu, Ziming and Tegmark, Max},
  title   = {A Paper From the Future},
  journal = {Physical Review X},
  year    = {2024},
  doi     = {10.1103/PhysRevX.0.000000},
  themes  = {physics-of-ai},
}
"""


def test_a_27th_entry_appears_in_every_format(tmp_path):
    source = copy_project(tmp_path / "source")
    with open(source / "publications.bib", "a", encoding="utf-8") as bib:
        bib.write(NEW_ENTRY)
    for builder in ("html", "epub", "latex"):
        process = sphinx(source, builder, tmp_path / builder)
        assert process.returncode == 0, process.stderr[-3000:]

    publications = soup(tmp_path / "html" / "publications.html")
    assert len(publications.select("li.pub-entry")) == len(bib_entries()) + 1
    newest = publications.select("section[id^=year-]")[0]
    shown = "A paper from the future"  # in the site's display case, sentence case (the BibTeX keeps the .bib's)
    assert newest["id"] == "year-2024" and shown in newest.select_one(".pub-title").get_text()
    themes = [item.get_text(" ", strip=True) for item in publications.select("ul.publication-themes li")]
    count = sum("physics-of-ai" in entry.fields.get("themes", "") for entry in bib_entries().values()) + 1
    assert f"Physics of AI : {count} papers" in themes
    assert (tmp_path / "html" / "papers" / "liu2024future.html").is_file()
    figure = publications.find("figure", id="figure-per-year").find("desc").get_text()
    assert "2024: 1 (1 journal)" in figure
    assert shown in epub_files(next((tmp_path / "epub").glob("*.epub")))["publications.xhtml"]

    require_tool("latexmk", "xelatex", "pdftotext")
    subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "ziming-liu.tex"],
                   cwd=tmp_path / "latex", capture_output=True, check=True, timeout=600)
    assert shown in squash(pdf_text(tmp_path / "latex" / "ziming-liu.pdf"))
