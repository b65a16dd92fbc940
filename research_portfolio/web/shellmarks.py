"""The markers of the paper-page shell: where each page's own title, body, metadata and neighbours go."""

#: The name of the page the shell is rendered as, and the markers of what differs from page to page.
SHELL_PAGE = "papers/portfolio-shell"
MARK = {name: f"\ue000{name}\ue001" for name in ("title", "body", "metatags", "prev-link", "prev-title", "next-link",
                                                     "next-title")}
