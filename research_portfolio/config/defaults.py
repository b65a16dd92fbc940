"""Everything a portfolio needs that is not about the person, as defaults the site's conf.py may override.

A site's conf.py holds its person section and what it chooses to change; the theme, the MyST
extensions, the bibliography style, the strictness, the ePub and LaTeX settings and the CV build
come from here. A default applies only where the site set nothing (:func:`compat.site_sets`): a
value conf.py or ``-D`` gives always wins. For the dicts below (``html_theme_options``,
``latex_elements``) the site's keys win one by one over the package's.

``sphinx-build -t cv`` switches the build to the site's ``cv.md`` alone, as a short LaTeX document.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sphinx
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

from ..compat import site_sets
from ..escape import html as html_text
from ..escape import latex as tex
from ..i18n import _
from ..text.scripts import marked

PACKAGE = Path(__file__).parent.parent
STATIC = PACKAGE / "web" / "static"
CV_DOCUMENT = "cv"
CV_TAG = "cv"
BRAND = "#165ea3"
LINK_UNDERLINE = "#165ea380"
#: Files no site builds as pages; the site's own exclude_patterns replaces the whole list.
EXCLUDED = ["_build", ".*", "**/.*", "venv", "node_modules", "**/node_modules", "README.md", "CHANGELOG.md",
            "LICENSE.md", "tests", "benchmarks"]
#: The MyST syntax a portfolio's pages use.
MYST_EXTENSIONS = ["colon_fence", "deflist", "attrs_inline", "attrs_block"]
#: Web-only files of the package's static folder, which the e-book leaves out.
WEB_ONLY_STATIC = ["_static/portfolio-copy.js", "_static/portfolio-search.js", "_static/portfolio-filter.js",
                   "_static/portfolio-web.css"]


def general(app: Sphinx, config: Config) -> dict[str, Any]:
    name = str(config.portfolio_person.get("name", ""))
    excluded = list(EXCLUDED)  # the CV is a page too, where a toctree lists it (its PDF is `-t cv`'s)
    if (Path(app.srcdir) / PACKAGE.name / "__init__.py").is_file():  # the package's repository builds its first site
        excluded.append(PACKAGE.name)
    values: dict[str, Any] = {
        "project": name or _("Research portfolio"),
        "author": name or _("Research portfolio"),
        "copyright": f"%Y, {name}" if name else "%Y",
        "version": "1.0",
        "release": "1.0",
        "language": "en",
        "exclude_patterns": excluded,
        "nitpicky": True,
        "show_warning_types": True,
        "myst_enable_extensions": MYST_EXTENSIONS,
        "myst_heading_anchors": 3,
        "myst_footnote_sort": False,  # footnote citations stay where {footbibliography} puts them
        "bibtex_bibfiles": ["publications.bib"],
        "bibtex_default_style": "portfolio",
        # Footnotes sit on their pages in print: the heading is for the web and the e-book, a heading
        # there (<h2>, which screen readers list among the page's headings) that opens no section.
        "bibtex_footbibliography_header": "::::{only} not latex\n:::{rubric} %s\n:heading-level: 2\n:::\n::::" % _("References"),
    }
    baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
    if baseurl:
        values["html_baseurl"] = baseurl
    return values


def html(app: Sphinx, config: Config) -> dict[str, Any]:
    static = Path(app.confdir) / "_static"
    values: dict[str, Any] = {
        "html_theme": "furo",
        "html_title": html_text.text(config.project),  # themes print it as markup (furo's header)
        "html_copy_source": False,
        "html_use_index": False,  # a portfolio needs no general index page
        "html_show_sourcelink": False,
        # Sphinx opens the scorer from the working folder, not conf.py's: the package's file by its full path.
        "html_search_scorer": str(PACKAGE / "web" / "templates" / "search-scorer.js"),
    }
    if static.is_dir():
        values["html_static_path"] = ["_static"]
    if (static / "favicon.svg").is_file():
        values["html_favicon"] = "_static/favicon.svg"
    return values


def theme_options(config: Config) -> dict[str, Any]:
    """furo's options: the brand colour and, on Read the Docs, the buttons to the page's source.

    The footer's icons are the owner's links (:mod:`research_portfolio.web.links`). Another theme gets
    none: every theme has options of its own, and an unknown one fails a build under ``-W``.
    """
    if config.html_theme != "furo":
        return {}
    repository = os.environ.get("READTHEDOCS_GIT_CLONE_URL", "").removesuffix(".git")
    # Links underlined in the brand colour, half strength: furo's light grey is hard to see on white.
    light = {"color-brand-primary": BRAND, "color-brand-content": BRAND, "color-link-underline": LINK_UNDERLINE,
             "color-link-underline--visited": LINK_UNDERLINE}
    options: dict[str, Any] = {"light_css_variables": light}
    if repository:
        options |= {"source_repository": repository, "source_branch": os.environ.get("READTHEDOCS_GIT_IDENTIFIER", "main"),
                    "source_directory": "", "top_of_page_buttons": ["view", "edit"]}
    return options


def epub(app: Sphinx, config: Config) -> dict[str, Any]:
    slug = config.portfolio_slug
    return {
        "epub_title": _("{project}: Research portfolio").format(project=config.project),  # as the PDF's title page says
        "epub_author": config.author,
        "epub_publisher": config.author,
        "epub_copyright": config.copyright,
        "epub_description": config.portfolio_person.get("description") or _("The research portfolio of {author}.").format(
            author=config.author),
        "epub_uid": f"{slug}-research-portfolio",
        "epub_identifier": f"{slug}-research-portfolio",
        "epub_contributor": config.author,
        "epub_basename": slug,
        "epub_language": config.language.replace("_", "-"),  # a language tag, as epubcheck requires: zh-CN, not zh_CN
        "epub_css_files": ["portfolio-epub.css"],  # portfolio.css is every HTML builder's (setup, below)
        "epub_show_urls": "no",
        # No page-not-found in a book; Sphinx's backup of its build info; files an e-book cannot hold.
        "epub_exclude_files": ["404.xhtml", ".buildinfo.bak", *WEB_ONLY_STATIC, *static_files_a_book_cannot_hold(app, config),
                               *theme_files_no_page_names(config), *web_icon(config)],
        "epub_tocscope": "includehidden",  # the home page's toctrees are hidden on the web, not in the e-book
        "epub_tocdup": False,  # a chapter's entry in the contents is not repeated as the first of its sections
    }


def web_icon(config: Config) -> list[str]:
    """The favicon, which Sphinx copies into every build's static folder: a browser's tab icon, not a book's."""
    icon = config.html_favicon
    return [f"_static/{Path(icon).name}"] if icon and "://" not in icon else []


def theme_files_no_page_names(config: Config) -> list[str]:
    """Files of Sphinx's basic theme that the e-book's own theme never names: they would ride along unused.

    Sphinx's ``epub`` theme inherits the basic theme's static folder: its web style sheet (``basic.css``,
    which no page of the book links) and the icons of the web's search page and collapsible lists
    (``minus.png``, ``plus.png``). A file the e-book's style sheet names (``file.png``) stays.
    """
    themes = Path(sphinx.__file__).parent / "themes"
    if config.epub_theme != "epub" or not (themes / "basic" / "static").is_dir():
        return []
    sheets = " ".join(path.read_text(encoding="utf-8") for path in (themes / "epub" / "static").iterdir() if path.is_file())
    names = (path.name.removesuffix(".jinja").removesuffix("_t") for path in sorted((themes / "basic" / "static").iterdir()))
    return [f"_static/{name}" for name in names if name not in sheets]


def static_files_a_book_cannot_hold(app: Sphinx, config: Config) -> list[str]:
    """The site's static files (a paper's PDF, say) that are no e-book media type: they stay on the web."""
    found = []
    for folder in config.html_static_path:
        root = Path(app.confdir) / folder
        for path in sorted(root.rglob("*")) if root.is_dir() else ():
            if path.is_file() and path.suffix.lower() not in Epub3Builder.media_types:
                found.append(f"_static/{path.relative_to(root).as_posix()}")
    return found


def latex(app: Sphinx, config: Config) -> dict[str, Any]:
    return {
        "latex_engine": "xelatex",
        # The PDF starts at the home page's toctrees (toctree_only): each of its entries is a chapter.
        "latex_documents": [(config.root_doc, f"{config.portfolio_slug}.tex", _("Research portfolio"), latex_author(config),
                             "manual", True)],
        "latex_domain_indices": False,
        "latex_show_urls": "no",
        "latex_show_pagerefs": True,  # in print, a cross-reference says on which page it lands
    }


def latex_author(config: Config) -> str:
    """The author as LaTeX, which a ``latex_documents`` entry holds (Sphinx writes it into ``\\author`` as it is):
    LaTeX's specials escaped, a name in another script set in its font."""
    return marked(config.author, tex.text)


LATEX_ELEMENTS = {
    "papersize": "letterpaper",
    "pointsize": "11pt",
    "extraclassoptions": "openany,oneside",  # read on screens more than printed: no blank pages
    "fncychap": "",
    # Chapters are numbered, sections are not: a year of the publication list is "2023 (13 papers)", not "8.1 2023".
    "preamble": r"\setcounter{secnumdepth}{0}",
    "printindex": "",
    "makeindex": "",
    # Sphinx would title the contents after the first toctree caption; chapters only, so they fit one page.
    "tableofcontents": r"\renewcommand{\contentsname}{%s}\setcounter{tocdepth}{0}\sphinxtableofcontents",  # "Contents"
}
#: The CV: two pages for a researcher's first years. Measured spacing: 5pt between two entries of a
#: description (two positions), 1pt between two papers, 9pt above a section heading and 3pt below it.
CV_LATEX_ELEMENTS = {
    "papersize": "letterpaper",
    "pointsize": "10pt",
    "tableofcontents": "",
    "sphinxsetup": "hmargin=0.75in, vmargin={0.5in,0.5in}",
    "preamble": "\n".join([
        r"\setcounter{secnumdepth}{0}\usepackage{enumitem}\setlist{itemsep=1pt,topsep=3pt,parsep=0pt}",
        r"\AtBeginDocument{\setlist*[description]{itemsep=5pt}}",
        r"\titlespacing*{\section}{0pt}{9pt}{3pt}\titlespacing*{\subsection}{0pt}{6pt}{2pt}",
        # The running head and the page number close to the text, inside the margins a printer prints.
        r"\geometry{headsep=6pt,footskip=14pt}",
    ]),
}


def cv(app: Sphinx, config: Config) -> dict[str, Any]:
    """The short CV: the site's cv.md alone, a LaTeX document of class howto."""
    return {
        "root_doc": CV_DOCUMENT,
        "include_patterns": [f"{CV_DOCUMENT}.md", f"{CV_DOCUMENT}.rst"],
        "exclude_patterns": [pattern for pattern in config.exclude_patterns if pattern != f"{CV_DOCUMENT}.md"],
        "latex_documents": [(CV_DOCUMENT, f"{config.portfolio_slug}-cv.tex", _("Curriculum vitae"), latex_author(config), "howto")],
    }


def apply(app: Sphinx, config: Config) -> None:
    """Give every setting the site left unset the package's value, in dependency order."""
    for group in (general, html, epub, latex):
        for name, value in group(app, config).items():
            if not site_sets(config, name):
                config[name] = value
    merge(config, "html_theme_options", theme_options(config))
    building_cv = app.tags.has(CV_TAG)
    contents = marked(_("Contents"), lambda text: text)  # the heading in the reader's language
    merge(config, "latex_elements", CV_LATEX_ELEMENTS if building_cv else
          {**LATEX_ELEMENTS, "tableofcontents": LATEX_ELEMENTS["tableofcontents"] % contents})
    if building_cv:
        for name, value in cv(app, config).items():
            config[name] = value
        # The phone number stays out of the repository and the web: it is given when the CV is built.
        config.portfolio_person = {**config.portfolio_person, "phone": os.environ.get("PORTFOLIO_PHONE", "")}
    config.html_static_path = [*config.html_static_path, str(STATIC)]
    config.exclude_patterns = [*config.exclude_patterns, *drafts(config)]


def drafts(config: Config) -> list[str]:
    """The files of the pages the site has not written yet (portfolio_drafts): left out of every format."""
    return [f"{page}{suffix}" for page in config.portfolio_drafts for suffix in (".md", ".rst")]


def merge(config: Config, name: str, defaults: dict[str, Any]) -> None:
    """The package's keys under the site's: a key the site sets wins."""
    config[name] = {**defaults, **config[name]}


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_css_file("portfolio.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
