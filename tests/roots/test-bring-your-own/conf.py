import os
import sys

sys.path.insert(0, os.path.abspath("../../.."))

extensions = ["myst_parser", "portfolio"]
exclude_patterns = ["_build"]
html_static_path = ["_static"]
html_baseurl = "https://example.org/site/"
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "portfolio"
myst_footnote_sort = False
portfolio_person = {"name": "Marta Kowalczyk"}
project = author = "Marta Kowalczyk"
copyright = "2025, Marta Kowalczyk"
version = "1"
