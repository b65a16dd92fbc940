"""Text helpers below everything: LaTeX made readable, title case, scripts, URLs, names."""
