"""The benchmark script runs on the smallest size and prints its table; no timing is asserted here.

It builds the site a dozen times, so it runs with ``make test-bench`` (CI runs it after ``make test``).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from helpers import PROJECT


@pytest.mark.bench
def test_benchmark_runs_on_the_smallest_size_and_prints_its_table():
    result = subprocess.run([sys.executable, str(PROJECT / "benchmarks" / "bench.py"), "--quick"],
                            capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert re.search(r"^measurement +\| measured +\| goal +\| met\?$", result.stdout, re.MULTILINE), report
    for row in ("this site: clean HTML build", "this site: no-op rebuild", "scale: 26 entries, clean",
                "no-op rebuild of the bare list of 26 entries", "no-op rebuild of a one-page Sphinx project without extensions"):
        assert re.search(rf"^{row} .*\| ", result.stdout, re.MULTILINE), f"no row {row!r}:\n{report}"
    assert re.search(r"^scale: 26 entries, clean .*\(bare list [\d.]+ s", result.stdout, re.MULTILINE), report
    edited = re.search(r"^this site: rebuild after editing a \.bib entry .*; (\d+) read, (\d+) written", result.stdout, re.MULTILINE)
    assert edited and int(edited[1]) > 0 and int(edited[2]) > 0, report  # the build log was read: an edit re-reads its pages
    assert "Failed: " not in result.stdout, report
