"""What the package's caches are keyed on, and how they are written.

Every cache the package keeps (the checked catalogue, the paper pages' record, the drawings) lives
in the build folder and is keyed on its inputs and on :func:`code_key`: one digest of the package's
version and all of its files, so that any change of code, template or style sheet renews them all
and no hand-kept list of "the files this cache depends on" can miss one. Files are written whole or
not at all, so an interrupted build never leaves a truncated file that a later build would trust.
The theme's compiled templates are kept there too, under Jinja's own check of each template's source.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.typing import ExtensionMetadata

from ..compat import cache_compiled_templates

PACKAGE = Path(__file__).parent.parent


@functools.cache
def code_key() -> str:
    from .. import __version__

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


class Memo:
    """What a rebuild would work out again from unchanged entries, kept in the build folder between builds.

    A value made from an entry is stored under a name ``(kind, key, digest)`` that holds the
    entry's digest (see dependencies.py), so an edited entry gets new values and the others keep
    theirs. The memo as a whole belongs
    to one *key*, the digest of the settings and the code: when that changes it starts empty. What
    a build did not ask for is kept while its entry is as it was (*current* in :meth:`save`), so a
    no-op rebuild forgets nothing that the next edit needs.
    """

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key
        self.stored: dict[Any, Any] = {}
        self.values: dict[Any, Any] = {}
        try:
            stored_key, values = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return
        if stored_key == key:
            self.stored = values

    def get(self, name: Any, make: Callable[[], Any]) -> Any:
        if name not in self.values:
            self.values[name] = self.stored[name] if name in self.stored else make()
        return self.values[name]

    def save(self, current: Callable[[Any], bool]) -> None:
        """Store what this build asked for, and what it did not ask for but is *current*."""
        kept = {name: value for name, value in self.stored.items() if name not in self.values and current(name)}
        values = kept | self.values
        if values != self.stored:
            write_atomically(self.path, pickle.dumps((self.key, values), protocol=pickle.HIGHEST_PROTOCOL))


#: The memo of each running build (by its environment), made when the builder starts.
MEMOS: dict[int, Memo] = {}


def memo(env: BuildEnvironment) -> Memo:
    return MEMOS[id(env)]


def keep_compiled_templates(app: Sphinx) -> None:
    cache_compiled_templates(app.builder, Path(app.doctreedir) / "portfolio-templates")


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("builder-inited", keep_compiled_templates)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
