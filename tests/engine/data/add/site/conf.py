extensions = ["research_portfolio"]
portfolio_person = {"name": "Hanna Berg", "other_names": ["Hanna K. Lindqvist"], "orcid": "0000-0002-1825-0097",
                    "email": "hanna@example.org"}
portfolio_themes = {"waves": ("Waves", "index")}
