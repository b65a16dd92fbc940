extensions = ["research_portfolio"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
portfolio_person = {"name": "Ada Lovelace"}
