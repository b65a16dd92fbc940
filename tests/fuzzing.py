"""How many examples the property tests (Hypothesis) try: a few in ``make test``, many in ``make fuzz``.

``make test`` must stay within its minutes, so each property test names a small default number of
examples and a large one, which ``make fuzz`` (``HYPOTHESIS_PROFILE=fuzz``) runs. The default runs
are derandomized, so the suite gives the same result on every run and CI never fails by chance;
a fuzz run draws new examples each time, and an example that finds a bug is kept as an ``@example``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def examples(default: int, fuzz: int) -> settings:
    """Hypothesis settings for a property: *default* examples (0: only its ``@example`` cases), or *fuzz* in ``make fuzz``."""
    phases = tuple(Phase) if FUZZ or default else (Phase.explicit,)
    return settings(max_examples=fuzz if FUZZ else max(default, 1), phases=phases, deadline=None, derandomize=not FUZZ,
                    database=None if not FUZZ else settings.default.database,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
