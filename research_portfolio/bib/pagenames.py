"""The name of each paper's page, made from its BibTeX key: short, and the same on every build.

A key may hold characters no file name should (``DBLP:conf/nips/Smith23``, an ADS bibcode's dots)
and may be hundreds of characters long. Its page name keeps letters, digits, ``-`` and ``_``; a
long key is cut and given a digest of the whole key, so two long keys that start alike still get
pages of their own, and a key with no Latin letter or digit is named by its digest. Two keys that
differ only in the characters left out would share a page: :mod:`research_portfolio.sphinx_ext.database`
reports them.
"""

from __future__ import annotations

import hashlib
import re

FOLDER = "papers"
#: The builders that write a page per paper: the web site, in files or folders (not the e-book, the PDF, or a single page).
PAGE_BUILDERS = ("html", "dirhtml")
#: Characters a page name keeps of its key (a file name is at most 255 bytes on every common file system).
LONGEST = 80


def page_name(key: str) -> str:
    """``papers/<name>``: the key with every run of other characters made one ``-``."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", key)
    if len(name) > LONGEST or not re.search(r"[A-Za-z0-9]", name):  # too long, or a key in another script
        digest = hashlib.sha256(key.encode()).hexdigest()[:10]
        name = f"{name[: LONGEST - len(digest) - 1]}-{digest}" if re.search(r"[A-Za-z0-9]", name) else digest
    return f"{FOLDER}/{name}"
