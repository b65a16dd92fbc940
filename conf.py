"""Sphinx settings for Ziming Liu's research portfolio: HTML (furo), ePub and PDF from one source.

Everything about the person lives in the first section; a fork changes that section, swaps
publications.bib and the Markdown pages, and keeps the rest.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from portfolio import icons  # noqa: E402

# -- The person and the work --------------------------------------------------------------------

portfolio_person = {
    "name": "Ziming Liu",
    "role": "PhD student in physics",
    "affiliation": "Massachusetts Institute of Technology",
    "email": "zmliu@mit.edu",
    "website": "https://kindxiaoming.github.io",
    "alumni_of": ["Peking University"],
    "description": "Ziming Liu is a physics PhD student at MIT who works where artificial intelligence and "
    "physics meet: the physics of AI, physics for AI, AI for physics and neuroscience for AI.",
}
project = author = portfolio_person["name"]
copyright = f"%Y, {author}"
version = release = "1.0"
slug = "ziming-liu"  # the file names of the PDF, the CV and the e-book
# Research themes (optional): the key used in the .bib field `themes`, the title, the page that narrates it.
portfolio_themes = {
    "physics-of-ai": ("Physics of AI", "research/physics-of-ai"),
    "physics-for-ai": ("Physics for AI", "research/physics-for-ai"),
    "ai-for-physics": ("AI for physics", "research/ai-for-physics"),
    "neuroscience-for-ai": ("Neuroscience for AI", "research/neuroscience-for-ai"),
    "heavy-ion-physics": ("Machine learning for heavy-ion physics", "research/heavy-ion-physics"),
    "methods": ("Physics-inspired methods", "research/methods"),
}
portfolio_highlights = ["Oral", "Spotlight", "Editors' Suggestion"]
# Positions, for the timeline figure: first and last month ("end": None while it lasts).
portfolio_positions = [
    {"name": "Peking University", "start": "2016-09", "end": "2020-06"},
    {"name": "MSRA", "start": "2020-09", "end": "2021-02"},
    {"name": "MIT", "start": "2021-02", "end": None},
]

# The published site; Read the Docs sets the variable, local builds use the fallback.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", f"https://{slug}.readthedocs.io/en/latest/")
# Links to the PDF, the e-book and the CV, which only Read the Docs publishes (.readthedocs.yaml builds the CV).
portfolio_downloads = os.environ.get("READTHEDOCS") == "True"
# Where the source lives, for furo's "edit" and "view" buttons; Read the Docs sets both variables.
source_repository = os.environ.get("READTHEDOCS_GIT_CLONE_URL", "").removesuffix(".git")
source_branch = os.environ.get("READTHEDOCS_GIT_IDENTIFIER", "main")

# -- General ------------------------------------------------------------------------------------

extensions = ["myst_parser", "portfolio"]
root_doc = "index"
exclude_patterns = ["_build", ".*", "node_modules", "README.md", "tests", "benchmarks", "cv.md"]
language = "en"
nitpicky = True
show_warning_types = True
templates_path = []

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3
myst_footnote_sort = False  # footnote citations stay where {footbibliography} puts them

bibtex_bibfiles = ["publications.bib"]
bibtex_default_style = "portfolio"
bibtex_footbibliography_header = "::::{only} not latex\n:::{rubric} References\n:::\n::::"  # footnotes sit on their pages in print

# -- HTML ---------------------------------------------------------------------------------------

html_theme = "furo"
html_title = project
html_static_path = ["_static"]
html_css_files = ["portfolio.css"]
html_favicon = "_static/favicon.svg"
html_copy_source = False
html_use_index = False  # a portfolio needs no general index page
html_show_sourcelink = False
html_theme_options = {
    "light_css_variables": {"color-brand-primary": "#165ea3", "color-brand-content": "#165ea3"},
    "source_repository": source_repository,
    "source_branch": source_branch,
    "source_directory": "",
    "top_of_page_buttons": ["view", "edit"] if source_repository else [],
    "footer_icons": [
        {"name": "Email", "url": f"mailto:{portfolio_person['email']}", "html": icons.EMAIL, "class": ""},
        {"name": "Website", "url": portfolio_person["website"], "html": icons.WEBSITE, "class": ""},
    ]
    + ([{"name": "Source", "url": source_repository, "html": icons.SOURCE, "class": ""}] if source_repository else []),
}

# -- ePub ---------------------------------------------------------------------------------------

epub_title = f"{project}: research portfolio"
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_description = portfolio_person["description"]
epub_uid = epub_identifier = f"{slug}-research-portfolio"
epub_contributor = author
epub_basename = slug
epub_css_files = ["portfolio.css", "portfolio-epub.css"]
epub_show_urls = "no"
epub_exclude_files = ["404.xhtml", ".buildinfo.bak"]  # no page-not-found in a book; Sphinx's backup of its build info
epub_tocscope = "includehidden"  # the home page's toctrees are hidden on the web, not in the e-book

# -- LaTeX / PDF --------------------------------------------------------------------------------

latex_engine = "xelatex"
# The PDF starts at the home page's toctrees (toctree_only): each of its entries is a chapter.
latex_documents = [(root_doc, f"{slug}.tex", "Research portfolio", author, "manual", True)]
latex_elements = {
    "papersize": "letterpaper",
    "pointsize": "11pt",
    "extraclassoptions": "openany,oneside",  # read on screens more than printed: no blank pages
    "fncychap": "",
    "printindex": "",
    "makeindex": "",
    # Sphinx would title the table of contents after the first toctree caption ("Research"); chapters
    # only, so the contents fit one page (the PDF's bookmarks list the sections).
    "tableofcontents": r"\renewcommand{\contentsname}{Contents}\setcounter{tocdepth}{0}\sphinxtableofcontents",
}
latex_domain_indices = False
latex_show_urls = "no"
latex_show_pagerefs = True  # in print, a cross-reference says on which page it lands

# -- The short CV (make cv): the same sources, one short document -------------------------------

if tags.has("cv"):  # noqa: F821 (Sphinx defines `tags` while it reads this file)
    root_doc = "cv"
    include_patterns = ["cv.md"]
    exclude_patterns.remove("cv.md")
    latex_documents = [("cv", f"{slug}-cv.tex", "Curriculum vitae", author, "howto")]
    latex_elements |= {
        "pointsize": "10pt",
        "tableofcontents": "",
        "sphinxsetup": "hmargin=0.75in, vmargin=0.7in",
        "preamble": r"\setcounter{secnumdepth}{0}\usepackage{enumitem}\setlist{itemsep=1pt,topsep=3pt,parsep=0pt}",
    }
    # The phone number stays out of the repository and the web: give it when building the CV.
    portfolio_person |= {"phone": os.environ.get("PORTFOLIO_PHONE", "")}
