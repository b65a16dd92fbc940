"""The owner's photo and a paper's preview, sent at the size a screen shows them, and said in words."""

from __future__ import annotations

import functools
import re
import shutil

from bs4 import BeautifulSoup
from PIL import Image
from test_bring_your_own import ROOT

from research_portfolio.web import images

PERSON = {"name": "Marta Kowalczyk", "photo": "img/me.png"}
ENTRY = """@article{kowalczyk2022robust,
  title       = {Robust Aggregation for Decentralized Learning over Unreliable Links},
  author      = {Kowalczyk, Marta and Lefebvre, Fran{\\c{c}}ois},
  journal     = {Transactions on Machine Learning Research},
  year        = {2022},
  selected    = {true},
  preview     = {gossip.png},
  preview_alt = {Eight nodes in a ring, two of their links drawn dashed},
}
@article{kowalczyk2021gossip,
  title       = {Gossip Protocols under Link Failures},
  author      = {Kowalczyk, Marta},
  journal     = {Transactions on Machine Learning Research},
  year        = {2021},
  selected    = {true},
  preview     = {gossip.png},
  preview_alt = {Eight nodes in a ring, two of their links drawn dashed},
}
"""
HOME = """```{portfolio-photo}
```

# Marta Kowalczyk

```{portfolio-works}
kowalczyk2022robust
```

```{toctree}
publications
```

## Selected papers

```{publication-list}
:selected:
:images:
```
"""


def site(make_app, tmp_path, person=PERSON, colour=(30, 90, 160)):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source)
    (source / "refs.bib").write_text(ENTRY, encoding="utf-8")
    (source / "index.md").write_text(HOME, encoding="utf-8")
    (source / "_static" / "img" / "publication_preview").mkdir(parents=True)
    Image.new("RGB", (1000, 500), colour).save(source / "_static" / "img" / "publication_preview" / "gossip.png")
    Image.new("RGB", (600, 600), (200, 120, 40)).save(source / "_static" / "img" / "me.png")
    app = make_app("html", srcdir=source, freshenv=True, confoverrides={"portfolio_person": person})
    app.build()
    return app


def page(app, name="index.html") -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def test_the_photo_is_on_the_first_screen_in_webp_at_the_widths_it_is_drawn(make_app, tmp_path):
    app = site(make_app, tmp_path)
    assert app._warning.getvalue() == ""
    photo = page(app).select_one("img.portfolio-photo")
    assert photo["alt"] == "Photo of Marta Kowalczyk" and "loading" not in photo.attrs and photo["fetchpriority"] == "high"
    widths = [int(width) for width in re.findall(r" (\d+)w", photo["srcset"])]
    assert widths == [200, 320, 480, 600]  # no copy wider than the photo itself
    assert (photo["width"], photo["height"]) == ("176", "176")
    for candidate in photo["srcset"].split(", "):
        name = candidate.split(" ")[0]
        assert re.fullmatch(r"_images/me-[0-9a-f]{10}-\d+\.webp", name)
        with Image.open(app.outdir / name) as copy:
            assert copy.format == "WEBP" and copy.width == int(candidate.split(" ")[1].removesuffix("w"))


def test_a_preview_says_what_it_shows_and_loads_when_it_is_about_to_be_seen(make_app, tmp_path):
    app = site(make_app, tmp_path)
    home = page(app)
    card = home.select_one("div.portfolio-work")
    image = card.select_one("img.portfolio-work-image")
    assert image["alt"] == "Eight nodes in a ring, two of their links drawn dashed" and image["loading"] == "lazy"
    assert card.select_one("p.portfolio-work-title a")["href"].endswith(".html")
    assert card.select_one("p.portfolio-work-venue").get_text() == "Transactions on Machine Learning Research 2022"
    # The selected list leaves out the paper shown as a work above it: a page names no paper twice.
    assert [link["href"] for link in home.select("li.pub-entry .pub-title a")] == ["papers/kowalczyk2021gossip.html"]
    thumbnail = home.select_one("li.pub-entry img.pub-thumbnail")
    assert thumbnail["alt"] == image["alt"] and thumbnail["sizes"] == "8rem"
    paper = page(app, next(name for name in (link["href"] for link in home.select("li.pub-entry a"))
                            if name.startswith("papers/"))).select_one("img.pub-preview")
    assert paper["alt"] == image["alt"] and (paper["width"], paper["height"]) == ("768", "384")  # at most 384 px high
    # A reader who wants to look closer opens the file itself (a phone draws a wide figure small).
    assert paper.parent.name == "a" and paper.parent["href"] == "../_static/img/publication_preview/gossip.png"


def test_an_edited_image_gets_new_names_so_no_copy_is_stale(make_app, tmp_path):
    first = page(site(make_app, tmp_path / "one")).select_one("img.pub-thumbnail")["src"]
    second = page(site(make_app, tmp_path / "two", colour=(160, 30, 30))).select_one("img.pub-thumbnail")["src"]
    assert first != second and first.rsplit("-", 1)[1] == second.rsplit("-", 1)[1]


def test_copies_encoded_otherwise_get_new_names_so_an_upgrade_leaves_none_stale(make_app, tmp_path, monkeypatch):
    first = page(site(make_app, tmp_path / "one")).select_one("img.pub-thumbnail")["src"]
    monkeypatch.setattr(images, "WEBP_METHOD", images.WEBP_METHOD + 1)
    monkeypatch.setattr(images, "encoding", functools.cache(images.encoding.__wrapped__))  # the new setting read afresh
    second = page(site(make_app, tmp_path / "two")).select_one("img.pub-thumbnail")["src"]
    assert first != second and first.rsplit("-", 1)[1] == second.rsplit("-", 1)[1]


def test_a_photo_missing_from_the_static_folder_is_one_located_message(make_app, tmp_path):
    app = site(make_app, tmp_path, person={**PERSON, "photo": "img/someone.jpg"})
    warnings = app._warning.getvalue().strip().splitlines()
    assert len(warnings) == 1 and "conf.py" in warnings[0] and "'photo': 'img/someone.jpg' is not in the static folder" in warnings[0]
    assert not page(app).select("img.portfolio-photo")


def test_a_copy_is_the_same_whichever_others_a_killed_build_left(tmp_path):
    source = tmp_path / "detail.png"
    Image.effect_noise((1000, 600), 90).convert("RGB").save(source)
    widths = (200, 320, 480, 800)
    clean = {width: tmp_path / "clean" / f"{width}.webp" for width in widths}
    for target in clean.values():
        target.parent.mkdir(exist_ok=True)
    images.make_copies(source, clean)
    after_kill = {width: tmp_path / "killed" / f"{width}.webp" for width in widths}
    after_kill[800].parent.mkdir()
    for width in (800, 480):  # written before the build was killed
        shutil.copyfile(clean[width], after_kill[width])
    images.make_copies(source, after_kill)
    assert all(after_kill[width].read_bytes() == clean[width].read_bytes() for width in widths)
    direct = tmp_path / "direct.webp"  # the narrowest copy from the source itself: not what the chain makes
    with Image.open(source) as image:
        image.resize((200, 120), Image.Resampling.LANCZOS).save(direct, "WEBP", quality=images.WEBP_QUALITY, method=images.WEBP_METHOD)
    assert direct.read_bytes() != clean[200].read_bytes()
