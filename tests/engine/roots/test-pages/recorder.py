"""A stand-in for sitemap, Open Graph and analytics extensions: it records every page html-page-context sees."""


def record(app, pagename, templatename, context, doctree):
    app.builder.__dict__.setdefault("recorded_pages", []).append((pagename, context.get("title", "")))


def setup(app):
    app.connect("html-page-context", record)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
