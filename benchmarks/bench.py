"""How fast the portfolio builds on this machine, measured against the goals stated beside each figure.

Every build runs in a temporary copy of the project, in a fresh ``python -m sphinx`` process started
by the Python that runs this script, with the Makefile's options; each figure is the median of
``--runs`` runs. Times are wall-clock, with CPU time beside them; ratios compare CPU time, which
other work on a shared machine disturbs less. The table shows:

1. a clean HTML build of the site, and of a bare baseline: the same Markdown pages built by plain
   Sphinx, MyST, furo and sphinxcontrib-bibtex with default settings, without our extension;
2. a no-op rebuild, and rebuilds after editing one research page and one .bib entry, with the
   number of documents Sphinx read and wrote;
3. a clean build with -j auto, checked to write the same files as -j 1;
4. the site with a generated .bib of each ``--sizes`` entries: build time, peak memory, growth;
5. the ePub and PDF builds, and the size of the home page and of the whole HTML output.

It is a report, not a test: it exits 0 even when a goal is missed, and ends with how many were met.

    python benchmarks/bench.py            # everything, 3 runs each (a few minutes)
    python benchmarks/bench.py --quick    # one run, the smallest size, no ePub or PDF
"""

from __future__ import annotations

import argparse
import dataclasses
import filecmp
import os
import random
import re
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pybtex.database import parse_file
from sphinx.util.tags import Tags

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from helpers import PROJECT, copy_project  # noqa: E402  (the tests' copy of the project, shared)

from research_portfolio.defaults import EXCLUDED, MYST_EXTENSIONS  # noqa: E402

SPHINXOPTS = ("-W", "--keep-going", "-n")  # the Makefile's
BIBFILE = "publications.bib"
SIZES = (26, 250, 1000, 2000)

GOAL_BASELINE_RATIO = 1.3
GOAL_NOOP_SECONDS = 1.0
GOAL_PAGE_REREADS = 2
GOAL_SCALE_RATIO = 10.0
GOAL_PARALLEL_SPEEDUP = 1.1  # "faster": by more than the noise between runs

READ_LINE = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)
WRITE_LINE = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)
PUBLICATION_LIST = re.compile(r"^```\{publication-list\}\n((?::.*\n)*)```$", re.MULTILINE)
OTHER_DIRECTIVE = re.compile(r"^```\{(?:publication-(?!list\})|portfolio-)[\w-]+\}.*\n(?::.*\n)*```\n", re.MULTILINE)
DIRECTIVE_OPTION = re.compile(r"^:([\w-]+):[ \t]*(.*)$", re.MULTILINE)
FIRST_TITLE = re.compile(r"^(\s*title\s*=\s*\{)", re.MULTILINE)


# -- Builds --------------------------------------------------------------------------------------


@dataclasses.dataclass
class Build:
    """One finished process: its command, exit code, wall and CPU time, peak memory and output."""

    command: list[str]
    returncode: int
    seconds: float
    cpu_seconds: float
    peak_mib: float
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def read(self) -> int:
        """How many documents Sphinx read."""
        return len(READ_LINE.findall(self.log))

    @property
    def written(self) -> int:
        """How many documents Sphinx wrote (the generated paper pages aside)."""
        return len(WRITE_LINE.findall(self.log))


def run(command: list[str], cwd: Path) -> Build:
    """Run a command; wait4 gives the CPU time and peak memory of this one process (and its workers)."""
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        log.seek(0)
        peak_kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss  # macOS counts bytes
        cpu_seconds = usage.ru_utime + usage.ru_stime
        return Build(command, process.returncode, seconds, cpu_seconds, peak_kib / 1024, log.read())


def sphinx(site: Path, builder: str = "html", out: str = "html", *options: str) -> Build:
    """Build *site* into _build/<out>, keeping that output's doctrees beside it."""
    command = [sys.executable, "-m", "sphinx", "-b", builder, *SPHINXOPTS, *options,
               "-d", f"_build/doctrees-{out}", ".", f"_build/{out}"]
    return run(command, site)


def clean_build(site: Path, builder: str = "html", out: str = "html", *options: str) -> Build:
    for folder in (f"_build/{out}", f"_build/doctrees-{out}"):
        shutil.rmtree(site / folder, ignore_errors=True)
    return sphinx(site, builder, out, *options)


def pdf_build(site: Path) -> tuple[Build, Build | None]:
    """A clean LaTeX build, then latexmk in its folder, as the Makefile runs it (Sphinx's latexmkrc)."""
    latex = clean_build(site, "latex", "latex")
    if not latex.ok:
        return latex, None
    (tex,) = (site / "_build" / "latex").glob("*.tex")
    command = ["latexmk", "-pdf", "-dvi-", "-ps-", "-silent", "-interaction=nonstopmode", "-halt-on-error", tex.name]
    return latex, run(command, tex.parent)


# -- The sites -----------------------------------------------------------------------------------


def settings() -> dict[str, Any]:
    """conf.py's settings, read the way Sphinx reads them."""
    return runpy.run_path(str(PROJECT / "conf.py"), init_globals={"tags": Tags()})


def baseline_site(destination: Path, conf: dict[str, Any]) -> Path:
    """The same pages for plain Sphinx + MyST + furo + sphinxcontrib-bibtex with default bibtex settings.

    conf.py keeps only what says which pages there are and how to read their Markdown. A
    ``{publication-list}`` becomes a bullet ``{bibliography}``, its nearest sphinxcontrib-bibtex
    equivalent; our other directives (themes, figures) have none and are left out.
    """
    site = copy_project(destination)
    shutil.rmtree(site / "research_portfolio")
    name = conf["portfolio_person"]["name"]
    kept = {"project": name, "author": name, "exclude_patterns": [*EXCLUDED, "cv.md"], "language": "en",
            **{key: value for key, value in (("myst_enable_extensions", MYST_EXTENSIONS), ("myst_heading_anchors", 3),
                                             ("myst_footnote_sort", False))}}
    lines = [f"{key} = {value!r}" for key, value in kept.items()]
    lines += ['extensions = ["myst_parser", "sphinxcontrib.bibtex"]', f"bibtex_bibfiles = [{BIBFILE!r}]", 'html_theme = "furo"']
    (site / "conf.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for page in site.glob("**/*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(OTHER_DIRECTIVE.sub("", PUBLICATION_LIST.sub(bibliography, text)), encoding="utf-8")
    return site


def bibliography(publication_list: re.Match[str]) -> str:
    """A {publication-list} as a {bibliography}; a key prefix keeps each list's citations distinct."""
    options = dict(DIRECTIVE_OPTION.findall(publication_list.group(1)))
    if "theme" in options:
        choice = [f':filter: themes % "{options["theme"]}"', f":keyprefix: {options['theme']}-"]
    elif "selected" in options:
        choice = [':filter: selected == "true"', ":keyprefix: selected-"]
    else:
        choice = [":all:"]
    return "\n".join(["```{bibliography}", ":list: bullet", *choice, "```"])


SURNAMES = ("Chen", "Wang", "Zhang", "Smith", "Garcia", "Müller", "Kim", "Nguyen", "Rossi", "Ivanov", "Tegmark",
            "Michaud", "Kitouni", "Nolte", "Zhong", "Xu", "Fiete", "Andreas", "Williams", "Dubois", "O'Brien", "Sato")
GIVEN = ("Alice", "Bo", "Carlos", "Dmitri", "Elena", "Fang", "Grace", "Hiro", "Ines", "Jun", "Karl", "Lena", "Max")
NAMES = [f"{surname}, {given}" for surname in SURNAMES for given in GIVEN]
WORDS = ("neural", "scaling", "symmetry", "flows", "grokking", "diffusion", "lattice", "entropy", "modular",
         "interpretable", "conservation", "laws", "representations", "generalization", "physics", "learning",
         "dynamics", "networks", "quantum", "heavy-ion", "collisions", "sampling", "equivariant", "emergence")
VENUES = {"article": ("journal", ("Physical Review Letters", "Physical Review E", "Nature Physics", "Entropy")),
          "inproceedings": ("booktitle", ("Advances in Neural Information Processing Systems (NeurIPS)",
                                          "International Conference on Learning Representations (ICLR)",
                                          "ICML Workshop on Machine Learning for Physics"))}


def synthetic_entry(number: int, rng: random.Random, conf: dict[str, Any]) -> str:
    """A plausible entry: 3 to 8 authors, often with the owner; 2010 to 2025; our own fields, some optional."""
    *given, surname = conf["portfolio_person"]["name"].split()
    authors = rng.sample(NAMES, rng.randint(3, 8))
    owned = rng.random() < 0.6
    if owned:
        authors[rng.randrange(len(authors))] = f"{surname}, {' '.join(given)}"
    year = rng.randint(2010, 2025)
    words = rng.sample(WORDS, 6)
    kind = rng.choice(("article", "inproceedings", "misc"))
    fields = {"author": " and ".join(authors), "title": " ".join(words).capitalize(), "year": str(year)}
    if kind in VENUES:
        venue, names = VENUES[kind]
        fields |= {venue: rng.choice(names), "pages": f"{number}--{number + rng.randint(5, 20)}"}
    if kind == "article":
        fields["doi"] = f"10.1103/PhysRevE.{number}.{year}"
    else:
        digits = 5 if year >= 2015 else 4  # arXiv's numbering
        fields |= {"eprint": f"{year % 100:02d}{rng.randint(1, 12):02d}.{number + 1:0{digits}d}", "archiveprefix": "arXiv"}
    fields["themes"] = ", ".join(rng.sample(list(conf["portfolio_themes"]), rng.randint(1, 2)))
    if rng.random() < 0.05:
        fields["equalcontrib"] = " and ".join(authors[:2])
    if rng.random() < 0.1:
        fields["highlight"] = rng.choice(conf["portfolio_highlights"])
    if rng.random() < 0.01:
        fields["selected"] = "true"
    if not owned:
        fields["without_owner"] = "true"  # a lab's list: papers of colleagues, listed on purpose
    key = re.sub(r"[^a-z]", "", authors[0].split(",")[0].lower()) + str(year) + re.sub(r"[^a-z]", "", words[0]) + str(number)
    body = "".join(f"  {name:<13} = {{{value}}},\n" for name, value in fields.items())
    return f"@{kind}{{{key},\n{body}}}\n"


def scaled_site(destination: Path, entries: int, conf: dict[str, Any]) -> Path:
    """The site with its real entries, which the pages cite, and generated ones up to *entries*."""
    site = copy_project(destination)
    bib = site / BIBFILE
    rng = random.Random(entries)
    extra = [synthetic_entry(number, rng, conf) for number in range(entries - real_entries())]
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + "\n".join(extra), encoding="utf-8")
    return site


def real_entries() -> int:
    return len(parse_file(PROJECT / BIBFILE).entries)


def append_paragraph(page: Path, number: int) -> None:
    page.write_text(page.read_text(encoding="utf-8") + f"\nEdited by the benchmark, run {number}.\n", encoding="utf-8")


def edit_first_title(bib: Path, number: int) -> None:
    bib.write_text(FIRST_TITLE.sub(rf"\g<1>Edited {number}: ", bib.read_text(encoding="utf-8"), count=1), encoding="utf-8")


def output_files(folder: Path) -> list[str]:
    """The files of an output folder, except .buildinfo (which records the build's options)."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file() and path.name != ".buildinfo")


def same_output(one: Path, other: Path) -> bool:
    names = output_files(one)
    if names != output_files(other):
        return False
    _, mismatch, errors = filecmp.cmpfiles(one, other, names, shallow=False)
    return not mismatch and not errors


# -- The report ----------------------------------------------------------------------------------


@dataclasses.dataclass
class Row:
    measurement: str
    measured: str
    goal: str = ""
    met: bool | None = None  # None: no goal, or nothing to judge


class Report:
    """The table's rows, and the builds that failed, whose logs end the report."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.failures: list[tuple[str, Build]] = []

    def add(self, measurement: str, measured: str, goal: str = "", met: bool | None = None) -> None:
        self.rows.append(Row(measurement, measured, goal, met))

    def median_seconds(self, measurement: str, builds: Sequence[Build]) -> float | None:
        """The median time of *builds*; None, noting the failure, if one of them failed."""
        for build in builds:
            if not build.ok:
                self.failures.append((measurement, build))
                return None
        return statistics.median(build.seconds for build in builds)

    def print(self) -> None:
        cells = [["measurement", "measured", "goal", "met?"]]
        cells += [[row.measurement, row.measured, row.goal, met_text(row.met)] for row in self.rows]
        widths = [max(len(line[column]) for line in cells) for column in range(4)]
        lines = [" | ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip() for line in cells]
        print("\n".join([lines[0], "-+-".join("-" * width for width in widths), *lines[1:]]))
        verdicts = [row.met for row in self.rows if row.met is not None]
        print(f"\nGoals met: {sum(verdicts)} of {len(verdicts)}.")
        for measurement, build in self.failures:
            tail = "\n    ".join(build.log.strip().splitlines()[-8:])
            print(f"\nFailed: {measurement} (exit {build.returncode}): {' '.join(build.command)}\n    {tail}")


def met_text(met: bool | None) -> str:
    return "—" if met is None else "yes" if met else "no"


def timed(seconds: float | None) -> str:
    return "failed (below)" if seconds is None else f"{seconds:.2f} s"


def median_cpu(builds: Sequence[Build]) -> float:
    return statistics.median(build.cpu_seconds for build in builds)


def wall_and_cpu(seconds: float | None, builds: Sequence[Build]) -> str:
    return timed(seconds) if seconds is None else f"{seconds:.2f} s, CPU {median_cpu(builds):.2f} s"


def at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def counts(builds: Sequence[Build]) -> tuple[int, int]:
    """The median number of documents read and written."""
    return round(statistics.median(build.read for build in builds)), round(statistics.median(build.written for build in builds))


def kib(size: int) -> str:
    return f"{size / 1024:,.1f} KiB"


# -- The measurements ----------------------------------------------------------------------------


@dataclasses.dataclass
class SiteRuns:
    """Every run's builds of the real site and of the baseline."""

    full: list[Build] = dataclasses.field(default_factory=list)
    baseline: list[Build] = dataclasses.field(default_factory=list)
    parallel: list[Build] = dataclasses.field(default_factory=list)
    noop: list[Build] = dataclasses.field(default_factory=list)
    page_edit: list[Build] = dataclasses.field(default_factory=list)
    bib_edit: list[Build] = dataclasses.field(default_factory=list)
    same_output: bool = True


def run_site(site: Path, baseline: Path, page: Path, runs: int) -> SiteRuns:
    """Each run: clean builds of site, baseline and site with -j auto, then the rebuilds; the edits are undone."""
    originals = {path: path.read_bytes() for path in (page, site / BIBFILE)}
    result = SiteRuns()
    for number in range(runs):
        result.full.append(clean_build(site))
        result.baseline.append(clean_build(baseline))
        result.parallel.append(clean_build(site, "html", "html-parallel", "-j", "auto"))
        result.same_output &= result.parallel[-1].ok and same_output(site / "_build/html", site / "_build/html-parallel")
        result.noop.append(sphinx(site))
        append_paragraph(page, number)
        result.page_edit.append(sphinx(site))
        edit_first_title(site / BIBFILE, number)
        result.bib_edit.append(sphinx(site))
        for path, content in originals.items():
            path.write_bytes(content)
    return result


def measure_site(report: Report, work: Path, conf: dict[str, Any], runs: int) -> Path:
    """The rows for the real site; returns its unedited HTML output, built with -j auto."""
    site = copy_project(work / "site")
    research_page = site / f"{next(iter(conf['portfolio_themes'].values()))[1]}.md"
    result = run_site(site, baseline_site(work / "baseline", conf), research_page, runs)
    full = report_clean_builds(report, result)
    report_rebuilds(report, result)
    report_parallel(report, result, full)
    return site / "_build" / "html-parallel"


def report_clean_builds(report: Report, result: SiteRuns) -> float | None:
    full = report.median_seconds("full HTML build", result.full)
    baseline = report.median_seconds("bare baseline", result.baseline)
    ratio = None if full is None or baseline is None else median_cpu(result.full) / median_cpu(result.baseline)
    report.add("full HTML build (clean)", wall_and_cpu(full, result.full))
    report.add("bare baseline (Sphinx+MyST+furo+bibtex)", wall_and_cpu(baseline, result.baseline))
    report.add("full build / bare baseline (CPU)", "—" if ratio is None else f"{ratio:.2f}×",
               f"≤ {GOAL_BASELINE_RATIO}×", at_most(ratio, GOAL_BASELINE_RATIO))
    return full


def report_rebuilds(report: Report, result: SiteRuns) -> None:
    noop = report.median_seconds("no-op rebuild", result.noop)
    report.add("no-op rebuild", timed(noop), f"≤ {GOAL_NOOP_SECONDS:g} s", at_most(noop, GOAL_NOOP_SECONDS))
    page = report.median_seconds("rebuild after editing a research page", result.page_edit)
    read, written = counts(result.page_edit)
    report.add("rebuild after editing a research page", f"{timed(page)}; {read} read, {written} written",
               f"≤ {GOAL_PAGE_REREADS} re-read", None if page is None else read <= GOAL_PAGE_REREADS)
    bib = report.median_seconds("rebuild after editing a .bib entry", result.bib_edit)
    read, written = counts(result.bib_edit)
    report.add("rebuild after editing a .bib entry", f"{timed(bib)}; {read} read, {written} written")


def report_parallel(report: Report, result: SiteRuns, serial: float | None) -> None:
    """-j auto works if it writes the same files as -j 1, and is faster when there are cores to share."""
    parallel = report.median_seconds("parallel build", result.parallel)
    cpus = os.cpu_count() or 1
    goal = f"same files; ≥ {GOAL_PARALLEL_SPEEDUP}× faster on ≥ 2 cores"
    if parallel is None or serial is None:
        report.add("parallel build (-j auto)", timed(None), goal, False)
        return
    faster = serial / parallel
    files = "same files" if result.same_output else "DIFFERENT files"
    report.add(f"parallel build (-j auto, {cpus} CPUs)", f"{parallel:.2f} s, ×{faster:.2f} of -j 1, {files}", goal,
               result.same_output and (faster >= GOAL_PARALLEL_SPEEDUP or cpus < 2))


def measure_output(report: Report, html: Path) -> None:
    if (html / "index.html").is_file():
        files = [path for path in html.rglob("*") if path.is_file()]
        report.add("home page size (index.html)", kib((html / "index.html").stat().st_size))
        report.add("HTML output size", f"{kib(sum(path.stat().st_size for path in files))} in {len(files)} files")


def measure_scale(report: Report, work: Path, conf: dict[str, Any], sizes: Sequence[int], runs: int) -> None:
    """Clean builds with a generated .bib of each size: time, peak memory, growth (in CPU time) over the size before."""
    cpu: list[float | None] = []
    for number, size in enumerate(sizes):
        site = scaled_site(work / f"scale-{size}", size, conf)
        builds = [clean_build(site) for _ in range(runs)]
        shutil.rmtree(site)
        seconds = report.median_seconds(f"scale: {size} entries", builds)
        cpu.append(None if seconds is None else median_cpu(builds))
        measured = wall_and_cpu(seconds, builds)
        if number and cpu[-1] and cpu[-2]:
            measured += f" (×{cpu[-1] / cpu[-2]:.2f} of {sizes[number - 1]:,})"
        if seconds is not None:
            measured += f", peak {max(build.peak_mib for build in builds):.0f} MiB"
        report.add(f"scale: {size:,} entries", measured)
    if len(sizes) > 1:
        growth = cpu[-1] / cpu[0] if cpu[0] and cpu[-1] else None
        report.add(f"scale: {sizes[-1]:,} / {sizes[0]:,} entries (CPU)", "—" if growth is None else f"×{growth:.2f}",
                   f"≤ {GOAL_SCALE_RATIO:g}× (linear)", at_most(growth, GOAL_SCALE_RATIO))


def measure_formats(report: Report, site: Path, runs: int) -> None:
    epub = report.median_seconds("ePub build", [clean_build(site, "epub", "epub") for _ in range(runs)])
    report.add("ePub build (clean)", timed(epub))
    if not (shutil.which("latexmk") and shutil.which("xelatex")):
        report.add("PDF build (clean)", "skipped: latexmk/xelatex not installed")
        return
    pdfs = [pdf_build(site) for _ in range(runs)]
    latex = report.median_seconds("PDF build: Sphinx", [sphinx_step for sphinx_step, _ in pdfs])
    tex = None if latex is None else report.median_seconds("PDF build: latexmk", [tex_step for _, tex_step in pdfs])
    measured = timed(None) if tex is None else f"{latex + tex:.2f} s (Sphinx {latex:.2f} s, LaTeX {tex:.2f} s)"
    report.add("PDF build (clean, Sphinx + latexmk)", measured)


# -- Command line --------------------------------------------------------------------------------


def arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each build; the table shows medians (default 3)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="entries in each generated .bib")
    parser.add_argument("--quick", action="store_true", help="one run, the smallest size only, no ePub or PDF")
    options = parser.parse_args(argv)
    if options.quick:
        options.runs, options.sizes = 1, [min(options.sizes)]
    options.sizes = sorted(set(options.sizes))
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if options.sizes[0] < real_entries():
        parser.error(f"every size must be at least {real_entries()}, the entries of {BIBFILE}")
    return options


def main(argv: Sequence[str] | None = None) -> int:
    options = arguments(argv)
    started = time.perf_counter()
    print(f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; Sphinx {version('sphinx')}, "
          f"myst-parser {version('myst-parser')}, furo {version('furo')}, "
          f"sphinxcontrib-bibtex {version('sphinxcontrib-bibtex')}")
    print(f"Medians of {options.runs} run(s); every build uses {' '.join(SPHINXOPTS)}, and -j 1 unless stated.")
    print("Ratios compare CPU time, which other work on the machine disturbs less than wall time.\n", flush=True)
    conf = settings()
    report = Report()
    with tempfile.TemporaryDirectory(prefix="portfolio-bench-") as folder:
        work = Path(folder)
        measure_output(report, measure_site(report, work, conf, options.runs))
        measure_scale(report, work, conf, options.sizes, options.runs)
        if not options.quick:
            measure_formats(report, work / "site", options.runs)
    report.print()
    print(f"\nThe benchmark took {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
