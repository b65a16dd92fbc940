"""Nothing empty is published: a section with nothing in it is left out of every format until it is filled.

A new site's pages hold headings whose content is still a comment for its owner to replace (the CV's
Education, Positions, Honours, Press), and a figure with nothing to draw gives nothing. Printing
them would publish empty headings on the web, in the e-book, the PDF and the CV. So once a page is
read, each section under the page's title that holds only its title and what no reader sees
(comments, labels) is removed, innermost first; a section whose subsections all go goes too. The
page's own title stays. Writing the section's content brings it back at the next build.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.typing import ExtensionMetadata


def is_empty(section: nodes.section) -> bool:
    """Whether *section* holds nothing a reader sees besides its title."""
    return all(isinstance(child, (nodes.title, nodes.Invisible)) for child in section.children)


class RemoveEmptySections(SphinxTransform):
    """Remove every section below the page's title that holds only its title, comments and labels."""

    default_priority = 700  # after the directives' own transforms; before the table of contents is collected

    def apply(self, **kwargs: object) -> None:
        sections = [section for section in self.document.findall(nodes.section) if isinstance(section.parent, nodes.section)]
        for section in reversed(sections):  # innermost first: a section of empty subsections is empty once they go
            if is_empty(section):
                section.parent.remove(section)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_transform(RemoveEmptySections)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
