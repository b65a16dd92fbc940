"""What the package's caches are keyed on, and how they are written.

Every cache the package keeps (the checked catalogue, the paper pages' record, the drawings) lives
in the build folder and is keyed on its inputs and on :func:`code_key`: one digest of the package's
version and all of its files, so that any change of code, template or style sheet renews them all
and no hand-kept list of "the files this cache depends on" can miss one. Files are written whole or
not at all, so an interrupted build never leaves a truncated file that a later build would trust.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).parent


@functools.cache
def code_key() -> str:
    from . import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file in the same folder, renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
