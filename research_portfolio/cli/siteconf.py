"""What ``add`` needs of a site's conf.py, read as Sphinx reads it: conf.py is run, never scanned for text.

The site's .bib files, their encoding, the owner and their other spellings, the themes and honours
its entries may name. Values conf.py does not set take the engine's defaults; a wrong value is
reported with its line, as the build reports it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from sphinx.config import Config
from sphinx.util.tags import Tags

from ..bib import entries
from ..config.settings import BY_NAME, setting_line


class SiteError(Exception):
    """conf.py cannot be run, or a setting ``add`` relies on is wrong: one line."""


@dataclasses.dataclass
class SiteConf:
    folder: Path
    bibfiles: list[str] = dataclasses.field(default_factory=lambda: ["publications.bib"])
    encoding: str = "utf-8-sig"
    person: dict[str, Any] = dataclasses.field(default_factory=dict)
    themes: dict[str, Any] = dataclasses.field(default_factory=dict)
    highlights: list[str] = dataclasses.field(default_factory=list)

    @property
    def owner(self) -> entries.Owner | None:
        return entries.owner(self.person)

    # The names the build's entry check reads (database.check_entry reads them from Sphinx's config).
    @property
    def portfolio_themes(self) -> dict[str, Any]:
        return self.themes

    @property
    def portfolio_highlights(self) -> list[str]:
        return self.highlights


def read_site(folder: Path) -> SiteConf:
    """The site whose conf.py is in *folder*; the engine's defaults when there is none."""
    if not (folder / "conf.py").is_file():
        return SiteConf(folder)
    try:
        config = Config.read(folder, overrides={}, tags=Tags())
    except Exception as error:  # conf.py is the site's code: whatever it raises is its problem
        said = str(error).strip().splitlines()
        raise SiteError(f"{folder / 'conf.py'}: cannot be run: {said[-1] if said else type(error).__name__}") from None
    for name, default in (("bibtex_bibfiles", ["publications.bib"]), ("bibtex_encoding", "utf-8-sig")):
        config.add(name, default, "env", Any)
    for setting in BY_NAME.values():
        config.add(setting.name, setting.default, "env", Any)
    site = SiteConf(folder, list(config.bibtex_bibfiles), config.bibtex_encoding)
    for name, attribute in (("portfolio_person", "person"), ("portfolio_themes", "themes"), ("portfolio_highlights", "highlights")):
        value, problems = BY_NAME[name].check(getattr(config, name))
        if problems:
            raise SiteError(f"{setting_line(folder, name)}: {name}: {problems[0]}")
        setattr(site, attribute, value)
    return site
