extensions = ["research_portfolio"]
exclude_patterns = ["_build"]
html_baseurl = "https://ferreira.example.org/"
bibtex_bibfiles = ["refs.bib"]
portfolio_person = {"name": "Tomás Ferreira"}
portfolio_title_case = "sentence"
