"""Sphinx settings for Ziming Liu's research portfolio: who he is and what he works on.

Everything else (furo, MyST, the bibliography style, the e-book, the PDF and the CV) is the
default of the research_portfolio extension; a setting made here overrides it.
"""

import os

extensions = ["research_portfolio"]

portfolio_person = {
    "name": "Ziming Liu",
    "role": "PhD student in physics",
    "affiliation": "Massachusetts Institute of Technology",
    "email": "zmliu@mit.edu",
    "website": "https://kindxiaoming.github.io",
    "github": "KindXiaoming",
    "photo": "img/portrait.jpg",
    "alumni_of": ["Peking University"],
    "description": "Ziming Liu is a physics PhD student at MIT who works where artificial intelligence and "
    "physics meet: the physics of AI, physics for AI, AI for physics and neuroscience for AI.",
}
# Research themes: the key the .bib's `themes` field uses, the theme's title, the page that tells it.
portfolio_themes = {
    "physics-of-ai": ("Physics of AI", "research/physics-of-ai"),
    "physics-for-ai": ("Physics for AI", "research/physics-for-ai"),
    "ai-for-physics": ("AI for physics", "research/ai-for-physics"),
    "neuroscience-for-ai": ("Neuroscience for AI", "research/neuroscience-for-ai"),
    "heavy-ion-physics": ("Machine learning for heavy-ion physics", "research/heavy-ion-physics"),
    "methods": ("Physics-inspired methods", "research/methods"),
}
# Each theme page shows its papers' previews where it first names them.
portfolio_theme_previews = True
portfolio_highlights = ["Oral", "Spotlight", "Editors' Suggestion"]
# Titles in sentence case, as BibTeX styles print them (the engine's default shows them as written).
portfolio_title_case = "sentence"
# Positions, for the timeline figure: first and last month ("end": None while it lasts).
portfolio_positions = [
    {"name": "Peking University", "start": "2016-09", "end": "2020-06"},
    {"name": "MSRA", "start": "2020-09", "end": "2021-02"},
    {"name": "MIT", "start": "2021-02", "end": None},
]

# The published site: Read the Docs sets the variable; local builds use the fallback.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "https://ziming-liu.readthedocs.io/en/latest/")
