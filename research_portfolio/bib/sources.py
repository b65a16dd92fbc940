"""Pages saved in the wrong encoding: a warning naming the file and line, not a crash.

Sphinx 9 reads every page with strict decoding, and a page saved as Latin-1 or Windows-1252 ends the
build with a traceback that names no file. Before Sphinx reads, every page is checked; a page that
is not valid in ``source_encoding`` gets a warning with its path and line, and is then read with
the undecodable bytes replaced, so the build runs on and ``-W`` stops it with that warning. Every
page is checked on every build, so the warning does not vanish on the next incremental build.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable

import sphinx
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

LENIENT_SUFFIX = "-replace"


def _find_lenient_codec(name: str) -> codecs.CodecInfo | None:
    """Codec "<encoding>-replace": the encoding, decoding undecodable bytes as U+FFFD."""
    normalized = name.replace("_", "-")
    if not normalized.endswith(LENIENT_SUFFIX):
        return None
    base = codecs.lookup(normalized.removesuffix(LENIENT_SUFFIX))

    class Decoder(base.incrementaldecoder):  # type: ignore[name-defined]
        def __init__(self, errors: str = "strict") -> None:
            super().__init__("replace")

    return codecs.CodecInfo(
        base.encode,
        lambda data, errors="strict": base.decode(data, "replace"),
        incrementalencoder=base.incrementalencoder,
        incrementaldecoder=Decoder,
        name=normalized,
    )


def undecodable(data: bytes, encoding: str) -> tuple[int, int] | None:
    """(line, byte) of the first byte that does not decode, or None when the whole text decodes."""
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        return data[: error.start].count(b"\n") + 1, data[error.start]
    return None


def check_pages(app: Sphinx, env: BuildEnvironment, docnames: Iterable[str]) -> None:
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
    env.settings["input_encoding"] = encoding + LENIENT_SUFFIX


codecs.register(_find_lenient_codec)


#: The Sphinx releases whose reading this is tested with (tests/engine/test_bad_input.py, at both ends
#: of pyproject.toml's range); a newer one gets a warning and Sphinx's own strict reading.
TESTED = ((8, 1), (10, 0))


def setup(app: Sphinx) -> ExtensionMetadata:
    if TESTED[0] <= sphinx.version_info[:2] < TESTED[1]:
        app.connect("env-before-read-docs", check_pages)
    else:
        logger.warning(f"research_portfolio.bib.sources is not tested with Sphinx {sphinx.__version__}: a page that is not "
                       "UTF-8 stops the build with Sphinx's own error, which names no file (to accept that: "
                       "suppress_warnings = [\"portfolio.compat\"])", type="portfolio", subtype="compat")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
