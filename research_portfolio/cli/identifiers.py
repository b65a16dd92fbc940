"""A paper's identifier as people paste it: a DOI or an arXiv id, in any of their common forms.

DOIs: ``10.1000/182``, ``doi:10.x/y``, ``https://doi.org/10.x/y``,
``http://dx.doi.org/10.x/y`` (an address may be percent-encoded). arXiv ids: ``2404.19756``,
``arXiv:2404.19756v2``, ``https://arxiv.org/abs/2404.19756``, ``arxiv.org/pdf/2404.19756v1.pdf``,
old-style ``hep-th/9901001``, and arXiv's own DOI ``10.48550/arXiv.2404.19756``. The version of
an arXiv id is left out: the entry names the paper, whose page shows its newest version.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import unquote

from ..sphinx_ext.database import is_arxiv_id

DOI_FORM = re.compile(r"^(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)?(?P<doi>10\.\d{4,9}/\S+)$", re.IGNORECASE)
ARXIV_FORM = re.compile(r"^(?:arxiv:\s*|(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)?(?P<id>\S+?)(?:\.pdf)?/?$",
                        re.IGNORECASE)
ARXIV_DOI = re.compile(r"^10\.48550/arxiv\.(?P<id>.+)$", re.IGNORECASE)
VERSION = re.compile(r"v\d+$")


@dataclasses.dataclass(frozen=True)
class Identifier:
    kind: str  # "doi" or "arxiv"
    value: str  # the DOI as typed (DOIs ignore case), or the arXiv id without its version
    typed: str = ""  # what was typed, for messages

    def __str__(self) -> str:
        return f"doi:{self.value}" if self.kind == "doi" else f"arXiv:{self.value}"


class NotAnIdentifier(ValueError):
    """Text that is neither a DOI nor an arXiv id, with what it should look like."""


def parse(text: str) -> Identifier:
    typed = text.strip()
    found = DOI_FORM.match(unquote(typed))
    if found:
        doi = found["doi"].rstrip(".,;")
        arxiv = ARXIV_DOI.match(doi)
        if arxiv and is_arxiv_id(arxiv["id"]):
            return Identifier("arxiv", VERSION.sub("", arxiv["id"]), typed)
        return Identifier("doi", doi, typed)
    found = ARXIV_FORM.match(typed)
    if found and is_arxiv_id(found["id"]):
        return Identifier("arxiv", VERSION.sub("", found["id"]), typed)
    raise NotAnIdentifier(f"{typed!r} is neither a DOI (10.1000/182, https://doi.org/...) "
                          "nor an arXiv id (2404.19756, arXiv:2404.19756v2, hep-th/9901001)")
