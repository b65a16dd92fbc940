"""How fast the portfolio builds on this machine, measured against the goals stated beside each figure.

Every build runs in a temporary copy of the project, in a fresh ``python -m sphinx`` process started
by the Python that runs this script, with the Makefile's options; each figure is the median of
``--runs`` runs. Times are wall-clock, with CPU time beside them; goals and ratios use CPU time,
which other work on a shared machine disturbs less. The table shows:

1. this site: a clean HTML build, a no-op rebuild, and rebuilds after editing one research page
   and one .bib entry, with the number of documents Sphinx read and wrote;
2. the site with a generated .bib of each ``--sizes`` entries (the same generator for every size),
   beside a bare baseline built from the same entries in the same run: plain Sphinx, MyST, furo and
   sphinxcontrib-bibtex listing every entry on one page; at the smallest size, what a no-op rebuild
   costs that bare list and a one-page project without extensions (Sphinx's own floor); at the
   largest size, a no-op rebuild, a one-entry .bib edit, and the memory each 1,000 entries add;
3. parallel builds (``-j auto``) beside ``-j 1``, at the smallest and the largest size;
4. the ePub and PDF builds, and the size of the home page and of the whole HTML output.

It is a report, not a test: it exits 0 even when a goal is missed, and ends with how many were met.

    python benchmarks/bench.py            # everything, 3 runs each (several minutes)
    python benchmarks/bench.py --quick    # one run, the smallest size, no parallel build, large rebuilds, ePub or PDF
"""

from __future__ import annotations

import argparse
import dataclasses
import filecmp
import itertools
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

SPHINXOPTS = ("-W", "--keep-going", "-n")  # the Makefile's
BIBFILE = "publications.bib"
SIZES = (26, 250, 1000, 2000)

GOAL_NOOP_SECONDS = 1.0
GOAL_PAGE_REREADS = 2
GOAL_LARGE_CPU_SECONDS = 5.0  # a clean build at the largest size (2,000 entries)...
GOAL_LARGE_RATIO = 0.85  # ...and at most this share of the bare list's (issue 25)...
GOAL_SMALL_RATIO = 1.2  # ...and at the smallest, against the bare list of the same entries
GOAL_EDIT_SHARE = 1 / 3  # a one-entry .bib edit, as a share of a clean build
GOAL_MIB_PER_1000 = 30.0

READ_LINE = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)
WRITE_LINE = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)
FIRST_TITLE = re.compile(r"^(\s*title\s*=\s*\{)", re.MULTILINE)
EARLIER = itertools.count()  # numbers the output folders clean_build moves aside


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
        env = {**os.environ, "NO_COLOR": "1"}  # one line per document, which CI=true would turn into one redrawn line
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, text=True, env=env)
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
    """A build with no output and no doctrees from before: those of an earlier build are moved aside.

    They are deleted with the rest of the benchmark's folder at its end, not here: on ext4, creating
    files just after deleting thousands costs the kernel up to half a millisecond a file (it looks
    for recently deleted inodes), about a second of a 2,000-entry build's CPU time that belongs to
    the deletion, not to the build.
    """
    for folder in (f"_build/{out}", f"_build/doctrees-{out}"):
        if (site / folder).exists():
            (site / folder).rename(site / f"{folder}-before-{next(EARLIER)}")
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


def bare_list(destination: Path, bib: Path) -> Path:
    """The bare baseline: plain Sphinx, MyST, furo and sphinxcontrib-bibtex, listing every entry of *bib* on one page."""
    destination.mkdir(parents=True)
    shutil.copyfile(bib, destination / BIBFILE)
    (destination / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinxcontrib.bibtex"]\n'
        f'bibtex_bibfiles = [{BIBFILE!r}]\nhtml_theme = "furo"\nproject = "Baseline"\n', encoding="utf-8")
    (destination / "index.md").write_text("# Publications\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8")
    return destination


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


def median_wall(builds: Sequence[Build]) -> float:
    return statistics.median(build.seconds for build in builds)


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
    """Every run's builds of one site: clean, no-op, and after an edit of a page and of a .bib entry."""

    full: list[Build] = dataclasses.field(default_factory=list)
    noop: list[Build] = dataclasses.field(default_factory=list)
    page_edit: list[Build] = dataclasses.field(default_factory=list)
    bib_edit: list[Build] = dataclasses.field(default_factory=list)


def run_site(site: Path, page: Path, runs: int) -> SiteRuns:
    """Each run: a clean build, then the rebuilds; the edits are undone after each run."""
    originals = {path: path.read_bytes() for path in (page, site / BIBFILE)}
    result = SiteRuns()
    for number in range(runs):
        result.full.append(clean_build(site))
        result.noop.append(sphinx(site))
        append_paragraph(page, number)
        result.page_edit.append(sphinx(site))
        edit_first_title(site / BIBFILE, number)
        result.bib_edit.append(sphinx(site))
        for path, content in originals.items():
            path.write_bytes(content)
    return result


def measure_site(report: Report, work: Path, conf: dict[str, Any], runs: int) -> Path:
    """The rows for this site; returns its HTML output."""
    site = copy_project(work / "site")
    research_page = site / f"{next(iter(conf['portfolio_themes'].values()))[1]}.md"
    result = run_site(site, research_page, runs)
    full = report.median_seconds("full HTML build", result.full)
    report.add("this site: clean HTML build", wall_and_cpu(full, result.full))
    noop = report.median_seconds("no-op rebuild", result.noop)
    report.add("this site: no-op rebuild", timed(noop), f"≤ {GOAL_NOOP_SECONDS:g} s", at_most(noop, GOAL_NOOP_SECONDS))
    page = report.median_seconds("rebuild after editing a research page", result.page_edit)
    read, written = counts(result.page_edit)
    report.add("this site: rebuild after editing a research page", f"{timed(page)}; {read} read, {written} written",
               f"≤ {GOAL_PAGE_REREADS} re-read", None if page is None else read <= GOAL_PAGE_REREADS)
    bib = report.median_seconds("rebuild after editing a .bib entry", result.bib_edit)
    read, written = counts(result.bib_edit)
    report.add("this site: rebuild after editing a .bib entry", f"{timed(bib)}; {read} read, {written} written")
    return site / "_build" / "html"


def measure_output(report: Report, html: Path) -> None:
    if (html / "index.html").is_file():
        files = [path for path in html.rglob("*") if path.is_file()]
        report.add("home page size (index.html)", kib((html / "index.html").stat().st_size))
        report.add("HTML output size", f"{kib(sum(path.stat().st_size for path in files))} in {len(files)} files")


@dataclasses.dataclass
class Scale:
    """One size's clean builds of the portfolio and of the bare list of the same entries."""

    size: int
    portfolio: list[Build]
    bare: list[Build]

    @property
    def ok(self) -> bool:
        return all(build.ok for build in [*self.portfolio, *self.bare])

    @property
    def cpu(self) -> float:
        return median_cpu(self.portfolio)

    @property
    def peak(self) -> float:
        return max(build.peak_mib for build in self.portfolio)


def measure_scale(report: Report, work: Path, conf: dict[str, Any], sizes: Sequence[int], runs: int,
                  quick: bool = False) -> None:
    """Clean builds at each size beside the bare list; at the largest, memory and (unless *quick*) rebuilds and parallel builds."""
    scales = []
    for size in sizes:
        site = scaled_site(work / f"scale-{size}", size, conf)
        bare = bare_list(work / f"bare-{size}", site / BIBFILE)
        scale = Scale(size, [clean_build(site) for _ in range(runs)], [clean_build(bare) for _ in range(runs)])
        for build in [*scale.portfolio, *scale.bare]:
            if not build.ok:
                report.failures.append((f"scale: {size} entries", build))
        scales.append(scale)
        report_scale(report, scale, smallest=size == sizes[0], largest=size == sizes[-1])
        if size == sizes[0] and scale.ok:
            report_noop_floor(report, work, bare, size, runs)
        if size in (sizes[0], sizes[-1]) and not quick:
            report_parallel(report, site, size, runs)
        if size == sizes[-1] and scale.ok and not quick:
            report_large_rebuilds(report, site, scale, runs)
    if len(scales) > 1 and scales[0].ok and scales[-1].ok:
        per_1000 = (scales[-1].peak - scales[0].peak) / (scales[-1].size - scales[0].size) * 1000
        report.add("memory per 1,000 entries (peak, from the smallest to the largest size)", f"{per_1000:.1f} MiB",
                   f"≤ {GOAL_MIB_PER_1000:g} MiB", per_1000 <= GOAL_MIB_PER_1000)


def report_scale(report: Report, scale: Scale, smallest: bool, largest: bool) -> None:
    if not scale.ok:
        report.add(f"scale: {scale.size:,} entries", timed(None))
        return
    bare = median_cpu(scale.bare)
    ratio = scale.cpu / bare
    measured = f"CPU {scale.cpu:.2f} s (bare list {bare:.2f} s, ×{ratio:.2f}), wall {median_wall(scale.portfolio):.2f} s, " \
               f"peak {scale.peak:.0f} MiB"
    goal, met = "", None
    if largest:
        goal = f"≤ {GOAL_LARGE_CPU_SECONDS:g} CPU s and ≤ {GOAL_LARGE_RATIO:g}× the bare list"
        met = scale.cpu <= GOAL_LARGE_CPU_SECONDS and ratio <= GOAL_LARGE_RATIO
    elif smallest:
        goal, met = f"≤ {GOAL_SMALL_RATIO:g}× the bare list", ratio <= GOAL_SMALL_RATIO
    report.add(f"scale: {scale.size:,} entries, clean", measured, goal, met)


def report_noop_floor(report: Report, work: Path, bare: Path, size: int, runs: int) -> None:
    """What a no-op rebuild costs Sphinx itself: the bare list just built, and a project with one page and no extension."""
    empty = work / "empty"
    empty.mkdir()
    (empty / "conf.py").write_text('project = "Empty"\n', encoding="utf-8")
    (empty / "index.rst").write_text("Empty\n=====\n", encoding="utf-8")
    for name, site in ((f"the bare list of {size:,} entries", bare), ("a one-page Sphinx project without extensions", empty)):
        if clean_build(site).ok:
            noops = [sphinx(site) for _ in range(runs)]
            if all(build.ok for build in noops):
                report.add(f"no-op rebuild of {name}", f"CPU {median_cpu(noops):.2f} s, wall {median_wall(noops):.2f} s")
    shutil.rmtree(empty)


def report_large_rebuilds(report: Report, site: Path, scale: Scale, runs: int) -> None:
    """At the largest size: a no-op rebuild, and a rebuild after editing one entry's title, against a clean build."""
    bib = site / BIBFILE
    original = bib.read_bytes()
    noops, edits = [], []
    for number in range(runs):
        clean_build(site)
        noops.append(sphinx(site))
        edit_first_title(bib, number)
        edits.append(sphinx(site))
        bib.write_bytes(original)
    noop = report.median_seconds("scale: no-op rebuild", noops)
    report.add(f"scale: {scale.size:,} entries, no-op rebuild", timed(noop) if noop is None else f"CPU {median_cpu(noops):.2f} s",
               f"≤ {GOAL_NOOP_SECONDS:g} s", None if noop is None else median_cpu(noops) <= GOAL_NOOP_SECONDS)
    edit = report.median_seconds("scale: one-entry .bib edit", edits)
    if edit is None:
        report.add(f"scale: {scale.size:,} entries, one-entry .bib edit", timed(None))
        return
    read, written = counts(edits)
    share = median_cpu(edits) / scale.cpu
    report.add(f"scale: {scale.size:,} entries, one-entry .bib edit",
               f"CPU {median_cpu(edits):.2f} s ({share:.0%} of clean); {read} read, {written} written",
               f"≤ {GOAL_EDIT_SHARE:.0%} of clean", share <= GOAL_EDIT_SHARE)


def report_parallel(report: Report, site: Path, size: int, runs: int) -> None:
    """-j auto beside -j 1 (wall time, which is what parallelism buys), and whether it writes the same files."""
    serial = [clean_build(site, "html", "html") for _ in range(runs)]
    parallel = [clean_build(site, "html", "html-parallel", "-j", "auto") for _ in range(runs)]
    if not all(build.ok for build in [*serial, *parallel]):
        report.add(f"parallel build (-j auto), {size:,} entries", timed(None))
        return
    same = same_output(site / "_build/html", site / "_build/html-parallel")
    ratio = median_wall(parallel) / median_wall(serial)
    report.add(f"parallel build (-j auto, {os.cpu_count()} CPUs), {size:,} entries",
               f"wall {median_wall(parallel):.2f} s against {median_wall(serial):.2f} s with -j 1 (×{ratio:.2f}); "
               f"{'same files' if same else 'DIFFERENT files'}", "same files", same)


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
    parser.add_argument("--quick", action="store_true", help="one run, the smallest size: no parallel build, large rebuilds, ePub, PDF")
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
        measure_scale(report, work, conf, options.sizes, options.runs, options.quick)
        if not options.quick:
            measure_formats(report, work / "site", options.runs)
    report.print()
    print(f"\nThe benchmark took {time.perf_counter() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
