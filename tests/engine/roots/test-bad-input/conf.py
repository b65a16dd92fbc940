extensions = ["research_portfolio"]
bibtex_bibfiles = ["refs.bib"]
portfolio_person = {"name": "Hanna Berg"}
portfolio_themes = {
    "neural-dynamics": ("Neural dynamics", "notes"),
    "learning-theory": ("Learning theory", "notes"),
    "inverse-problems": ("Inverse problems", "notes"),
    "methods": ("Methods", "notes"),
}
portfolio_highlights = ["Oral", "Spotlight", "Editors' Suggestion"]
portfolio_title_case = "sentence"
