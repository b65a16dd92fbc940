"""The LaTeX that real .bib files carry, made readable before pybtex decodes the accents.

pybtex turns accents and braces into text, but leaves inline math and formatting commands as they
are: ``Beyond $\\ell_1$`` would read "$\\ell _1$", ``\\emph{Deep}`` "\\emph Deep". Here math becomes
Unicode where a character exists (Greek letters, common symbols, digit sub- and superscripts) and a
formatting command gives way to its argument, ``\\url{...}`` to the address and ``\\href{...}{text}`` to
its text (a link field carries the link). Math is kept in braces, so a title set in sentence case
keeps its symbols as written (``$L_2$`` stays L₂). Any other command is left as written, so it
shows as text in every format and is never run.
"""

from __future__ import annotations

import re

SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
    "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞", "times": "×", "cdot": "·", "pm": "±", "leq": "≤",
    "geq": "≥", "le": "≤", "ge": "≥", "neq": "≠", "approx": "≈", "sim": "∼", "to": "→", "rightarrow": "→",
    "partial": "∂", "nabla": "∇", "sum": "∑", "int": "∫", "in": "∈", "log": "log", "exp": "exp",
}
#: Relations and operators keep the spaces written around them ("x ∼ y"); other symbols close up ("αβ").
SPACED = {"sim", "approx", "leq", "geq", "le", "ge", "neq", "to", "rightarrow", "times", "pm", "in"}
SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
SUPERSCRIPTS = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
FORMATTING = re.compile(r"\\(?:emph|textit|textbf|textrm|textsf|textsc|texttt|textup|mathrm|mathbf|mathit|mathcal|"
                        r"mathsf|mathtt|text|mbox|boldsymbol)\s*\{([^{}]*)\}")
LINK = re.compile(r"\\(?:url\s*\{([^{}]*)\}|href\s*\{[^{}]*\}\s*\{([^{}]*)\})")
MATH = re.compile(r"(?<!\\)\$([^$]+?)(?<!\\)\$")
COMMAND = re.compile(r"\\([a-zA-Z]+)\s*")
SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|(\w))")
#: Zotero's rich-text markup in a title, exported as ``{\textless}i{\textgreater}...{\textless}/i{\textgreater}``:
#: the look of a species' name, left out; any other ``\textless``, ``\textgreater`` is the character.
RICH_TEXT_TAG = re.compile(r"\{?\\textless\}?\s*/?\s*(?:i|b|em|strong|sub|sup|sc|span(?:\s[^{}\\]*)?)\s*\{?\\textgreater\}?")
ANGLE = re.compile(r"\{?\\text(less|greater)\}?")
#: ``XV\textsuperscript{e} siècle``, ``H\textsubscript{2}O``: a script where Unicode has one, else the letters.
RAISED = re.compile(r"\\text(super|sub)script\s*\{([^{}]*)\}")
#: ``\~`` with nothing to accent: the tilde a writer means by "scales as" (``p \~ d^2``); "~" would be a space.
LONE_TILDE = re.compile(r"\\~(?=\s|$)")


def readable(latex: str) -> str:
    """*latex* with its math and formatting commands written out; accents are left to pybtex."""
    if "\\text" in latex:
        latex = ANGLE.sub(lambda found: "<" if found[1] == "less" else ">", RICH_TEXT_TAG.sub("", latex))
        latex = RAISED.sub(_raised, latex)
    previous = None
    while previous != latex:  # nested formatting: \emph{\textbf{x}}
        previous, latex = latex, FORMATTING.sub(r"\1", latex)
    latex = LINK.sub(lambda match: match[1] if match[1] is not None else match[2], latex)
    latex = LONE_TILDE.sub("∼", latex)
    return MATH.sub(lambda match: "{" + _math(match[1]) + "}", latex)


def _raised(match: re.Match[str]) -> str:
    converted = match[2].translate(SUPERSCRIPTS if match[1] == "super" else SUBSCRIPTS)
    return converted if all(char != original for char, original in zip(converted, match[2])) else match[2]


def _math(formula: str) -> str:
    formula = COMMAND.sub(_symbol, formula)
    formula = SCRIPT.sub(_script, formula)
    return formula.replace("{", "").replace("}", "")


def _symbol(match: re.Match[str]) -> str:
    if match[1] not in SYMBOLS:
        return match[0]
    spaced = match[1] in SPACED and match[0][-1].isspace()
    return SYMBOLS[match[1]] + (" " if spaced else "")


def _script(match: re.Match[str]) -> str:
    text = match[2] if match[2] is not None else match[3]
    table = SUBSCRIPTS if match[1] == "_" else SUPERSCRIPTS
    converted = text.translate(table)
    written = all(char != original or not char.isalnum() for char, original in zip(converted, text))
    return converted if written else f"{match[1]}{text}"
