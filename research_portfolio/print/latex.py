"""The PDF: our LaTeX package, a title page and PDF metadata made from the settings in conf.py.

Values a fork changes (name, role, affiliation, contact, themes) come from ``portfolio_person``
and ``portfolio_themes``; conf.py may still override any ``latex_elements`` key it sets itself.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.texescape import escape
from sphinx.util.typing import ExtensionMetadata

from ..bib.entries import printable
from ..i18n import _
from ..text.scripts import marked

PACKAGE = Path(__file__).parent / "texinputs" / "portfolio.sty"
#: For a site in Chinese, Sphinx sets every Chinese character with xeCJK, whose default fonts (Fandol)
#: few systems have: the Noto CJK fonts the package uses for Chinese anyway (fonts-noto-cjk).
CHINESE_FONTS = (r"\setCJKmainfont{NotoSerifCJKsc-Regular}[BoldFont=NotoSerifCJKsc-Bold]"
                 r"\setCJKsansfont{NotoSansCJKsc-Regular}[BoldFont=NotoSansCJKsc-Bold]"
                 r"\setCJKmonofont{NotoSansMonoCJKsc-Regular}")


def contact_line(person: dict[str, str]) -> str:
    links = []
    if person.get("email"):
        links.append(rf"\href{{mailto:{person['email']}}}{{{escape(person['email'])}}}")
    if person.get("website"):
        shown = printable(person["website"])
        links.append(rf"\href{{{person['website']}}}{{{escape(shown)}}}")
    if person.get("phone"):
        links.append(escape(person["phone"]))
    return r"\quad{}\textperiodcentered\quad{}".join(links)


def latex_defaults(app: Sphinx, config: Config) -> None:
    """Fill in the title page (a header for a short howto document) and the PDF metadata, unless conf.py set them."""
    person = config.portfolio_person
    _start, _target, title, author, docclass, *_rest = config.latex_documents[0]
    opening = r"\portfolioheader" if docclass == "howto" else r"\portfoliotitlepage"
    title_page = opening + "{%s}{%s}{%s}" % (
        marked(person.get("role", ""), escape),
        marked(person.get("affiliation", ""), escape),
        contact_line(person),
    )
    metadata = r"\AtBeginDocument{\hypersetup{pdftitle={%s}, pdfauthor={%s}, pdfsubject={%s}, pdfkeywords={%s}}}" % (
        escape(f"{author}: {title}"),
        escape(author),
        escape(person.get("description", "")),
        ", ".join(escape(theme) for theme, _ in config.portfolio_themes.values()),
    )
    elements = dict(config.latex_elements)
    elements.setdefault("maketitle", title_page)
    elements["preamble"] = elements.get("preamble", "") + "\n" + metadata
    if config.language.startswith("zh") and config.latex_engine == "xelatex":
        elements["preamble"] += "\n" + CHINESE_FONTS
    before, found, after = _("Chapter {number}").partition("{number}")
    if found and before + after != "Chapter ":  # babel's word for a language it knows, the catalogue's for the others
        elements["preamble"] += "\n" + r"\renewcommand{\portfoliochapter}[1]{%s#1%s}" % (marked(before, escape), marked(after, escape))
        elements["preamble"] += r"\renewcommand{\chaptermark}[1]{\markboth{\portfoliochapter{\thechapter}\quad#1}{}}"  # the footer's
    if marked(author, escape) != escape(author):  # a name in another script: the title page and running heads need its font
        elements["preamble"] += "\n" + r"\AtBeginDocument{\author{%s}}" % marked(author, escape)
    config.latex_elements = elements
    # Sphinx copies the package beside the .tex file, as it does any file conf.py lists there.
    config.latex_additional_files = [*config.latex_additional_files, str(PACKAGE)]


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_latex_package("portfolio")
    app.connect("config-inited", latex_defaults)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
