import os
import sys

sys.path.insert(0, os.path.abspath("../../.."))

project = author = "Ziming Liu"
extensions = ["myst_parser", "portfolio"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "portfolio"
myst_footnote_sort = False
myst_heading_anchors = 3
nitpicky = True
portfolio_person = {"name": "Ziming Liu"}
portfolio_themes = {
    "physics-of-ai": ("Physics of AI", "notes"),
    "ai-for-physics": ("AI for physics", "notes"),
    "neuroscience-for-ai": ("Neuroscience for AI", "notes"),
    "methods": ("Physics-inspired methods", "notes"),
}
portfolio_highlights = ["Oral", "Spotlight", "Editors' Suggestion"]
