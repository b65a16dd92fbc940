"""A PDF with a character its fonts lack is a failed build, not a page with empty boxes.

XeLaTeX prints ``Missing character: There is no 물 (U+BB3C) in font ...!`` to its log and carries
on, so ``latexmk`` reports success for a PDF that shows an empty box where a Korean title should be.
``python -m research_portfolio check-pdf FOLDER`` (run by ``make pdf``, ``make cv`` and the Read the
Docs configuration after LaTeX) reads the logs and names each missing character with the entry it
belongs to: every reference's title in the .tex is preceded by a comment naming its key. A font
that ``portfolio.sty`` looked for and did not find is named with the package that installs it.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..render.nodes import ENTRY_MARK

#: XeTeX's line for a character its font lacks; a font that never loaded ("nullfont") writes the code as "BB3C.
MISSING = re.compile(r'Missing character: There is no (.+?) \((?:U\+|")([0-9A-F]+)\) in font ([^!]+)!')
#: portfolio.sty's warning for a font it did not find (texinputs/portfolio.sty, "Every script").
NO_FONT = re.compile(r"Package portfolio Warning: No font (\S+) for text in (\w+)")
#: How many missing characters a line names before "and N more".
SHOWN = 6
#: The Debian and Ubuntu package of each font portfolio.sty names, by the start of the font's name.
FONT_PACKAGES = {"NotoSerifCJK": "fonts-noto-cjk", "NotoSansCJK": "fonts-noto-cjk", "Noto": "fonts-noto-core"}


def missing_glyphs(folder: Path) -> list[str]:
    """One line per font not found, and per entry (or line of the .tex) with characters its fonts lack."""
    problems: list[str] = []
    for log in sorted(folder.glob("*.log")):
        tex = log.with_suffix(".tex")
        source = tex.read_text(encoding="utf-8", errors="replace") if tex.is_file() else ""
        text = log.read_text(encoding="utf-8", errors="replace")
        problems += [f"{tex.name}: {problem}" for problem in fonts_not_found(text)]
        problems += [f"{tex.name}, {problem}" for problem in characters_missing(text, source)]
    return problems


def fonts_not_found(log: str) -> list[str]:
    found = []
    for font, language in dict.fromkeys(NO_FONT.findall(log)):
        package = next((name for prefix, name in FONT_PACKAGES.items() if font.startswith(prefix)), "")
        found.append(f"the font {font}, for the text in '{language}', is not installed{f'; install {package}' if package else ''} "
                     "(README.md, \"Every script\")")
    return found


def characters_missing(log: str, source: str) -> list[str]:
    """"entry KEY: no glyph for 물 (U+BB3C), ... in the font F; ...", one line per place of the .tex."""
    fonts: dict[str, dict[str, None]] = {}  # "물 (U+BB3C)" -> the fonts that lack it, in the log's order
    for character, code, font in MISSING.findall(log):
        fonts.setdefault(f"{character} (U+{int(code, 16):04X})", {})[font_name(font)] = None
    places: dict[str, dict[str, None]] = {}
    for glyph in fonts:
        for place in where(source, glyph.split(" ")[0]) or ["a place the .tex does not show"]:
            places.setdefault(place, {})[glyph] = None
    found = []
    for place, glyphs in places.items():
        listed = ", ".join(list(glyphs)[:SHOWN]) + (f" and {len(glyphs) - SHOWN} more" if len(glyphs) > SHOWN else "")
        lacking = list(dict.fromkeys(font for glyph in glyphs for font in fonts[glyph]))
        found.append(f"{place}: no glyph for {listed} in the font{'s' if len(lacking) > 1 else ''} {', '.join(lacking)}; install "
                     "a font that has it (README.md, \"Every script\"), or name one in conf.py's latex_elements")
    return found


def font_name(font: str) -> str:
    """The font as a person names it: "FreeSerif" for XeTeX's "[FreeSerif.otf]/OT:script=latn;language=dflt;"."""
    name = font.split(":")[0].strip()
    file = re.fullmatch(r"\[(?:.*/)?([^/\]]+?)(?:\.\w+)?\](?:/\w+)?", name)
    return file[1] if file else name


def where(source: str, character: str) -> list[str]:
    """Every place of the .tex that holds *character*: "entry KEY" for a reference's text, else "line N".

    A reference runs from its mark to the end of its paragraph, with the summary printed under it.
    """
    places = []
    for found in re.finditer(re.escape(character), source):
        mark = source.rfind(ENTRY_MARK, 0, found.start())
        if mark >= 0 and "\n\n" not in source[mark:found.start()].replace("\n\n\\portfolionote{", ""):
            places.append(f"entry {source[mark + len(ENTRY_MARK):].split(maxsplit=1)[0]}")
        else:
            places.append(f"line {source.count(chr(10), 0, found.start()) + 1}")
    return list(dict.fromkeys(places))
