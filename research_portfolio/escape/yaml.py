"""YAML (front matter, workflow and Read the Docs files): a value written by PyYAML, the YAML writer.

A string becomes one double-quoted scalar on one line (line breaks and control characters as
escapes), which can stand wherever a value stands: after ``key:``, in a flow sequence.
"""

from __future__ import annotations

import math

import yaml


def scalar(value: str) -> str:
    """*value* as a double-quoted YAML scalar on one line."""
    written = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=math.inf)
    return written.removesuffix("\n").removesuffix("\n...")
