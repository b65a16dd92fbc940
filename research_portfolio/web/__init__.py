"""The web: paper pages, meta tags, the owner's links, templates and static files."""
