extensions = ["research_portfolio"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
portfolio_person = {"name": "Ada Lovelace"}
portfolio_themes = {"engines": ("Engines", "publications"), "poetry": ("Poetry", "publications")}
portfolio_highlights = ["Oral"]
portfolio_positions = [{"name": "Analytical Society", "start": "1842-01", "end": "1844-12"}]
