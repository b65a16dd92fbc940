import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

extensions = ["research_portfolio", "recorder"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
portfolio_person = {"name": "Ada Lovelace"}
portfolio_themes = {"engines": ("Engines", "engines"), "poetry": ("Poetry", "poetry")}
