"""The site's own images, sent at the size a reader's screen shows them.

A source image is a file of the static folder (the owner's ``photo``, a paper's ``preview``). For
the web the engine makes WebP copies of it at the widths of :data:`WIDTHS` that are no wider than
the source, named by a digest of the source's bytes and of how they are encoded (the settings below,
the versions of Pillow and libwebp): ``pfgm-3f2a9c1b0d-480.webp``. An edited image, or an engine that
encodes differently, gets new names, so no copy can be stale and none is made twice. The copies are made with Pillow in
the build folder's cache (``<doctrees>/portfolio-images``) and copied into the output's ``_images``.

The API:

- :func:`picture_of` gives a :class:`Picture` (the source's size and its copies);
- :func:`img_html` writes its ``<img>`` element (``srcset``, ``sizes``, ``width``, ``height``,
  lazy loading below the fold), every value escaped;
- :class:`picture`, a docutils node that writes the same element on the web, the source image in
  the e-book, and nothing in other formats.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import shutil
from pathlib import Path, PurePosixPath
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri
from sphinx.util.typing import ExtensionMetadata

from ..escape.html import element
from ..sphinx_ext.cache import write_atomically

#: The widths of the WebP copies, in pixels: a photo or card on a phone, a phone's column at 1x and 2x, a desktop's at 2x.
WIDTHS = (200, 320, 480, 800)
WEBP_QUALITY = 82
#: libwebp's effort, 0 to 6: 2 encodes this site's 105 copies in 65 % of the time of its default, 4, and 3 % larger
#: (a third of the time 6 takes, 5 % larger); below 2 the files grow by a quarter. Encoding was half of this site's clean build.
WEBP_METHOD = 2
CACHE_FOLDER = "portfolio-images"
OUTPUT_FOLDER = "_images"
WEB_BUILDERS = ("html", "dirhtml", "singlehtml")


@dataclasses.dataclass(frozen=True)
class Picture:
    """A source image of the static folder (*source*, as named from there), its size and its web copies."""

    source: str
    width: int
    height: int
    copies: tuple[tuple[int, str], ...]  # (width, file name in the output's _images), narrowest first


def copy_name(source: str, digest: str, width: int) -> str:
    stem = "".join(char if char.isalnum() or char in "-_" else "-" for char in PurePosixPath(source).stem)
    return f"{stem}-{digest[:10]}-{width}.webp"


@functools.lru_cache(maxsize=None)
def _measure(path: Path, stamp: tuple[int, int]) -> tuple[str, int, int]:
    """The digest of the file's bytes and its size in pixels (kept while its size and time stay).

    A file Pillow cannot read (an SVG, say) has no size here: it is sent as it is, with no copies.
    """
    from PIL import Image, UnidentifiedImageError

    data = path.read_bytes()
    try:
        with Image.open(io.BytesIO(data)) as image:
            return hashlib.sha256(data).hexdigest(), image.width, image.height
    except (UnidentifiedImageError, OSError, ValueError):
        return hashlib.sha256(data).hexdigest(), 0, 0


@functools.cache
def encoding() -> str:
    """Besides the source, what makes a copy's bytes: the settings and the versions of Pillow and its libwebp."""
    from PIL import __version__, features

    widths = " ".join(map(str, WIDTHS))
    versions = f"Pillow {__version__}, libwebp {features.version('webp')}"
    return f"WebP quality {WEBP_QUALITY} method {WEBP_METHOD}, each reduced from the next of {widths}, {versions}"


def make_copies(path: Path, targets: dict[int, Path]) -> None:
    """The image at *path* reduced to each width of *targets*, as WebP, each written whole at its target.

    The source is read once for all its copies, and each copy is reduced from the next wider one
    (a third less time than each from the source, the same to the eye), whichever of them are
    missing: a copy is the same however many of the others a killed build left.
    """
    from PIL import Image

    with Image.open(path) as opened:
        opened.load()
        image: Image.Image = opened
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
        reduced = image
        for width, target in sorted(targets.items(), reverse=True):
            height = max(1, round(image.height * width / image.width))
            if width < reduced.width:
                reduced = reduced.resize((width, height), Image.Resampling.LANCZOS)
            if target.is_file():
                continue
            buffer = io.BytesIO()
            reduced.save(buffer, "WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
            write_atomically(target, buffer.getvalue())


def picture_of(builder: Any, static_path: Path, source: str) -> Picture:
    """The :class:`Picture` of *source* (a file of the static folder *static_path*), its copies made.

    On the web the copies are made in the cache (once per content) and put in the output; other
    builders get the source's size alone.
    """
    path = static_path / source
    stat = path.stat()
    digest, width, height = _measure(path, (stat.st_size, stat.st_mtime_ns))
    if builder.name not in WEB_BUILDERS or not width:
        return Picture(source, width, height, ())
    cache = Path(builder.doctreedir) / CACHE_FOLDER
    output = Path(builder.outdir) / OUTPUT_FOLDER
    named = hashlib.sha256(f"{digest} {encoding()}".encode()).hexdigest()
    copies = [(size, copy_name(source, named, size))
              for size in sorted({*(size for size in WIDTHS if size < width), min(width, WIDTHS[-1])})]
    if not all((cache / name).is_file() for _size, name in copies):
        make_copies(path, {size: cache / name for size, name in copies})
    for _size, name in copies:
        if not (output / name).is_file():
            output.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cache / name, output / name)
    return Picture(source, width, height, tuple(copies))


def find(builder: Any, source: str) -> Picture | None:
    """The :class:`Picture` of a file named from the static folder, or None where no static folder has it."""
    for folder in builder.config.html_static_path:
        static_path = Path(builder.confdir) / folder
        if (static_path / source).is_file():
            return picture_of(builder, static_path, source)
    return None


def img_html(picture: Picture, page_uri: str, alt: str, sizes: str, *, lazy: bool = True,
             classes: tuple[str, ...] = (), shown_width: int | None = None) -> str:
    """The ``<img>`` of *picture* on the page at *page_uri* (its target URI, like ``papers/x.html``).

    *sizes* says how wide the image is drawn (``(min-width: 46em) 20rem, 40vw``), so the browser
    takes the smallest copy that fills it; *shown_width* sets the ``width``/``height`` pair (the
    aspect ratio the page reserves) at that width. ``loading="lazy"`` unless the image is on the
    first screen (*lazy* False, which also asks for it early).
    """
    width = (shown_width or (picture.copies[-1][0] if picture.copies else picture.width)) if picture.width else None
    height = round(picture.height * width / picture.width) if width else None
    source = relative_uri(page_uri, f"_static/{picture.source}")
    srcset = ", ".join(f"{relative_uri(page_uri, f'{OUTPUT_FOLDER}/{name}')} {size}w" for size, name in picture.copies)
    return element("img", empty=True, attributes={
        "class": " ".join(classes) or None,
        "src": relative_uri(page_uri, f"{OUTPUT_FOLDER}/{picture.copies[-1][1]}") if picture.copies else source,
        "srcset": srcset or None,
        "sizes": sizes if srcset else None,
        "width": width,
        "height": height,
        "alt": alt,
        "loading": "lazy" if lazy else None,
        "decoding": "async",
        "fetchpriority": None if lazy else "high",
    })


class picture(nodes.General, nodes.Inline, nodes.Element):
    """An image of the static folder (``source``) with its ``alt``, ``sizes``, ``lazy``, ``shown_width`` and ``zoom``."""


def visit_picture_html(translator: Any, node: picture) -> None:
    """The image; with ``zoom``, a link to the file itself around it, for a reader who wants to look closer."""
    builder = translator.builder
    found = find(builder, node["source"])
    if found is not None:
        page = builder.get_target_uri(builder.current_docname)
        image = img_html(found, page, node["alt"], node.get("sizes", "100vw"), lazy=node.get("lazy", True),
                         classes=tuple(node.get("classes", ())), shown_width=node.get("shown_width"))
        if node.get("zoom"):
            image = element("a", {"href": relative_uri(page, f"_static/{found.source}"), "class": "pub-zoom"}) + image + "</a>"
        translator.body.append(image)
    raise nodes.SkipNode


def visit_picture_epub(translator: Any, node: picture) -> None:
    """In the e-book the source image itself (its PNG or JPEG; e-book readers need not read WebP)."""
    builder = translator.builder
    found = find(builder, node["source"])
    if found is not None:
        page = builder.get_target_uri(builder.current_docname)
        width = min(found.width, node.get("shown_width") or found.width) or None
        translator.body.append(element("img", empty=True, attributes={
            "class": " ".join(node.get("classes", ())) or None, "src": relative_uri(page, f"_static/{found.source}"),
            "width": width, "height": round(found.height * width / found.width) if width else None, "alt": node["alt"]}))
    raise nodes.SkipNode


def skip_picture(translator: Any, node: picture) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_node(picture, html=(visit_picture_html, None), epub=(visit_picture_epub, None),
                 latex=(skip_picture, None), text=(skip_picture, None), man=(skip_picture, None),
                 texinfo=(skip_picture, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
