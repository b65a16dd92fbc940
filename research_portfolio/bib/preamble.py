"""Commands a .bib defines in ``@preamble``, expanded where LaTeX would expand them.

A title may use a command that the file's own ``@preamble`` defines: ``\\newcommand{\\SNR}{SNR}``,
``\\def\\Msun{M$_\\odot$}``, or BibTeX's old trick ``\\newcommand{\\noopsort}[1]{}``. LaTeX expands them
when it prints the bibliography; this site shows text, so every definition it can apply (a
``\\newcommand`` or ``\\def`` with arguments in braces) is expanded in every field and name before
the entry is checked. A field that uses a command it cannot apply (one with an optional argument,
or a ``\\def`` whose arguments are delimited) gets a located warning naming the command.

NASA ADS writes journals as the commands of the AAS journals' LaTeX classes (``journal = {\\apj}``),
which no ``@preamble`` defines: they are expanded as ``aas_macros.sty`` defines them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

#: The journals of aas_macros.sty, which ADS writes, as that file prints them (with the Planetary Science Journal's and
#: the Research Notes' commands of AASTeX 6.3).
AAS_JOURNALS = {
    "caa": "Chinese Astron.~Astrophys.", "cjaa": "Chinese J.~Astron.~Astrophys.", "jrasc": "JRASC", "memras": "MmRAS",
    "rmxaa": "Rev. Mexicana Astron. Astrofis.", "qjras": "QJRAS", "skytel": "S\\&T", "sovast": "Soviet~Ast.", "zap": "ZAp",
    "iaucirc": "IAU~Circ.", "aplett": "Astrophys.~Lett.", "apspr": "Astrophys.~Space~Phys.~Res.",
    "bain": "Bull.~Astron.~Inst.~Netherlands", "fcp": "Fund.~Cosmic~Phys.", "gca": "Geochim.~Cosmochim.~Acta",
    "jcp": "J.~Chem.~Phys.", "memsai": "Mem.~Soc.~Astron.~Italiana", "nphysa": "Nucl.~Phys.~A", "physscr": "Phys.~Scr.",
    "psj": "PSJ", "rnaas": "RNAAS",
    "aj": "AJ", "actaa": "Acta Astron.", "araa": "ARA\\&A", "apj": "ApJ", "apjl": "ApJL", "apjs": "ApJS",
    "ao": "Appl. Opt.", "apss": "Ap\\&SS", "aap": "A\\&A", "aapr": "A\\&A~Rv", "aaps": "A\\&AS", "azh": "AZh",
    "baas": "BAAS", "icarus": "Icarus", "jcap": "JCAP", "jgr": "J.~Geophys.~Res.", "grl": "Geophys.~Res.~Lett.",
    "jqsrt": "J.~Quant.~Spec.~Radiat.~Transf.", "mnras": "MNRAS", "nat": "Nature", "na": "New A", "nar": "New A Rev.",
    "pasa": "PASA", "pasp": "PASP", "pasj": "PASJ", "physrep": "Phys.~Rep.", "planss": "Planet.~Space~Sci.",
    "pra": "Phys.~Rev.~A", "prb": "Phys.~Rev.~B", "prc": "Phys.~Rev.~C", "prd": "Phys.~Rev.~D", "pre": "Phys.~Rev.~E",
    "prl": "Phys.~Rev.~Lett.", "procspie": "Proc.~SPIE", "sci": "Science", "solphys": "Sol.~Phys.", "ssr": "Space~Sci.~Rev.",
}
DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand)\*?\s*(?:\{\s*\\(?P<name>[a-zA-Z]+)\s*\}|\\(?P<bare>[a-zA-Z]+))"
    r"\s*(?:\[(?P<arguments>\d)\])?\s*(?P<optional>\[)?"
    r"|\\[gex]?def\s*\\(?P<defined>[a-zA-Z]+)(?P<parameters>[^{]*)"
)
USE = re.compile(r"\\([a-zA-Z]+)(?![a-zA-Z])\s*")
#: How many times expansions are applied to one value: enough for commands that use commands, not forever.
DEPTH = 8


@dataclasses.dataclass(frozen=True)
class Command:
    name: str
    arguments: int = 0
    body: str | None = None  # None: defined in a way that cannot be applied here
    why: str = ""  # why it cannot be applied


def definitions(preamble: Iterable[str]) -> dict[str, Command]:
    """Every command the preambles define."""
    commands = {}
    for text in preamble:
        for found in DEFINITION.finditer(text):
            command = _command(text, found)
            if command is not None:
                commands[command.name] = command
    return commands


def _command(text: str, found: re.Match[str]) -> Command | None:
    name = found["name"] or found["bare"] or found["defined"]
    body_start = found.end() if found["defined"] is None else found.end("parameters")
    if found["optional"]:
        return Command(name, why="it is defined with an optional argument")
    if found["defined"] is not None and not re.fullmatch(r"\s*(?:#\d\s*)*", found["parameters"]):
        return Command(name, why="its arguments are delimited")
    body = _group(text, body_start)
    if body is None:
        return Command(name, why="its definition is not one group in braces")
    arguments = int(found["arguments"] or 0) if found["defined"] is None else found["parameters"].count("#")
    return Command(name, arguments, body)


def _group(text: str, start: int) -> str | None:
    """The text of the brace group at *start* (after spaces), without its braces; None when there is none."""
    opening = len(text) - len(text[start:].lstrip())
    if text[opening : opening + 1] != "{":
        return None
    depth = 0
    for position in range(opening, len(text)):
        if text[position] in "{}" and (position == 0 or text[position - 1] != "\\"):
            depth += 1 if text[position] == "{" else -1
            if depth == 0:
                return text[opening + 1 : position]
    return None


def expand(value: str, commands: dict[str, Command], journal: bool = False) -> tuple[str, list[Command]]:
    """*value* with every command it can apply expanded, and the commands it uses that cannot be.

    A *journal* may also use the AAS journals' commands, unless the preamble defines its own of that name.
    """
    if journal:
        commands = {**{name: Command(name, 0, body) for name, body in AAS_JOURNALS.items()}, **commands}
    unusable: list[Command] = []
    for _ in range(DEPTH):
        expanded = _expand_once(value, commands, unusable)
        if expanded == value:
            break
        value = expanded
    return value, unusable


def _expand_once(value: str, commands: dict[str, Command], unusable: list[Command]) -> str:
    parts, position = [], 0
    for found in USE.finditer(value):
        command = commands.get(found[1])
        if command is None or found.start() < position:
            continue
        if command.body is None:
            if command not in unusable:
                unusable.append(command)
            continue
        arguments, end = list(_arguments(value, found.end(), command.arguments)), found.end()
        if len(arguments) < command.arguments:
            continue
        end = arguments[-1][1] if arguments else found.end()
        body = command.body
        for number, (argument, _) in enumerate(arguments, start=1):
            body = body.replace(f"#{number}", argument)
        parts.extend([value[position : found.start()], "{" + body + "}"])
        position = end
    return "".join([*parts, value[position:]])


def _arguments(value: str, start: int, count: int) -> Iterator[tuple[str, int]]:
    """(argument, where it ends) for each of the *count* arguments after *start*: a group in braces or one character."""
    position = start
    for _ in range(count):
        while position < len(value) and value[position].isspace():
            position += 1
        if position >= len(value):
            return
        group = _group(value, position)
        if group is not None:
            position += len(group) + 2
            yield group, position
        else:
            position += 1
            yield value[position - 1], position
