"""Chinese, Japanese, Korean, Hebrew, Arabic and mathematical symbols in print: each run marked for its font and direction.

XeLaTeX has no font fallback. FreeSerif and FreeSans, Sphinx's fonts for xelatex, cover Latin, Greek and
Cyrillic but no Chinese, Japanese or Korean (a Korean title prints as empty boxes); Hebrew in them comes out
in left-to-right word order and Arabic unjoined. Before a LaTeX document is written, every run of text in
one of these scripts becomes a :class:`script_run`, written as ``\\portfolioscript{LANG}{...}``, and
``texinputs/portfolio.sty`` sets it in the Noto font for LANG (serif or sans, regular or bold, as the text
around it), Hebrew and Arabic right to left. A run takes in the spaces, digits and punctuation between its
letters, so a title of several Hebrew words reads right to left as one phrase. Text without these scripts is
left as it is: a site that has none writes the same .tex as before.

Mathematical letters and symbols written as Unicode in a title or an abstract (𝛼, ⪅, ≲, ∀) are marked
the same way, as ``math``, and set in Noto Sans Math: FreeSerif has the mathematical alphanumerics only
in its regular face (a bold title loses them), few supplemental operators (⪅) in any face, and
FreeSans and the italic faces lack most operators.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.typing import ExtensionMetadata
from sphinx.writers.latex import LaTeXTranslator

#: Unicode ranges of each script the main fonts lack; Han includes CJK punctuation and full-width forms.
RANGES = {
    "hangul": "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff",
    "kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
    "han": "\u2e80-\u2fdf\u3000-\u303f\u3100-\u312f\u3190-\u31ef\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
           "\ufe30-\ufe4f\uff00-\uff65\uffe0-\uffef\U00020000-\U0003ffff",
    "he": "\u0590-\u05ff\ufb1d-\ufb4f",
    "ar": "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc",
    # Mathematical operators, miscellaneous symbols A and B, supplemental arrows B, supplemental operators,
    # mathematical alphanumerics: every one of them is in Noto Sans Math.
    "math": "\u2200-\u22ff\u27c0-\u27ef\u2900-\u2aff\U0001d400-\U0001d7ff",
}
#: What may sit between two letters of one run: anything that is not a letter (spaces, digits, punctuation).
BETWEEN = r"[\W\d_]*"
CJK = f"[{RANGES['hangul']}{RANGES['kana']}{RANGES['han']}]"
CJK_WORD = re.compile(f"{CJK}+")  # a word (a name) written in Chinese, Japanese or Korean characters alone
RUN = re.compile("|".join([*(f"(?P<{name}>{letter}(?:{BETWEEN}{letter})*)"
                            for name, letter in (("cjk", CJK), ("he", f"[{RANGES['he']}]"), ("ar", f"[{RANGES['ar']}]"))),
                          f"(?P<math>[{RANGES['math']}]+)"]))  # symbols only: the digits and letters between stay in the text's font
HANGUL = re.compile(f"[{RANGES['hangul']}]")
KANA = re.compile(f"[{RANGES['kana']}]")
#: Nodes whose text LaTeX receives as it is (code, math, raw LaTeX): never marked.
VERBATIM = (nodes.FixedTextElement, nodes.math, nodes.raw, nodes.comment)


#: In a right-to-left run, what its Noto font lacks: Noto's Hebrew fonts have no digit and no Latin punctuation but
#: the hyphen, its Arabic fonts few (a title's colon printed as an empty box). These stay in the text's own font,
#: inside the run and its direction, left to right (a number reads as written).
OTHER_FONT = {lang: re.compile(f"[^{RANGES[lang]}\\s\u200c-\u200f]+") for lang in ("he", "ar")}
#: A bracket set left to right inside a right-to-left run is drawn as written, where the run's own font would have
#: mirrored it (Unicode's Bidi_Mirrored): "(…)" reads ")…(" unless each is written as its mirror.
MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")


class script_run(nodes.inline):
    """A run of text in one script, with its ``lang``: zh, ja, ko, he, ar, or math for mathematical symbols."""


class main_font_run(nodes.inline):
    """Inside a right-to-left run, characters its font lacks (:data:`OTHER_FONT`), in the text's own font."""


def run_parts(piece: str, lang: str) -> list[tuple[str, bool]]:
    """A run cut into its own text and the parts in the text's font (True), in order."""
    if lang not in OTHER_FONT:
        return [(piece, False)]
    parts, start = [], 0
    for found in OTHER_FONT[lang].finditer(piece):
        if found.start() > start:
            parts.append((piece[start:found.start()], False))
        parts.append((found[0].translate(MIRRORED), True))
        start = found.end()
    if start < len(piece):
        parts.append((piece[start:], False))
    return parts


def language(run: re.Match[str]) -> str:
    """The run's language as portfolio.sty names its fonts (zh, ja, ko, he, ar, math): CJK by the letters in it."""
    name = run.lastgroup or ""
    if name != "cjk":
        return name
    return "ko" if HANGUL.search(run[0]) else "ja" if KANA.search(run[0]) else "zh"


def pieces(text: str) -> list[tuple[str, str]]:
    """*text* cut into pieces, each with the language of its run, or "" for the main font's text."""
    found, start = [], 0
    for run in RUN.finditer(text):
        if run.start() > start:
            found.append((text[start:run.start()], ""))
        found.append((run[0], language(run)))
        start = run.end()
    if start < len(text):
        found.append((text[start:], ""))
    return found


def marked(text: str, encode: Callable[[str], str]) -> str:
    """*text* as LaTeX, each piece *encode*-d and each run wrapped in ``\\portfolioscript``: for LaTeX written by hand."""
    def run(piece: str, lang: str) -> str:
        return "".join(rf"\portfoliomain{{{encode(part)}}}" if other else encode(part) for part, other in run_parts(piece, lang))

    return "".join(rf"\portfolioscript{{{lang}}}{{{run(piece, lang)}}}" if lang else encode(piece) for piece, lang in pieces(text))


class MarkScriptRuns(SphinxPostTransform):
    """Wrap each run of Chinese, Japanese, Korean, Hebrew, Arabic or mathematical symbols of a LaTeX document in a script_run."""

    builders = ("latex",)
    default_priority = 900  # after the references are resolved and the footnotes placed

    def run(self, **kwargs: object) -> None:
        for text in list(self.document.findall(nodes.Text)):
            if not RUN.search(text) or any(isinstance(parent, VERBATIM) for parent in ancestors(text)):
                continue
            replacement = [script_run(piece, *(main_font_run(part, part) if other else nodes.Text(part)
                                               for part, other in run_parts(piece, lang)), lang=lang)
                           if lang else nodes.Text(piece) for piece, lang in pieces(str(text))]
            text.parent.replace(text, replacement)


def ancestors(node: nodes.Node) -> list[nodes.Element]:
    """The node's parent, the parent's parent, and so on up to the document."""
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


def enclosing(node: nodes.Node, kind: type[nodes.Element]) -> nodes.Element | None:
    """The nearest of the node's ancestors of the type *kind* (the paragraph around a mention), or None."""
    return next((parent for parent in ancestors(node) if isinstance(parent, kind)), None)


def visit_script_run(translator: LaTeXTranslator, node: script_run) -> None:
    translator.body.append(rf"\portfolioscript{{{node['lang']}}}{{")


def depart_script_run(translator: LaTeXTranslator, node: script_run) -> None:
    translator.body.append("}")


def visit_main_font_run(translator: LaTeXTranslator, node: main_font_run) -> None:
    translator.body.append(r"\portfoliomain{")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_node(script_run, latex=(visit_script_run, depart_script_run))
    app.add_node(main_font_run, latex=(visit_main_font_run, depart_script_run))
    app.add_post_transform(MarkScriptRuns)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
