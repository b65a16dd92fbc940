"""The LaTeX that real .bib files carry, made readable before pybtex decodes the accents.

pybtex turns accents and braces into text, but leaves inline math and formatting commands as they
are: ``Beyond $\\ell_1$`` would read "$\\ell _1$", ``\\emph{Deep}`` "\\emph Deep". Here math becomes
Unicode where a character exists (Greek letters, common symbols, digit sub- and superscripts) and a
formatting command gives way to its argument, ``\\url{...}`` to the address and ``\\href{...}{text}`` to
its text (a link field carries the link). Math is kept in braces, so a title set in sentence case
keeps its symbols as written (``$L_2$`` stays L₂). Any other command is left as written, so it
shows as text in every format and is never run. A year cut to two digits keeps its apostrophe
("EC ’22"), which SmartQuotes would otherwise turn into an opening quote.
"""

from __future__ import annotations

import re
import unicodedata

SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
    "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ",
    "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "infty": "∞", "times": "×", "cdot": "·", "pm": "±", "leq": "≤",
    "geq": "≥", "le": "≤", "ge": "≥", "neq": "≠", "approx": "≈", "sim": "∼", "to": "→", "rightarrow": "→",
    "partial": "∂", "nabla": "∇", "sum": "∑", "int": "∫", "in": "∈", "log": "log", "exp": "exp",
    "vartheta": "ϑ", "varrho": "ϱ", "upsilon": "υ", "Upsilon": "Υ", "hbar": "ℏ", "aleph": "ℵ", "prime": "′",
    "dots": "…", "ldots": "…", "cdots": "⋯", "vdots": "⋮", "ast": "∗", "star": "⋆", "circ": "∘", "otimes": "⊗",
    "oplus": "⊕", "cup": "∪", "cap": "∩", "setminus": "∖", "subset": "⊂", "subseteq": "⊆", "supset": "⊃",
    "emptyset": "∅", "forall": "∀", "exists": "∃", "neg": "¬", "wedge": "∧", "vee": "∨", "mid": "∣",
    "langle": "⟨", "rangle": "⟩", "ll": "≪", "gg": "≫", "propto": "∝", "equiv": "≡", "simeq": "≃", "cong": "≅",
    "perp": "⊥", "mapsto": "↦", "Rightarrow": "⇒", "leftrightarrow": "↔", "iff": "⟺", "notin": "∉",
    "sin": "sin", "cos": "cos", "tan": "tan", "ln": "ln", "det": "det", "dim": "dim", "ker": "ker", "max": "max",
    "min": "min", "lim": "lim", "sup": "sup", "inf": "inf", "deg": "deg", "gcd": "gcd",
    "lesssim": "≲", "gtrsim": "≳", "odot": "⊙", "sun": "☉", "earth": "⊕", "mp": "∓", "div": "÷", "ne": "≠",
    "asymp": "≍", "dagger": "†", "ddagger": "‡", "leftarrow": "←", "Leftarrow": "⇐", "longrightarrow": "⟶",
    "uparrow": "↑", "downarrow": "↓", "rightleftharpoons": "⇌", "prod": "∏", "oint": "∮", "Re": "ℜ", "Im": "ℑ",
    "wp": "℘", "angle": "∠", "bullet": "•", "ominus": "⊖", "varsigma": "ς", "varpi": "ϖ", "top": "⊤", "bot": "⊥",
    "vdash": "⊢", "models": "⊨", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "Vert": "‖", "vert": "|",
    "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰", "varnothing": "∅", "therefore": "∴", "hslash": "ℏ",
    "imath": "ı", "jmath": "ȷ", "sqcup": "⊔", "wr": "≀", "triangle": "△", "Box": "□", "hookrightarrow": "↪",
    "coloneqq": "≔", "triangleq": "≜", "doteq": "≐", "lnot": "¬", "land": "∧", "lor": "∨", "nexists": "∄",
}
#: Relations and operators keep the spaces written around them ("x ∼ y"); other symbols close up ("αβ").
SPACED = {"sim", "approx", "leq", "geq", "le", "ge", "neq", "to", "rightarrow", "times", "pm", "in", "subset", "subseteq",
          "supset", "equiv", "simeq", "cong", "propto", "mapsto", "Rightarrow", "leftrightarrow", "iff", "notin", "mid",
          "dots", "ldots", "cdots", "lesssim", "gtrsim", "ll", "gg", "asymp", "mp", "div", "ne", "leftarrow", "Leftarrow",
          "longrightarrow", "rightleftharpoons", "prec", "succ", "preceq", "succeq", "vdash", "models", "hookrightarrow",
          "coloneqq", "triangleq", "doteq", "land", "lor",
          # and a function's name keeps the space before its argument: "sin x", "n log n"
          "log", "exp", "sin", "cos", "tan", "ln", "det", "dim", "ker", "max", "min", "lim", "sup", "inf", "deg", "gcd"}
#: Digits and signs raised or lowered in text (``H\textsubscript{2}O``, a charge); a letter stays a letter ("XVe siècle").
SUBSCRIPTS = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
SUPERSCRIPTS = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
#: In a formula, letters too, where Unicode has them (no subscript b, c, d, f, g, q, w, y, z; no superscript q):
#: a script with any other character is written as it is ("𝔽_q").
MATH_SUBSCRIPTS = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
MATH_SUPERSCRIPTS = str.maketrans("0123456789+-=()abcdefghijklmnoprstuvwxyz", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")
FORMATTING = re.compile(r"\\(?:emph|textit|textbf|textrm|textsf|textsc|texttt|textup|mathrm|mathbf|mathit|mathcal|"
                        r"mathsf|mathtt|mathscr|text|mbox|hbox|boldsymbol|operatorname)\s*\{([^{}]*)\}")
LINK = re.compile(r"\\(?:url\s*\{([^{}]*)\}|href\s*\{[^{}]*\}\s*\{([^{}]*)\})")
MATH = re.compile(r"(?<!\\)\$([^$]+?)(?<!\\)\$|\\\((.+?)\\\)")  # $...$, and \(...\) as zbMATH writes it
#: Braces a formula shows (``\{1,\dots,n\}``), kept from the parser that reads the rest as groups; see :func:`shown_braces`.
BRACES = {"\\{": "\uf8f0", "\\}": "\uf8f1"}
SHOWN_BRACES = str.maketrans({"\uf8f0": "{", "\uf8f1": "}"})
#: ``\mathbb{R}``: the double-struck letters, most in Unicode's mathematical block, seven of them older.
OLDER_DOUBLE_STRUCK = {"C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"}
DOUBLE_STRUCK = re.compile(r"\\mathbb(?![A-Za-z])\s*(?:\{([A-Za-z0-9]*)\}|([A-Za-z0-9]))")
BINOMIAL = re.compile(r"\\binom\s*\{([^{}]*)\}\s*\{([^{}]*)\}")  # "(n choose k)", as it is read aloud
ROOT = re.compile(r"\\sqrt\s*(?:\[\s*([34])\s*\])?\s*(?:\{([^{}]*)\}|(\w))")  # \sqrt[3]{x}: a cube root
ROOTS = {None: "√", "3": "∛", "4": "∜"}
#: Accents over a formula's letters, as Unicode's combining marks after each letter: ``\hat{H}`` is Ĥ, ``\vec{v}`` v⃗.
ACCENTS = {"overline": "\N{COMBINING OVERLINE}", "bar": "\N{COMBINING OVERLINE}", "hat": "\N{COMBINING CIRCUMFLEX ACCENT}",
           "widehat": "\N{COMBINING CIRCUMFLEX ACCENT}", "tilde": "\N{COMBINING TILDE}", "widetilde": "\N{COMBINING TILDE}",
           "vec": "\N{COMBINING RIGHT ARROW ABOVE}", "dot": "\N{COMBINING DOT ABOVE}", "ddot": "\N{COMBINING DIAERESIS}",
           "check": "\N{COMBINING CARON}", "breve": "\N{COMBINING BREVE}", "acute": "\N{COMBINING ACUTE ACCENT}",
           "grave": "\N{COMBINING GRAVE ACCENT}"}
ACCENT = re.compile(rf"\\({'|'.join(ACCENTS)})(?![A-Za-z])\s*(?:\{{([^{{}}]*)\}}|(\w))")
#: plain TeX's font switches in a formula (``T_{\rm eff}``): the letters stay, the switch goes.
FONT_SWITCH = re.compile(r"\\(?:rm|it|bf|sf|tt|cal|sl)(?![A-Za-z])\s*")
#: ``\mathfrak{g}``: the Fraktur letters, most in Unicode's mathematical block, five of them older.
OLDER_FRAKTUR = {"C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"}
FRAKTUR = re.compile(r"\\mathfrak(?![A-Za-z])\s*(?:\{([A-Za-z]*)\}|([A-Za-z]))")
#: What a script raises that has no raised form of its own: x^\prime is x′, 30^\circ is 30°, x^* is x*.
RAISED_NAMES = "prime|circ|dagger|ast|star"
RAISED_SYMBOLS = re.compile(rf"\^\s*(?:\{{\s*\\({RAISED_NAMES})\s*\}}|\\({RAISED_NAMES})(?![A-Za-z])|\{{\s*(\*)\s*\}}|(\*))")
RAISED_SYMBOL = {"prime": "′", "circ": "°", "dagger": "†", "ast": "*", "star": "⋆"}
SPACING = re.compile(r"\\[,;:!]|\\q?quad\b\s*")
#: mhchem's ``\ce{H2O}``, ``\ce{SO4^2-}``: the counts written low, the charges high.
CHEMISTRY = re.compile(r"\\ce\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")
CHARGE = re.compile(r"\^\{?([\d+-]+)\}?|(?<=[A-Za-z\d)\]])([+-]+)(?=$|\s|[)\]/])")  # SO4^2-, ^{14}C, Na+
COUNT = re.compile(r"(?<=[A-Za-z)\]])\d+")
COMMAND = re.compile(r"\\([a-zA-Z]+)\s*")
SCRIPT = re.compile(r"([_^])(?:\{([^{}]*)\}|(\w|[+\-=]))")
#: A symbol as a script, which Unicode cannot lower or raise, stays beside its letter: M_\odot is M⊙, as astronomers write it.
SYMBOL_SCRIPT = re.compile(r"[_^]\{?([^\w\s{}+\-=()\\^_])\}?")
#: Zotero's rich-text markup in a title, exported as ``{\textless}i{\textgreater}...{\textless}/i{\textgreater}``:
#: the look of a species' name, left out; any other ``\textless``, ``\textgreater`` is the character.
RICH_TEXT_TAG = re.compile(r"\{?\\textless\}?\s*/?\s*(?:i|b|em|strong|sub|sup|sc|span(?:\s[^{}\\]*)?)\s*\{?\\textgreater\}?")
ANGLE = re.compile(r"\{?\\text(less|greater)\}?")
#: ``XV\textsuperscript{e} siècle``, ``H\textsubscript{2}O``: a script where Unicode has one, else the letters.
RAISED = re.compile(r"\\text(super|sub)script\s*\{([^{}]*)\}")
#: ``\~`` with nothing to accent: the tilde a writer means by "scales as" (``p \~ d^2``); "~" would be a space.
LONE_TILDE = re.compile(r"\\~(?=\s|$)")
#: ``\ensuremath{\alpha}``: math wherever it is written.
ENSUREMATH = re.compile(r"\\ensuremath\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")
#: Text commands latexcodec does not know, as the text they print. A symbol takes the spaces after it, as
#: in LaTeX ("5\textmu m" is 5µm); a word keeps them, as its writer means ("\TeX and" is "TeX and").
TEXT_WORDS = {"TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "XeTeX": "XeTeX", "LuaTeX": "LuaTeX"}
TEXT_SYMBOLS = {"dots": "…", "nobreakspace": "\N{NO-BREAK SPACE}", "textmu": "µ", "textperthousand": "‰",
                "textcelsius": "℃", "textohm": "Ω", "textminus": "−", "texttimes": "×"}
TEXT_COMMANDS = TEXT_WORDS | TEXT_SYMBOLS
TEXT_COMMAND = re.compile(rf"\\({'|'.join(TEXT_WORDS)})(?![A-Za-z])(?:\{{\}})?|\\({'|'.join(TEXT_SYMBOLS)})(?![A-Za-z])(?:\{{\}}|\s*)")
#: siunitx's quantities, numbers and units (``\SI{5}{\milli\metre}``, ``\si{\kelvin}``, ``\num{1.5e-3}``), as it prints them.
QUANTITY = re.compile(r"\\(SI|qty|si|unit|num|ang|SIrange|qtyrange|numrange)\s*((?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})+)")
ARGUMENT = re.compile(r"\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")
SI_UNITS = {
    "metre": "m", "meter": "m", "second": "s", "kilogram": "kg", "gram": "g", "kelvin": "K", "mole": "mol", "ampere": "A",
    "candela": "cd", "hertz": "Hz", "newton": "N", "pascal": "Pa", "joule": "J", "watt": "W", "coulomb": "C", "volt": "V",
    "farad": "F", "ohm": "Ω", "siemens": "S", "weber": "Wb", "tesla": "T", "henry": "H", "degreeCelsius": "°C",
    "electronvolt": "eV", "litre": "L", "liter": "L", "molar": "M", "angstrom": "Å", "percent": "%", "degree": "°",
    "minute": "min", "hour": "h", "day": "d", "bar": "bar", "dalton": "Da", "becquerel": "Bq", "gray": "Gy", "sievert": "Sv",
    "lux": "lx", "lumen": "lm", "radian": "rad", "steradian": "sr", "katal": "kat", "astronomicalunit": "au", "parsec": "pc",
    "arcsecond": "″", "arcminute": "′", "atomicmassunit": "u", "decibel": "dB", "tonne": "t", "hectare": "ha", "barn": "b",
    "mmHg": "mmHg", "gauss": "G", "erg": "erg", "year": "yr", "lightyear": "ly", "bit": "bit", "byte": "B",
}
SI_PREFIXES = {"yocto": "y", "zepto": "z", "atto": "a", "femto": "f", "pico": "p", "nano": "n", "micro": "µ", "milli": "m",
               "centi": "c", "deci": "d", "deca": "da", "deka": "da", "hecto": "h", "kilo": "k", "mega": "M", "giga": "G",
               "tera": "T", "peta": "P", "exa": "E", "zetta": "Z", "yotta": "Y"}
SI_POWERS = {"squared": "2", "cubed": "3"}  # and \tothe{n}
UNIT_TOKEN = re.compile(r"\\([A-Za-z]+)\s*(?:\{([^{}]*)\})?|([^\\]+)")
E_NOTATION = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*[eE]\s*([+-]?\d+)$")


#: A year cut to two digits ("EC '22", "NeurIPS '23"): an apostrophe, which SmartQuotes would open as a quote ("‘22").
YEAR_APOSTROPHE = re.compile(r"(?<![\w'])'(?=\d\d(?![\d']))")


def readable(latex: str) -> str:
    """*latex* with its math and formatting commands written out; accents are left to pybtex."""
    if "\\text" in latex:
        latex = ANGLE.sub(lambda found: "<" if found[1] == "less" else ">", RICH_TEXT_TAG.sub("", latex))
        latex = RAISED.sub(_raised, latex)
    previous = None
    while previous != latex:  # nested formatting: \emph{\textbf{x}}
        previous, latex = latex, FORMATTING.sub(r"\1", latex)
    latex = LINK.sub(_argument, latex)
    latex = LONE_TILDE.sub("∼", latex)
    latex = YEAR_APOSTROPHE.sub("\N{RIGHT SINGLE QUOTATION MARK}", latex)
    if "\\ce" in latex:
        latex = CHEMISTRY.sub(_chemistry, latex)
    if "\\" in latex:
        latex = QUANTITY.sub(_quantity, TEXT_COMMAND.sub(lambda command: TEXT_COMMANDS[command[1] or command[2]], latex))
        latex = MATH.sub(lambda math: ENSUREMATH.sub(r"{\1}", math[0]), latex)  # in a formula already: a group
        latex = ENSUREMATH.sub(r"$\1$", latex)
    return MATH.sub(lambda match: "{" + _math(_argument(match)) + "}", latex)


def shown_braces(text: str) -> str:
    """The braces a formula shows, as characters again, once the parser has read the rest (see :data:`BRACES`)."""
    return text.translate(SHOWN_BRACES)


def _chemistry(match: re.Match[str]) -> str:
    formula = CHARGE.sub(lambda charge: (charge[1] or charge[2]).translate(SUPERSCRIPTS), match[1].replace("->", "→"))
    return "{" + COUNT.sub(lambda count: count[0].translate(SUBSCRIPTS), formula) + "}"


def _quantity(match: re.Match[str]) -> str:
    """siunitx's command as it prints: "5 mm" (a no-break space between), "m s⁻¹", "1.5 × 10⁻³", "1–5 K"."""
    arguments = ARGUMENT.findall(match[2])
    kind = match[1]
    if kind in ("si", "unit"):
        return "{" + _unit(arguments[0]) + "}"
    if kind == "ang":
        return "{" + arguments[0].replace(";", " ").strip() + "°}"
    numbers = [_number(number) for number in arguments[:2 if kind.endswith("range") else 1]]
    unit = _unit(arguments[len(numbers)]) if kind not in ("num", "numrange") and len(arguments) > len(numbers) else ""
    return "{" + "–".join(numbers) + ("\N{NO-BREAK SPACE}" + unit if unit else "") + "}"


def _number(number: str) -> str:
    """A number as siunitx prints it: "1.5e-3" is 1.5 × 10⁻³."""
    number = number.strip()
    written = E_NOTATION.match(number)
    return f"{written[1]} × 10{written[2].translate(SUPERSCRIPTS)}" if written else number


def _unit(unit: str) -> str:
    """siunitx's units (``\\milli\\metre\\per\\second\\squared``) as it prints them by default: "mm s⁻²"."""
    shown: list[str] = []
    prefix, power, per = "", "", False
    for command, argument, literal in UNIT_TOKEN.findall(unit):
        if literal:  # a literal unit: "km.s^{-1}"
            shown.append(SCRIPT.sub(_script, literal.replace(".", " ").replace("~", " ")).strip())
        elif command in SI_PREFIXES:
            prefix = SI_PREFIXES[command]
        elif command in ("square", "cubic"):  # before the unit: \cubic\metre
            power = "2" if command == "square" else "3"
        elif command == "per":
            per = True
        elif command in SI_UNITS:
            shown.append(_powered(prefix + SI_UNITS[command], power, per))
            prefix, power, per = "", "", False
        elif command in ("squared", "cubed", "tothe") and shown:  # after the unit: \metre\squared
            negative = shown[-1].endswith("⁻¹")
            shown[-1] = _powered(shown[-1].removesuffix("⁻¹"), SI_POWERS.get(command, argument), negative)
        else:
            shown.append(f"\\{command}")  # a unit siunitx's user defined: as written, so the check names it
    return " ".join(part for part in shown if part)


def _powered(unit: str, power: str, per: bool) -> str:
    raised = ("-" if per else "") + (power or ("1" if per else ""))
    return unit + raised.translate(SUPERSCRIPTS) if raised else unit


def _raised(match: re.Match[str]) -> str:
    converted = match[2].translate(SUPERSCRIPTS if match[1] == "super" else SUBSCRIPTS)
    return converted if all(char != original for char, original in zip(converted, match[2])) else match[2]


def _math(formula: str) -> str:
    for written, kept in BRACES.items():
        formula = formula.replace(written, kept)
    formula = SPACING.sub(lambda space: "" if space[0] == "\\!" else " ", formula)
    formula = DOUBLE_STRUCK.sub(lambda letters: "".join(map(_double_struck, _argument(letters))), formula)
    formula = FONT_SWITCH.sub("", formula)
    formula = FRAKTUR.sub(lambda letters: "".join(map(_fraktur, _argument(letters))), formula)
    formula = ACCENT.sub(_accent, formula)
    formula = RAISED_SYMBOLS.sub(lambda raised: RAISED_SYMBOL.get(raised[1] or raised[2] or "", "*"), formula)
    formula = BINOMIAL.sub(lambda binomial: f"({binomial[1]} choose {binomial[2]})", formula)
    formula = COMMAND.sub(_symbol, formula)
    formula = SCRIPT.sub(_script, formula)
    formula = SYMBOL_SCRIPT.sub(r"\1", formula)
    formula = ROOT.sub(_root, formula)  # after the scripts: \sqrt{s_{NN}} holds one
    return unicodedata.normalize("NFC", formula.replace("{", "").replace("}", ""))  # H and a circumflex: Ĥ


def _double_struck(char: str) -> str:
    if char in OLDER_DOUBLE_STRUCK:
        return OLDER_DOUBLE_STRUCK[char]
    if char.isdigit():
        return chr(0x1D7D8 + int(char))
    return chr((0x1D538 if char.isupper() else 0x1D552) + ord(char.lower()) - ord("a"))


def _argument(match: re.Match[str], group: int = 1) -> str:
    """What a pattern read in one of two ways (in braces, possibly empty, or a lone character): groups *group* and after."""
    return match[group] if match[group] is not None else match[group + 1] or ""


def _root(root: re.Match[str]) -> str:
    """√n, √(n+1), ∛x; an empty root is the sign alone."""
    argument = _argument(root, 2)
    return ROOTS[root[1]] + (argument if len(argument) <= 1 else f"({argument})")


def _accent(match: re.Match[str]) -> str:
    """Each letter of the accent's argument with the accent's combining mark; a symbol's command read first (\\hat{\\theta} θ̂).

    An empty argument is the accent alone (``$\\tilde{}$``, an old way to write ~); one this cannot read stays as written.
    """
    argument = _argument(match, 2)
    if not argument.strip():
        return "{\\textasciitilde}" if match[1] in ("tilde", "widetilde") else ""
    argument = COMMAND.sub(_symbol, argument).strip()
    if "\\" in argument or "{" in argument:
        return match[0]
    return "".join(char + ACCENTS[match[1]] for char in argument)


def _fraktur(char: str) -> str:
    if char in OLDER_FRAKTUR:
        return OLDER_FRAKTUR[char]
    return chr((0x1D504 if char.isupper() else 0x1D51E) + ord(char.lower()) - ord("a"))


def _symbol(match: re.Match[str]) -> str:
    if match[1] not in SYMBOLS:
        return match[0]
    spaced = match[1] in SPACED and match[0][-1].isspace()
    return SYMBOLS[match[1]] + (" " if spaced else "")


def _script(match: re.Match[str]) -> str:
    text = _argument(match, 2)
    if "\\" in text:
        return match[0]  # a command this could not read: as written
    table = MATH_SUBSCRIPTS if match[1] == "_" else MATH_SUPERSCRIPTS
    converted = text.translate(table)
    written = all(char != original or not char.isalnum() for char, original in zip(converted, text))
    return converted if written else f"{match[1]}{text}"

