"""The README's tables of .bib fields and of settings are generated from the package's own tables."""

from __future__ import annotations

import re

from helpers import PROJECT

from research_portfolio.bib.fields import FIELDS
from research_portfolio.config import settings

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def test_readme_field_table_mirrors_the_data():
    table = README[README.index("<!-- fields table") : README.index("<!-- end of fields table")]
    rows = re.findall(r"^\| `(\w+)` \| ([\w-]+) \| (.+) \|$", table, re.MULTILINE)
    assert rows == [(field.name, field.origin, field.meaning) for field in FIELDS]


def test_readme_settings_table_is_generated_from_the_registry():
    table = README.split("<!-- settings table: generated from research_portfolio/config/settings.py -->\n", 1)[1]
    assert table.split("\n<!-- end of settings table -->", 1)[0] == settings.readme_table()


def test_readme_module_table_names_every_module():
    table = README[README.index("<!-- module table -->") : README.index("<!-- end of module table -->")]
    listed = set()
    for cell in re.findall(r"^\| ([^|]+) \|", table, re.MULTILINE):
        listed.update(re.findall(r"`([\w/]+\.py)`", cell))
    package = PROJECT / "research_portfolio"
    modules = {path.relative_to(package).as_posix() for path in package.rglob("*.py")
               if "starter" not in path.parts and path.name != "__init__.py" or path.parent == package}
    assert listed == modules
