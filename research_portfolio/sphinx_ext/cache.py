"""The package's one persistent cache: what a rebuild would otherwise work out again, kept beside the doctrees.

Every value the package keeps between builds lives here, in one file per builder in the doctree
folder (``portfolio-cache-<builder>.pickle``): the formatted entries of the lists, the paper pages'
record of what they showed, the drawings of the figures and the card, the theme's compiled
templates. The file as a whole belongs to one :func:`build_key`, a digest of everything a value may
depend on besides its own inputs: the whole configuration (every value, whatever Sphinx rebuilds
for it), the tags, the builder, Python and the versions of Sphinx, docutils, pybtex,
pybtex-docutils, sphinxcontrib-bibtex, MyST, Jinja, matplotlib and the theme, this package's code,
and the files of the theme and of ``templates_path``. When any of these differs, the cache starts
empty. Within it each value is stored under a name, with the digest of its own inputs (an entry's
digest, a figure's data): a value whose digest differs is made again.

The file is written once, at the end of a build that finished without an error, through a temporary
file renamed into place (:func:`write_atomically`), so a killed build leaves the last good cache.
A file that cannot be read is a cold start with one line of information, never a crash. A value
that belongs to a page (``page=``) is forgotten when the page is gone, or when the page was read or
written again without asking for it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import pickle
import re
import secrets
import sys
import weakref
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.typing import ExtensionMetadata

from ..compat import cache_compiled_templates, registered_assets, theme_folders

PACKAGE = Path(__file__).parent.parent
logger = logging.getLogger(__name__)
#: The distributions whose code makes what the cache holds (matplotlib's version is read without importing it).
LIBRARIES = ("sphinx", "docutils", "pybtex", "pybtex-docutils", "sphinxcontrib-bibtex", "myst-parser", "jinja2", "matplotlib",
             "pystemmer")
#: The layout of the file: a file of another layout is a cold start.
FORMAT = 1
MISSING: Any = object()


@functools.cache
def code_key() -> str:
    """A digest of this package's version and every one of its files (code, templates, style sheets)."""
    from .. import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@contextmanager
def output_file(path: Path | str) -> Iterator[None]:
    """Write a file of the build's output; a folder that cannot be written (read-only, full) is one warning naming it."""
    try:
        yield
    except OSError as error:
        logger.warning(f"cannot write {error.filename or path}: {error.strerror or error}", type="portfolio", subtype="output")


def refuse_unwritable_folders(app: Sphinx, config: Any) -> None:
    """Stop with one line when the output or doctree folder cannot be written: Sphinx would crash on its first file."""
    for folder in (Path(app.outdir), Path(app.doctreedir)):
        existing = next(parent for parent in (folder, *folder.parents) if parent.exists())
        if not os.access(existing, os.W_OK):
            logger.error(f"{existing}: the build folder cannot be written (read-only?): build into another with -d and -o")
            raise SystemExit(2)


@functools.cache
def library_versions() -> dict[str, str]:
    """Python's version and each library's (an absent one as "absent").

    Read from the names of the ``.dist-info`` folders on the path, one listing of each folder: asking
    ``importlib.metadata`` for each library costs some 5 ms apiece, which every rebuild would pay.
    """
    listed = installed_versions()
    found = {"python": sys.version}
    for name in LIBRARIES:
        found[name] = listed.get(normalized(name)) or metadata_version(name)
    return found


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def installed_versions() -> dict[str, str]:
    """Each distribution found on the path, by normalized name, with its version (the first found wins, as for imports)."""
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                distribution, _, version = name.removesuffix(".dist-info").partition("-")
                found.setdefault(normalized(distribution), version)
    return found


def metadata_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


@functools.cache
def versions_key() -> str:
    """A digest of the code that makes a value: this package's and the libraries'."""
    return digest([code_key(), library_versions()])


def stable(value: Any) -> Any:
    """*value* as JSON-able data that is the same in every process: sets sorted, functions and classes by name."""
    if isinstance(value, dict):
        return sorted([stable(key), stable(item)] for key, item in value.items())
    if isinstance(value, (set, frozenset)):
        return sorted((stable(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [stable(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return repr(value)  # an object whose repr holds its address makes a new key each build: never stale, only cold


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(stable(value)).encode()).hexdigest()


def config_key(config: Config) -> str:
    """A digest of the whole configuration: every value, as conf.py, ``-D`` and the extensions left it.

    Sphinx hashes only the values of one rebuild category for its builders (``.buildinfo``) and
    compares the ``env`` ones for the environment; a value made from the configuration may depend on
    any of them, so this takes them all (and ``extensions``, which Sphinx keeps apart from the
    others), and the package's code and the libraries' versions.
    """
    return digest([config.extensions, {item.name: item.value for item in config}, versions_key()])


def folder_digest(folders: Iterable[Path], contents: bool) -> str:
    """A digest of every file under *folders*: its name and its contents, or its size and modification time."""
    hashed = hashlib.sha256()
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    hashed.update(str(path).encode())
                    if contents:
                        hashed.update(path.read_bytes())
                    else:
                        status = path.stat()
                        hashed.update(f"{status.st_size} {status.st_mtime_ns}".encode())
    return hashed.hexdigest()


def theme_version(config: Config) -> str:
    """The version the module of ``html_theme`` declares, or "" (a theme of Sphinx's or of the site: its files count)."""
    module = sys.modules.get(str(getattr(config, "html_theme", "")))
    return str(getattr(module, "__version__", ""))


def build_key(app: Sphinx) -> str:
    """A digest of everything a cached value may depend on besides its own inputs (see the module's docstring).

    Besides the configuration: the extensions loaded, with their versions, and the style sheets and
    scripts they add to every page (``app.add_css_file``), which Sphinx keeps out of the configuration.
    """
    confdir = Path(app.confdir)
    templates = [confdir / folder for folder in app.config.templates_path]
    extensions = {name: getattr(extension, "version", "") for name, extension in app.extensions.items()}
    # An installed theme changes with its version (sizes and times suffice); the site's templates are read whole.
    return digest([app.builder.name, config_key(app.config), sorted(app.tags), extensions, registered_assets(app),
                   theme_version(app.config), folder_digest(theme_folders(app.builder), contents=False),
                   folder_digest(templates, contents=True)])


def write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file in the same folder, renamed into place.

    The file gets the permissions any new file gets (0666 less the umask), as Sphinx's own output
    does: a web server reading the output as another user serves it (``mkstemp`` would make it 0600).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(6)}"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


class Cache:
    """Values kept between builds under one key: each stored as ``name -> (digest, value, page)``."""

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self.key = key
        self.stored: dict[Hashable, tuple[str, Any, str | None]] = {}
        self.asked: dict[Hashable, tuple[str, Any, str | None]] = {}
        self.touched: set[str] = set()  # pages read or written in this build
        if not path.exists():
            return
        try:
            layout, stored_key, values = pickle.loads(path.read_bytes())
        except Exception as error:  # truncated, overwritten, from another Python: any of these is a cold start
            logger.info(f"the cache {path} could not be read ({type(error).__name__}); this build starts without it")
            return
        if layout == FORMAT and stored_key == key:
            self.stored = values

    def lookup(self, name: Hashable, digest: str, page: str | None = None) -> Any:
        """The value stored under *name* for inputs of *digest*, or :data:`MISSING`."""
        for found in (self.asked.get(name), self.stored.get(name)):
            if found is not None and found[0] == digest:
                self.asked[name] = (digest, found[1], page)
                return found[1]
        return MISSING

    def put(self, name: Hashable, digest: str, value: Any, page: str | None = None) -> None:
        self.asked[name] = (digest, value, page)

    def get(self, name: Hashable, digest: str, make: Callable[[], Any], page: str | None = None) -> Any:
        """The value under *name* for inputs of *digest*; made (and kept) when there is none."""
        value = self.lookup(name, digest, page)
        if value is MISSING:
            value = make()
            self.put(name, digest, value, page)
        return value

    def touch(self, page: str) -> None:
        """*page* was read or written in this build: what it did not ask for is forgotten."""
        self.touched.add(page)

    def save(self, alive: Callable[[str], bool]) -> None:
        """Store what this build asked for, and what it did not ask for but may still need.

        A value kept without being asked for is one of no page, or of a page that still exists
        (*alive*) and was neither read nor written in this build.
        """
        kept = {name: value for name, value in self.stored.items() if name not in self.asked
                and (value[2] is None or (value[2] not in self.touched and alive(value[2])))}
        values = kept | self.asked
        if values != self.stored:
            write_atomically(self.path, pickle.dumps((FORMAT, self.key, values), protocol=pickle.HIGHEST_PROTOCOL))


class TemplateCode(BytecodeCache):
    """Jinja's compiled templates, kept in the cache; Jinja checks each one against its template's source."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.cache.lookup(("template", bucket.key), bucket.checksum)
        if code is not MISSING:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.cache.put(("template", bucket.key), bucket.checksum, bucket.bytecode_to_string())


#: The cache of each running build, by its environment.
CACHES: weakref.WeakKeyDictionary[BuildEnvironment, Cache] = weakref.WeakKeyDictionary()
#: Pages that exist without a source, by environment: each extension that makes such pages names them.
EXTRA_PAGES: weakref.WeakKeyDictionary[BuildEnvironment, set[str]] = weakref.WeakKeyDictionary()


def build_cache(env: BuildEnvironment) -> Cache:
    """The cache of the build *env* belongs to."""
    return CACHES[env]


def note_generated_pages(env: BuildEnvironment, pages: Iterable[str]) -> None:
    """Pages made without a source (paper pages) exist too: their values are kept while they do."""
    EXTRA_PAGES.setdefault(env, set()).update(pages)


def cache_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / f"portfolio-cache-{app.builder.name}.pickle"


def open_cache(app: Sphinx) -> None:
    cache = CACHES[app.env] = Cache(cache_path(app), build_key(app))
    cache_compiled_templates(app.builder, TemplateCode(cache))


def touch_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    for docname in docnames:
        CACHES[env].touch(docname)


def touch_written(app: Sphinx, doctree: Any, docname: str) -> None:
    CACHES[app.env].touch(docname)


def save_cache(app: Sphinx, exception: Exception | None) -> None:
    cache = CACHES.pop(app.env, None)
    extra = EXTRA_PAGES.pop(app.env, set())
    if cache is not None and exception is None:
        found = app.env.found_docs
        cache.save(lambda page: page in found or page in extra)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.connect("config-inited", refuse_unwritable_folders)
    app.connect("builder-inited", open_cache, priority=300)  # before anything that uses it
    app.connect("env-before-read-docs", touch_read)
    app.connect("doctree-resolved", touch_written)
    app.connect("build-finished", save_cache)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
