"""A PDF with a character its fonts lack is a failed build, not a page with empty boxes.

XeLaTeX prints ``Missing character: There is no 물 (U+BB3C) in font ...!`` to its log and carries
on, so ``latexmk`` reports success for a PDF that shows an empty box where a Korean title should be.
``python -m research_portfolio check-pdf FOLDER`` (run by ``make pdf``, ``make cv`` and the Read the
Docs configuration after LaTeX) reads the logs and names each missing character with the entry it
belongs to: every reference's title in the .tex is preceded by a comment naming its key.
"""

from __future__ import annotations

import re
from pathlib import Path

MISSING = re.compile(r"Missing character: There is no (.+?) \((U\+[0-9A-F]+)\) in font ([^!]+)!")
ENTRY_MARK = "%portfolio-entry:"


def missing_glyphs(folder: Path) -> list[str]:
    """One line per missing character: the character, its font, and the entry that uses it."""
    problems: dict[tuple[str, str], str] = {}
    for log in sorted(folder.glob("*.log")):
        tex = log.with_suffix(".tex")
        source = tex.read_text(encoding="utf-8", errors="replace") if tex.is_file() else ""
        for character, code, font in MISSING.findall(log.read_text(encoding="utf-8", errors="replace")):
            if (character, code) not in problems:
                problems[character, code] = (f"{tex.name}: no glyph for {character} ({code}) in the font "
                                             f"{font.split(':')[0]}{where(source, character)}; install a font that has it "
                                             "(README.md, \"Every script\"), or name one in conf.py's latex_elements")
    return list(problems.values())


def where(source: str, character: str) -> str:
    """", in the entry KEY" for the reference that holds *character*, or the line of the .tex."""
    position = source.find(character)
    if position < 0:
        return ""
    mark = source.rfind(ENTRY_MARK, 0, position)
    if mark >= 0 and "\n\n" not in source[mark:position]:
        return f", in the entry {source[mark + len(ENTRY_MARK):].split(maxsplit=1)[0]}"
    return f", on line {source.count(chr(10), 0, position) + 1}"
