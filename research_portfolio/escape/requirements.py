"""A line of pip's requirements file: one valid requirement, or a wheel in the site's own folder; anything else refused.

pip reads more than requirements in that file (options, ``-r`` other files, ``${VARIABLE}``
expansion, comments, line continuations), so a value is written there only when it is exactly one
PEP 508 requirement (checked with ``packaging``) or the relative path of a wheel whose file name is
a valid wheel name. The refusal is one line, for the person who gave the value.
"""

from __future__ import annotations

import re

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import InvalidWheelFilename, parse_wheel_filename

#: What pip would read as something else than part of one requirement.
NOT_ONE_REQUIREMENT = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]|\$\{|\s#|\\$")
WHEEL_PATH = re.compile(r"\./(?:[\w.-]+/)*(?P<name>[\w.+-]+\.whl)")


def line(value: str) -> str:
    """*value* as one line of requirements.txt; ValueError, with the reason in one line, when it is not one requirement."""
    if NOT_ONE_REQUIREMENT.search(value) or value != value.strip() or value.startswith("-"):
        raise ValueError(f"{value!r} is not one requirement: it holds a line break, an option, a comment or a variable")
    wheel = WHEEL_PATH.fullmatch(value)
    try:
        if wheel:
            parse_wheel_filename(wheel["name"])
        else:
            Requirement(value)
    except (InvalidRequirement, InvalidWheelFilename) as error:
        reason = str(error).splitlines()[0]
        raise ValueError(f"{value!r} is not one requirement: {reason}") from None
    return value
