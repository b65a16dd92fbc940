"""Print: the PDF's LaTeX settings, the PDF glyph check, the e-book."""
