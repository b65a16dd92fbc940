"""The benchmark script runs on the smallest size and prints its table; no timing is asserted here."""

from __future__ import annotations

import re
import subprocess
import sys

from helpers import PROJECT


def test_benchmark_runs_on_the_smallest_size_and_prints_its_table():
    result = subprocess.run([sys.executable, str(PROJECT / "benchmarks" / "bench.py"), "--quick"],
                            capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert re.search(r"^measurement +\| measured +\| goal +\| met\?$", result.stdout, re.MULTILINE), report
    for row in ("full HTML build", "bare baseline", "no-op rebuild", "scale: 26 entries"):
        assert re.search(rf"^{row}.* \| ", result.stdout, re.MULTILINE), f"no row {row!r}:\n{report}"
    assert "Failed: " not in result.stdout, report
