"""The package's layout shows its architecture: stages as sub-packages, data flowing one way.

Each stage may import its own modules and the stages below it, never one above; and no module
imports itself back through others. Every import counts, including those made inside a function
or only for type hints. The import graph is read with ``ast``, so nothing is run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import research_portfolio

PACKAGE = Path(research_portfolio.__file__).parent
#: Lowest first. The top-level modules beside them: compat and i18n (leaves every stage may use)
#: and __init__/__main__ (which wire the stages together and may use any).
STAGES = ("escape", "text", "config", "bib", "render", "sphinx_ext", "figures", "print", "web", "cli")
LEAVES = {"compat", "i18n"}
TOP = {"__init__", "__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py") if "starter" not in path.parts}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's own modules that *name* imports, resolved to module names."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                stem = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == PACKAGE.name:
                stem = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:
                if alias.name == "__version__":  # the package's version, a constant any module may read
                    continue
                candidate = ".".join([*stem, alias.name])
                found.add(candidate if candidate in known else ".".join(stem) or "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE.name:
                    found.add(".".join(alias.name.split(".")[1:]) or "__init__")
    return {module for module in found if module in known and module != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, set(known)) for name, path in known.items()}


def rank(module: str) -> int:
    head = module.split(".")[0]
    if head in LEAVES:
        return -1
    if head in TOP:
        return len(STAGES)
    return STAGES.index(head)


def test_every_module_is_in_a_stage() -> None:
    strays = [name for name in modules() if name.split(".")[0] not in {*STAGES, *LEAVES, *TOP}]
    assert not strays, f"modules outside the stages {STAGES}: {strays}"


def test_nothing_imports_a_higher_stage() -> None:
    upward = sorted(f"{name} -> {target}" for name, targets in graph().items() for target in targets
                    if rank(target) > rank(name) or (rank(name) == -1 and target.split(".")[0] not in LEAVES))
    assert not upward, "imports running up the stages:\n" + "\n".join(upward)


def test_no_import_circles() -> None:
    edges = graph()
    circles: list[list[str]] = []
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                circles.append([*path[path.index(target):], target])
            elif target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not circles, "import circles:\n" + "\n".join(" -> ".join(circle) for circle in circles)


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The graph is read as written: an import inside a function, relative or absolute, counts."""
    (tmp_path / "m.py").write_text("def f():\n    from ..web import links\n    from research_portfolio.cli import upgrade\n")
    known = {"web.links", "cli.upgrade", "bib.m"}
    assert imported("bib.m", tmp_path / "m.py", known) == {"web.links", "cli.upgrade"}
