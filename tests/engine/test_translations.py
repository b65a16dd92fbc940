"""The engine's own words in the site's language: ``language = "zh_CN"`` gives Chinese labels in every format.

The words are data of the package (``research_portfolio/locale``): the template holds every word the
code marks, the Chinese catalogue translates each one with the same placeholders, and the compiled
``.mo`` is the ``.po`` as it is. A site in English reads exactly as before, and a build in English
after one in Chinese in the same process is English (the catalogue is loaded per application).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from gettext import GNUTranslations
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from helpers import PACKAGE, missing, require_tool
from reading import soup

LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "research_portfolio.pot"
CHINESE = LOCALE / "zh_CN" / "LC_MESSAGES" / "research_portfolio.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
#: Placeholders a translation may use besides its message's own ("第 {number} 版" for "2nd edition").
MORE_PLACEHOLDERS = {"{ordinal} edition": {"number"}}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # Han, CJK and full-width punctuation


def catalogue(path: Path):
    with open(path, "rb") as file:
        return read_po(file)


def ids(messages) -> set[str | tuple[str, ...]]:
    return {message.id if isinstance(message.id, str) else tuple(message.id) for message in messages if message.id}


def marked_in_the_code() -> set[str | tuple[str, ...]]:
    found = set()
    with open(LOCALE / "babel.cfg") as mapping:  # what `make messages` reads
        method_map, options_map = parse_mapping_cfg(mapping)
    for _filename, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=method_map, options_map=options_map, keywords=KEYWORDS,
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def test_the_template_holds_exactly_the_words_the_code_marks():
    marked = marked_in_the_code()
    assert len(marked) > 100
    assert marked == ids(catalogue(TEMPLATE)), "run `make messages`"


def test_every_word_is_translated_into_chinese_with_the_same_placeholders():
    template, chinese = catalogue(TEMPLATE), catalogue(CHINESE)
    assert ids(chinese) >= ids(template)
    for message in template:
        if not message.id:
            continue
        translated = chinese[message.id]
        strings = [translated.string] if isinstance(translated.string, str) else list(translated.string)
        assert all(strings) and not translated.fuzzy, message.id
        key = message.id if isinstance(message.id, str) else message.id[0]
        allowed = set(re.findall(r"\{(\w*)\}", "".join([message.id] if isinstance(message.id, str) else message.id)))
        for string in strings:
            assert set(re.findall(r"\{(\w*)\}", string)) <= allowed | MORE_PLACEHOLDERS.get(key, set()), (message.id, string)
            assert CJK.search(string) or string == key, (message.id, string)  # "PDF", "GitHub" stay as they are


def test_the_compiled_catalogue_is_the_po_file_as_it_is():
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(CHINESE))
    compiled.seek(0)
    with open(CHINESE.with_suffix(".mo"), "rb") as shipped:
        assert GNUTranslations(shipped)._catalog == GNUTranslations(compiled)._catalog, "run `make messages`"


def text(path: Path) -> str:
    """A page's words as a reader sees them, without markup or scripts."""
    return text_of(path.read_text(encoding="utf-8"))


def text_of(page: str) -> str:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", "", page, flags=re.DOTALL)
    page = re.sub(r"</?(?:a|span|em|strong|bdi|sup|code)\b[^>]*>", "", page)  # inline: no space of their own
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def build(make_app, tmp_path: Path, builder: str, **settings):
    source = tmp_path / "source"
    if not source.exists():
        shutil.copytree(Path(__file__).parent / "roots" / "test-translations", source)
    app = make_app(builder, srcdir=source, builddir=tmp_path / f"build-{builder}-{settings.get('language', 'en')}",
                   freshenv=True, confoverrides=settings)
    app.build()
    # A second application in one test finds docutils' node classes registered by the first (Sphinx's global state).
    warnings = [line for line in app._warning.getvalue().splitlines() if "is already registered" not in line]
    assert warnings == []
    return app


def test_a_site_in_chinese_writes_the_engines_words_in_chinese(make_app, tmp_path):
    app = build(make_app, tmp_path, "html", language="zh_CN")
    out = Path(app.outdir)
    paper = text(out / "papers" / "lovelace1843notes.html")
    for word in ("摘要", "引用本文", "纯文本", "相关讨论：", "同等贡献。", "载于 Scientific Memoirs", "Richard Taylor 编",
                 "PDF · arXiv · 代码 · 幻灯片", "← 1843 年的全部论文"):
        assert word in paper, word
    assert "← 全部已投稿的论文" in text(out / "papers" / "lovelace1844poetical.html")
    listed = text(out / "publications.html")
    for word in ("共 2 篇论文，按时间由新到旧排列。", "已投稿 (1 篇论文)", "1843 (1 篇论文)", "会议论文", "概述", "摘要",
                 "Augustus De Morgan 等.", "Journal of Imagination, 已投稿."):
        assert word in listed, word
    assert "参考文献" in text(out / "engines.html") and "按研究方向： Engines: 2 篇论文" in text(out / "engines.html")
    assert "同等贡献。" in text(out / "engines.html")  # its notes mark equal contributors, and say what the mark means
    home = BeautifulSoup((out / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "邮箱" in [icon.get("aria-label") or icon.get_text(strip=True) for icon in home.select(".bottom-of-page .icons a")]
    figures = text(out / "figures.html")
    assert "每年论文数：1843: 1 (会议 1 篇)。 未显示：1 篇无年份的论文（已投稿 1 篇）。" in figures
    drawn = (out / "figures.html").read_text(encoding="utf-8")
    assert ">会议<" in drawn and ">Conference<" not in drawn and ">论文<" in drawn  # the legend and the axis, drawn
    search = (out / "search.html").read_text(encoding="utf-8")
    assert '<h1 id="search-documentation">搜索</h1>' in search  # Sphinx's own word
    assert '<button type="submit">搜索</button>' in search  # the search box's, under the heading
    assert "请启用 JavaScript 以使用搜索功能。" in search  # furo's, which Sphinx's catalogue lacks: the engine's has it
    older, newer = (text(out / "papers" / f"{key}.html") for key in ("lovelace1843notes", "lovelace1844poetical"))
    assert "跳到正文" in older and "回到顶部" in older and "上一页" in older and "下一页" in newer
    assert "本页目录" in listed
    assert 'data-words="{&quot;copy&quot;: &quot;复制&quot;' in search  # the copy buttons' words, with their script
    for english in ("Abstract", "Cite this paper", "Discussed in", "papers", "Summary", "Equal contribution"):
        assert english not in paper + listed, english


def test_a_site_in_english_is_english_after_a_chinese_one_in_the_same_process(make_app, tmp_path):
    build(make_app, tmp_path, "html", language="zh_CN")
    app = build(make_app, tmp_path, "html")
    out = Path(app.outdir)
    paper = text(out / "papers" / "lovelace1843notes.html")
    for word in ("Abstract", "Cite this paper", "Plain text", "Discussed in", "Equal contribution.", "In Scientific Memoirs",
                 "edited by Richard Taylor", "PDF · arXiv · Code · Slides", "← All publications of 1843"):
        assert word in paper, word
    listed = text(out / "publications.html")
    assert "2 papers, newest first." in listed and "Submitted (1 paper)" in listed and "Conference papers" in listed
    # (Sphinx's own words would not be: sphinx.locale.init merges its catalogue across applications, "搜索" stays.)
    assert not CJK.search(paper + listed + text(out / "figures.html") + text(out / "index.html"))
    assert ">Conference<" in (out / "figures.html").read_text(encoding="utf-8")
    assert "Back to top" in paper and "Please activate JavaScript to enable the search functionality." in text(out / "search.html")


def test_the_e_book_in_chinese_is_valid(make_app, tmp_path):
    app = build(make_app, tmp_path, "epub", language="zh_CN")
    epub = next(Path(app.outdir).glob("*.epub"))
    with zipfile.ZipFile(epub) as book:
        listed = text_of(book.read("publications.xhtml").decode())
        assert "共 2 篇论文，按时间由新到旧排列。" in listed and "会议论文" in listed
        package = book.read("content.opf").decode()
        assert "<dc:title>Ada Lovelace：研究成果集</dc:title>" in package
        assert "<dc:language>zh-CN</dc:language>" in package  # a language tag: Sphinx would write zh_CN, which epubcheck refuses
    require_tool("java", "epubcheck")
    checked = subprocess.run(["java", "-jar", "/usr/share/java/epubcheck.jar", str(epub)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr




def test_the_pdf_in_chinese_compiles_and_reads_back_in_chinese(make_app, tmp_path):
    app = build(make_app, tmp_path, "latex", language="zh_CN")
    out = Path(app.outdir)
    tex = next(out.glob("*.tex"))
    assert r"\setCJKmainfont{NotoSerifCJKsc-Regular}" in tex.read_text(encoding="utf-8")
    require_tool("latexmk", "xelatex", "pdftotext")
    done = subprocess.run(["latexmk", "-pdfxe", "-interaction=nonstopmode", "-halt-on-error", tex.name], cwd=out,
                          capture_output=True, text=True, timeout=600)
    log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    if "xeCJK.sty' not found" in log or "ctexhook.sty' not found" in log:
        missing("xeCJK and ctex are missing: Sphinx sets Chinese with them (Debian: texlive-lang-chinese)")
    assert done.returncode == 0, log[-3000:]
    assert "Missing character" not in log
    read = subprocess.run(["pdftotext", "-layout", str(tex.with_suffix(".pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    words = " ".join(read.split())
    for word in ("研究成果集", "目录", "第1章", "第3章 Figures", "共 2 篇论文", "会议论文", "同等贡献", "载于"):
        assert word in words, word
    assert "Chapter" not in words


def test_a_language_change_rebuilds_every_word_of_the_engine(make_app, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(Path(__file__).parent / "roots" / "test-translations", source)
    for language in ("en", "zh_CN"):  # the second build reads the first's environment, memo and page record
        app = make_app("html", srcdir=source, builddir=tmp_path / "build", confoverrides={"language": language})
        app.build()
    out = Path(app.outdir)
    assert "引用本文" in text(out / "papers" / "lovelace1843notes.html") and "回到顶部" in text(out / "papers" / "lovelace1843notes.html")
    assert "会议论文" in text(out / "publications.html") and "Conference papers" not in text(out / "publications.html")
    figures = (out / "figures.html").read_text(encoding="utf-8")
    assert ">会议<" in figures and ">Conference<" not in figures  # redrawn, not the English drawing from the cache


#: What the publication filters say once their script has run: each label with its choices, and the status line.
FILTER_WORDS = """() => {
  const form = document.querySelector("form.pub-filters");
  return {
    name: form.getAttribute("aria-label"),
    labels: [...form.querySelectorAll("label")].map((label) => label.firstChild.textContent.trim() || label.textContent.trim()),
    options: [...form.querySelectorAll("option")].map((option) => option.textContent),
    status: form.querySelector("p.pub-filter-status").textContent,
    reset: form.querySelector("button").textContent,
  };
}"""


def filters_as_shown(chromium, page_path: Path, kind: str) -> tuple[dict, str]:
    """The filters of a built page as a browser shows them, and the status line (with "Show all") once *kind* is chosen."""
    tab = chromium.new_page()
    try:
        tab.goto(page_path.as_uri())
        shown = tab.evaluate(FILTER_WORDS)
        tab.select_option("form.pub-filters select[name=kind]", kind)
        return shown, tab.evaluate("document.querySelector('p.pub-filter-status').textContent + ' ' + "
                                   "document.querySelector('form.pub-filters button:not([hidden])').textContent")
    finally:
        tab.close()


def test_the_publication_filters_speak_the_sites_language(make_app, tmp_path, chromium):
    app = build(make_app, tmp_path, "html", language="zh_CN")
    shown, narrowed = filters_as_shown(chromium, Path(app.outdir) / "publications.html", "期刊论文")
    assert shown == {"name": "筛选论文列表", "labels": ["研究方向", "类型", "第一作者或共同第一作者（2）"],
                     "options": ["全部研究方向（2）", "Engines（2）", "全部类型（2）", "期刊论文（1）", "会议论文（1）"],
                     "status": "已显示全部 2 篇论文。", "reset": "显示全部"}
    assert narrowed == "已显示 1 篇论文，共 2 篇。 显示全部"
    words = json.loads(soup(Path(app.outdir) / "publications.html").select_one("script[src*=portfolio-filter]")["data-words"])
    assert words["shownOf"] == ["显示 {shown} 篇，共 {count} 篇论文"]  # a narrowed year's heading: "2023 (显示 5 篇，共 13 篇论文)"
    app = build(make_app, tmp_path, "html")
    shown, narrowed = filters_as_shown(chromium, Path(app.outdir) / "publications.html", "Journal articles")
    assert shown == {"name": "Narrow the list of publications", "labels": ["Theme", "Kind", "First or equal-first author (2)"],
                     "options": ["All themes (2)", "Engines (2)", "All kinds (2)", "Journal articles (1)", "Conference papers (1)"],
                     "status": "All 2 papers shown.", "reset": "Show all"}
    assert narrowed == "1 paper of 2 shown. Show all"


def test_the_filters_plural_forms_stand_for_every_count():
    from research_portfolio.sphinx_ext.lists import filter_words

    words = filter_words()  # English, outside a build
    form = {number: words["papers"][int(words["paperForm"][number if number < 200 else 100 + number % 100])]
            for number in (0, 1, 2, 21, 101, 111, 1001)}
    assert form == {0: "{count} papers", 1: "{count} paper", 2: "{count} papers", 21: "{count} papers", 101: "{count} papers",
                    111: "{count} papers", 1001: "{count} papers"}
    script = (PACKAGE / "web" / "static" / "portfolio-filter.js").read_text(encoding="utf-8")
    literals = re.findall(r'"[^"\n]*"|\'[^\'\n]*\'|`[^`]*`', re.sub(r"//.*", "", script))
    assert len(literals) > 10
    for literal in literals:  # selectors, names and events; no word a reader sees ("Theme", "papers of")
        assert not re.search(r"[A-Za-z]+ +[A-Za-z]+|\b[A-Z][a-z]+", re.sub(r"\$\{[^}]*\}", "", literal)), literal
