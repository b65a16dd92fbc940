"""The per-entry memo of a build: opened when the builder starts, kept when the build ends well."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.typing import ExtensionMetadata

from .cache import MEMOS, Memo
from .database import catalogue, settings_key
from .dependencies import entry_digests


def open_memo(app: Sphinx) -> None:
    key = f"{app.builder.name}:{settings_key(app, catalogue(app.env).site)}"
    MEMOS[id(app.env)] = Memo(Path(app.doctreedir) / f"portfolio-memo-{app.builder.name}.pickle", key)


def save_memo(app: Sphinx, exception: Exception | None) -> None:
    found = MEMOS.pop(id(app.env), None)
    if found is not None and exception is None:
        digests = entry_digests(app.env)
        found.save(lambda name: digests.get(name[1]) == name[2])


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("builder-inited", open_memo, priority=450)  # after the catalogue is loaded (database, 400)
    app.connect("build-finished", save_memo)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
