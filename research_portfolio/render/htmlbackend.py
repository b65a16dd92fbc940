"""A pybtex backend that writes a formatted reference straight to HTML, as docutils' HTML writer would.

A list of two thousand papers as docutils nodes is a tree of some 230,000 nodes that every transform
walks; the same list as one small node per paper, each written here to HTML, costs a fraction of
that. The markup is the one the docutils path gives (``<em>``, ``<strong>``, ``<sup>``, links of class
``reference external``, the spans the style names), so the style sheets see no difference. A paper's
title links to its page through the *paper_link* the caller gives (None: no link), and a link to a
file of the static folder goes through *local_link* (the web links the site's own copy). Quotes
become typographic ones as in the prose around them, where Sphinx's ``smartquotes`` is on.
"""

from __future__ import annotations

from collections.abc import Callable

from pybtex.backends import BaseBackend

from ..compat import educate

#: docutils' HTML writer escapes these, "@" included (an address is harder to harvest).
SPECIAL = {ord("&"): "&amp;", ord("<"): "&lt;", ord('"'): "&quot;", ord(">"): "&gt;", ord("@"): "&#64;"}


def encode(text: str) -> str:
    return text.translate(SPECIAL)


class Backend(BaseBackend):
    name = "portfolio-html"
    default_suffix = ".html"
    symbols = {"ndash": "\N{EN DASH}", "newblock": " ", "nbsp": "\N{NO-BREAK SPACE}"}
    #: pybtex's tags as the elements docutils writes for them (pybtex_docutils' table).
    tags = {"emph": "em", "em": "em", "strong": "strong", "i": "em", "b": "strong", "tt": "code", "sup": "sup",
            "sub": "sub"}
    RenderType = str

    def __init__(self, paper_link: Callable[[str], str | None] = lambda key: None,
                 local_link: Callable[[str], str] = lambda url: url, quotes: str = "", language: str = "en") -> None:
        super().__init__()
        self.paper_link = paper_link
        self.local_link = local_link
        self.quotes = quotes  # docutils' smart-quotes action ("qDe"), or "" for straight quotes
        self.language = language
        self.previous = " "  # the last character written: "Europa" + "'s" is an apostrophe, not an opening quote

    def format_str(self, text: str) -> str:
        previous, self.previous = self.previous, text[-1:] or self.previous
        if self.quotes and ("'" in text or '"' in text):  # typographic quotes, as docutils' SmartQuotes gives prose
            text = educate(previous, text, self.quotes, self.language)
        return encode(text)

    def format_tag(self, tag_name: str, text: str) -> str:
        element = self.tags.get(tag_name)
        return f"<{element}>{text}</{element}>" if element else text

    def format_href(self, url: str, text: str, external: bool = False, title: str = "") -> str:
        tooltip = f' title="{encode(title)}"' if title else ""
        return f'<a class="reference external" href="{encode(self.local_link(url))}"{tooltip}>{text}</a>'

    def format_span(self, role: str, text: str, element: str = "span") -> str:
        return f'<{element} class="{role}">{text}</{element}>'

    def format_paper_title(self, key: str, role: str, text: str) -> str:
        target = self.paper_link(key)
        if target is not None:
            text = f'<a class="reference internal" href="{encode(target)}">{text}</a>'
        return self.format_span(role, text)

    def render_sequence(self, rendered_list: list[str]) -> str:
        return "".join(rendered_list)

    def write_entry(self, key: str, label: str, text: str) -> None:
        raise NotImplementedError("a reference is rendered with Text.render(Backend(...))")
