extensions = ["research_portfolio"]
exclude_patterns = ["_build"]
html_baseurl = "https://example.org/site/"
bibtex_bibfiles = ["refs.bib"]
portfolio_person = {"name": "Marta Kowalczyk"}
portfolio_title_case = "sentence"
