"""JSON, and JSON inside an HTML ``<script>`` element (JSON-LD).

Inside ``<script>`` the HTML parser looks for ``</script`` and ``<!--`` before JSON is read, so
``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e``, ``\\u0026``: the same JSON value,
which no HTML parser sees as markup.
"""

from __future__ import annotations

import json
from typing import Any

IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def dumps(data: Any) -> str:
    """*data* as one line of JSON, non-ASCII text as it is."""
    return json.dumps(data, ensure_ascii=False)


def script(data: Any) -> str:
    """*data* as JSON that may stand between ``<script>`` and ``</script>``."""
    return dumps(data).translate(IN_SCRIPT)
