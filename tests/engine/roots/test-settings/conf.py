extensions = ["research_portfolio"]
bibtex_bibfiles = ["refs.bib"]
