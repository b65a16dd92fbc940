"""Pages saved in the wrong encoding: a warning naming the file and line, not a crash.

Sphinx 9 reads every page with strict decoding, and a page saved as Latin-1 or Windows-1252 ends the
build with a traceback that names no file. Before Sphinx reads, every page is checked; a page that
is not valid in ``source_encoding`` gets a warning with its path and line, and is read here, before
the others, with the undecodable bytes replaced: Sphinx reads its bytes as Latin-1 (which decodes
any byte), and the text is decoded again from those bytes, leniently, before any parser sees it.
The build runs on and ``-W`` stops it with that warning. Every page is checked on every build, so
the warning does not vanish on the next incremental build. Nothing is registered for the process
(no codec): another project in the same process reads as Sphinx does.
"""

from __future__ import annotations

import sphinx
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: The encoding a page that does not decode is read in: every byte is a character, so the bytes come back whole.
TRANSPARENT = "latin-1"


def undecodable(data: bytes, encoding: str) -> tuple[int, int] | None:
    """(line, byte) of the first byte that does not decode, or None when the whole text decodes."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        return data[: error.start].count(b"\n") + 1, data[error.start]
    return None


class LenientReading:
    """What one application does for pages that do not decode (each application has its own)."""

    def __init__(self) -> None:
        self.reading: set[str] = set()

    def check_pages(self, app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
        encoding = app.config.source_encoding
        for docname in sorted(env.found_docs):
            path = env.doc2path(docname)
            problem = undecodable(path.read_bytes(), encoding)
            if problem:
                line, byte = problem
                logger.warning(
                    f"not valid {encoding} text (byte {byte:#x}); save the file as UTF-8",
                    location=f"{path}:{line}",
                    type="portfolio",
                    subtype="encoding",
                )
                if docname in docnames:
                    docnames.remove(docname)
                    self.read(app, env, docname)

    def read(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        """Read *docname* as Sphinx would, its bytes taken as Latin-1 and decoded again in :meth:`decode`."""
        encoding = env.settings["input_encoding"]
        env.settings["input_encoding"] = TRANSPARENT
        self.reading.add(docname)
        try:
            app.events.emit("env-purge-doc", env, docname)
            env.clear_doc(docname)
            app.builder.read_doc(docname)
        finally:
            env.settings["input_encoding"] = encoding
            self.reading.discard(docname)

    def decode(self, app: Sphinx, docname: str, source: list[str]) -> None:
        if docname in self.reading:
            source[0] = source[0].encode(TRANSPARENT).decode(app.config.source_encoding, "replace")


#: The Sphinx releases whose reading this is tested with (tests/engine/test_bad_input.py, at both ends
#: of pyproject.toml's range); a newer one gets a warning and Sphinx's own strict reading.
TESTED = ((8, 1), (10, 0))


def setup(app: Sphinx) -> ExtensionMetadata:
    if TESTED[0] <= sphinx.version_info[:2] < TESTED[1]:
        lenient = LenientReading()
        app.connect("env-before-read-docs", lenient.check_pages)
        app.connect("source-read", lenient.decode, priority=1)  # before any other handler sees the text
    else:
        logger.warning(f"research_portfolio.bib.sources is not tested with Sphinx {sphinx.__version__}: a page that is not "
                       "UTF-8 stops the build with Sphinx's own error, which names no file (to accept that: "
                       "suppress_warnings = [\"portfolio.compat\"])", type="portfolio", subtype="compat")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
