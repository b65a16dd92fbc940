import os
import sys

sys.path.insert(0, os.path.abspath("../../.."))

extensions = ["myst_parser", "portfolio"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "portfolio"
myst_footnote_sort = False
portfolio_person = {"name": "Ada Lovelace"}
portfolio_themes = {"engines": ("Engines", "index"), "poetry": ("Poetry", "index")}
portfolio_highlights = ["Oral"]
portfolio_positions = [{"name": "Analytical Society", "start": "1842-01", "end": "1844-12"}]
