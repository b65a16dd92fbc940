extensions = ["research_portfolio"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
portfolio_person = {"name": "Ada Lovelace", "email": "ada@example.org"}
portfolio_themes = {"engines": ("Engines", "engines")}
portfolio_positions = [{"name": "Analytical Society", "start": "1842-01"}]
