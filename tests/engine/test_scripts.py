"""Every script prints: Chinese, Japanese, Korean, Cyrillic, Greek, Arabic and Hebrew in the web site, e-book and PDF.

The small project in ``tests/engine/roots/test-scripts`` has one entry per script (fictional people, real
words) and a chapter titled in Korean. It is built as Read the Docs builds it; the PDF must show every title,
venue and name as text (pdftotext reads back the logical order, so a Hebrew title set in left-to-right word
order fails), with no "Missing character" in the LaTeX log. A character no font has fails ``make pdf`` and
names its entry. The PDF tests need XeLaTeX and the fonts of README.md's "Every script".
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
import warnings
import zipfile
from pathlib import Path

import pytest
from helpers import PACKAGE, PROJECT, make, missing, require_tool, sphinx
from reading import pdf_text, soup, squash

from research_portfolio.figures import directive as figures
from research_portfolio.print import pdfcheck
from research_portfolio.sphinx_ext.cache import Cache
from research_portfolio.text import scripts

ROOT = PROJECT / "tests" / "engine" / "roots" / "test-scripts"
TEX = "sofia-marchetti.tex"
#: What a reader must find in every format: each entry's title, venue and people, in its own script.
SHOWN = {
    "park2021phase": ["그래프 신경망을 이용한 상전이 검출", "물리학과 첨단기술", "박지민"],
    "sato2022learning": ["深層学習による相転移の検出", "日本物理学会誌", "佐藤花子",  # family name first, as written in Japanese
                         "学習した表現は臨界温度の近くで急に変わる。"],  # the summary, under the entry
    "wang2020turbulence": ["基于神经网络的湍流模拟", "物理学报", "王小明"],
    "ivanova2023networks": ["Нейронные сети в статистической физике", "Журнал экспериментальной и теоретической физики",
                            "Анна Иванова", "Сергей Петров"],
    "papadopoulou2023quantum": ["Μηχανική μάθηση για κβαντικά συστήματα", "Πρακτικά Πανελλήνιου Συνεδρίου Φυσικής",
                                "Ελένη Παπαδοπούλου"],
    "haddad2018networks": ["الشبكات العصبية في الفيزياء الإحصائية", "المجلة العربية للفيزياء", "ليلى حداد"],
    "cohen2019networks": ["רשתות עצביות בפיזיקה סטטיסטית", "כתב העת הישראלי לפיזיקה", "נועה כהן"],
}
#: Mathematical letters and symbols written as Unicode, in a bold title and in the abstract (set in Noto Sans Math).
MATH = ["𝛼<0.78, where ⪅ holds", "For every 𝛼<0.78 the error ⪅ 𝒪(n) as n ∈ ℕ grows, and ∀ε the rate is ≲ 𝜆."]
#: The families portfolio.sty and Sphinx's xelatex settings use, by the name fc-list prints.
FONTS = ("FreeSerif", "FreeSans", "Noto Serif CJK KR", "Noto Sans CJK KR", "Noto Serif Hebrew", "Noto Naskh Arabic",
         "Noto Sans Math")
#: Unicode's bidirectional marks, which pdftotext puts around right-to-left text.
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: CJK Unified Ideographs Extension B's first character, which no installed font has (fc-list ':charset=20000').
NO_GLYPH = "\U00020000"


def require_fonts(*families: str) -> None:
    """Skip a test whose fonts are not installed, saying which; under CI=true, fail it instead."""
    require_tool("fc-list")
    installed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    absent = [family for family in families if family not in installed]
    if absent:
        missing(f"missing font(s): {', '.join(absent)} (README.md, \"Every script\", and .ci/run name the packages)")


def readable(text: str) -> str:
    """Text as a reader reads it: Arabic presentation forms as letters, no bidirectional marks, single spaces."""
    return squash(BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text)))


def latexmk(folder: Path) -> None:
    (tex,) = folder.glob("*.tex")
    subprocess.run(["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", tex.name], cwd=folder,
                   capture_output=True, check=True, timeout=600)


def check_pdf(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "research_portfolio", "check-pdf", str(folder)], capture_output=True, text=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built as Read the Docs builds it: web site, e-book and LaTeX (the PDF is made by :func:`pdf`)."""
    source = Path(shutil.copytree(ROOT, tmp_path_factory.mktemp("scripts") / "source"))
    for builder in ("html", "epub", "latex"):
        process = sphinx(source, builder, source / "_build" / builder)
        assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    return source


@pytest.fixture(scope="module")
def pdf(built: Path) -> Path:
    require_tool("latexmk", "xelatex", "pdftotext")
    require_fonts(*FONTS)
    latexmk(built / "_build" / "latex")
    return built / "_build" / "latex" / TEX.replace(".tex", ".pdf")


@pytest.mark.parametrize("key", SHOWN)
def test_every_script_reads_back_from_the_pdf(pdf, key):
    text = readable(pdf_text(pdf))
    for shown in SHOWN[key]:
        assert shown in text, (key, shown)


def test_mathematical_letters_and_symbols_print_in_a_bold_title_and_an_abstract(pdf):
    text = squash(BIDI_MARKS.sub("", pdf_text(pdf)))  # not NFKC: 𝛼 must stay 𝛼, not turn into α
    for shown in MATH:
        assert shown in text
    tex = (pdf.with_suffix(".tex")).read_text(encoding="utf-8")
    assert r"\portfolioscript{math}{⪅}" in tex and r"\portfolioscript{math}{𝛼}<0.78" in tex


@pytest.mark.parametrize(("text", "expected"), [
    ("𝛼<0.78", [("𝛼", "math"), ("<0.78", "")]),
    ("a ⪅ b ≲ 𝒪(n)", [("a ", ""), ("⪅", "math"), (" b ", ""), ("≲", "math"), (" ", ""), ("𝒪", "math"), ("(n)", "")]),
    ("α ≠ β", [("α ", ""), ("≠", "math"), (" β", "")]),  # Greek letters stay in the text's font, which has them
])
def test_a_math_run_is_the_symbols_alone(text, expected):
    assert scripts.pieces(text) == expected


def test_the_pdf_misses_no_glyph_and_check_pdf_agrees(pdf):
    assert "Missing character" not in pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    check = check_pdf(pdf.parent)
    assert (check.returncode, check.stderr) == (0, "")


@pytest.mark.parametrize("key", ["cohen2019networks", "haddad2018networks"])
def test_a_hebrew_or_arabic_title_reads_right_to_left_on_the_page(pdf, key):
    """Each word of the title stands left of the word before it (pdftotext -bbox gives each word's glyphs left to right)."""
    title = SHOWN[key][0].split()
    boxes = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)</word>', pdf_text(pdf, "-bbox"))
    positions = {}  # a word of the title -> (line, x) where it first stands
    for x, y, visual in boxes:
        word = unicodedata.normalize("NFKC", visual[::-1]).strip(".")
        if word in title and word not in positions:
            positions[word] = (round(float(y)), float(x))
    assert set(positions) == set(title), positions
    lines = {line for line, _ in positions.values()}
    assert len(lines) == 1, positions  # one line: the comparison of x positions holds
    xs = [positions[word][1] for word in title]
    assert xs == sorted(xs, reverse=True), positions


@pytest.mark.parametrize("key", SHOWN)
def test_every_script_is_on_the_web_page_and_in_the_ebook(built, key):
    page = readable(soup(built / "_build/html/publications.html").get_text(" "))
    (book,) = (built / "_build/epub").glob("*.epub")
    with zipfile.ZipFile(book) as archive:
        chapters = " ".join(soup(archive.read(name).decode("utf-8")).get_text(" ") for name in archive.namelist()
                            if name.endswith(".xhtml"))
    for shown in SHOWN[key]:
        assert shown in page, (key, shown)
        assert shown in readable(chapters), (key, shown)


def test_a_figure_caption_in_another_script_reads_back(pdf):
    assert "年ごとの論文数 (papers per year)" in readable(pdf_text(pdf))


def test_the_title_page_shows_an_affiliation_in_another_script(pdf):
    assert "جامعة المدينة البعيدة" in readable(pdf_text(pdf, "-l", "1"))


def test_a_title_in_another_script_heads_its_chapter_the_contents_and_the_bookmarks(pdf):
    title = "연구 노트: Notes in many scripts"
    pages = [readable(page) for page in pdf_text(pdf).split("\f")]
    assert sum(title in page for page in pages) >= 2  # the contents and the chapter
    # hyperref's bookmarks, as UTF-16 in octal escapes: the title alone, without the font command's argument
    bookmark = re.search(r"\{chapter\.1\}\{\\376\\377(.*?)\}\{", pdf.with_suffix(".out").read_text(encoding="latin-1"))[1]
    assert re.sub(r"\\([0-7]{3})", lambda code: chr(int(code[1], 8)), bookmark).encode("latin-1").decode("utf-16-be") == title


def test_make_pdf_fails_on_a_character_no_font_has_and_names_its_entry(tmp_path):
    """The starter's Makefile: LaTeX writes a PDF with an empty box, and check-pdf fails the build with the key."""
    require_tool("make", "latexmk", "xelatex")
    require_fonts(*FONTS)
    source = Path(shutil.copytree(ROOT, tmp_path / "source"))
    bib = source / "refs.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("湍流模拟}", f"湍流模拟{NO_GLYPH}}}"), encoding="utf-8")
    shutil.copyfile(PACKAGE / "starter" / "Makefile", source / "Makefile")
    process = make("pdf", source, tmp_path, timeout=900)
    output = process.stdout + process.stderr
    assert process.returncode != 0
    assert (source / "_build/latex/sofia-marchetti.pdf").is_file()  # LaTeX finished: check-pdf is what failed
    assert f"{TEX}, entry wang2020turbulence: no glyph for {NO_GLYPH} (U+20000) in the font" in output
    assert "The PDF is at" not in output


def test_a_font_that_is_not_installed_is_named_with_each_entry_it_leaves_blank(tmp_path):
    require_tool("latexmk", "xelatex")
    require_fonts(*FONTS)
    source = Path(shutil.copytree(ROOT, tmp_path / "source"))
    process = sphinx(source, "latex", source / "_build/latex",
                     "-D", r"latex_elements.preamble=\portfoliofont{ko}{serif}{NoSuchFont-Regular}{NoSuchFont-Bold}{}")
    assert process.returncode == 0, (process.stdout + process.stderr)[-3000:]
    latexmk(source / "_build/latex")
    check = check_pdf(source / "_build/latex")
    assert check.returncode == 1
    lines = check.stderr.splitlines()
    assert lines[0] == f"{TEX}: the font NoSuchFont-Regular, for the text in 'ko', is not installed (README.md, \"Every script\")"
    assert any(line.startswith(f"{TEX}, entry park2021phase: no glyph for 그 (U+ADF8)") for line in lines), lines
    assert not any("wang2020turbulence" in line for line in lines)  # Chinese has its font


@pytest.mark.parametrize(("text", "expected"), [
    ("Plain Latin, Ελληνικά and Русский", [("Plain Latin, Ελληνικά and Русский", "")]),
    ("물리학과 첨단기술 30", [("물리학과 첨단기술", "ko"), (" 30", "")]),
    ("深層学習による検出", [("深層学習による検出", "ja")]),
    ("物理学报 (Acta)", [("物理学报", "zh"), (" (Acta)", "")]),
    ("in מבוא 2 לפיזיקה.", [("in ", ""), ("מבוא 2 לפיזיקה", "he"), (".", "")]),
    ("الفيزياء، الحديثة and כהן", [("الفيزياء، الحديثة", "ar"), (" and ", ""), ("כהן", "he")]),
])
def test_a_run_takes_the_spaces_and_digits_between_its_letters_and_nothing_latin(text, expected):
    assert scripts.pieces(text) == expected


def test_check_pdf_reads_a_log_it_did_not_write(tmp_path):
    """The log's two forms of the line, a summary printed under its entry, and text outside any entry."""
    (tmp_path / "a.tex").write_text(
        "\\chapter{Ab\u00e7}\n\n%portfolio-entry:kim2024\n\\DUrole{pub-title}{\U0001F600x}. Venue.\n\n"
        "\\portfolionote{Summary \u00e7}\n\n\\item\nProse \u00e9\n", encoding="utf-8")
    (tmp_path / "a.log").write_text(
        "Missing character: There is no \U0001F600 (U+1F600) in font [FreeSerif.otf]/OT:script=latn;language=dflt;!\n"
        "Missing character: There is no \u00e7 (\"E7) in font nullfont!\n"
        "Missing character: There is no \u00e9 (U+00E9) in font FreeSans Bold:mapping=tex-text;!\n", encoding="utf-8")
    assert pdfcheck.missing_glyphs(tmp_path) == [
        "a.tex, entry kim2024: no glyph for \U0001F600 (U+1F600), \u00e7 (U+00E7) in the fonts FreeSerif, nullfont; install a font "
        "that has it (README.md, \"Every script\"), or name one in conf.py's latex_elements",
        "a.tex, line 1: no glyph for \u00e7 (U+00E7) in the font nullfont; install a font that has it (README.md, \"Every script\"), "
        "or name one in conf.py's latex_elements",
        "a.tex, line 9: no glyph for \u00e9 (U+00E9) in the font FreeSans Bold; install a font that has it (README.md, "
        "\"Every script\"), or name one in conf.py's latex_elements",
    ]


def test_figures_and_the_cover_draw_east_asian_names_with_a_font_that_has_them(tmp_path):
    require_fonts("Noto Sans CJK JP")
    from matplotlib.figure import Figure

    def make() -> Figure:
        figure = Figure()
        figure.text(0.1, 0.5, "佐藤花子 · 王小明 · 박지민")
        return figure

    for fmt in ("png", "pdf"):  # the e-book's cover and the PDF's figures (the web's SVG leaves fonts to the browser)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # matplotlib warns of each glyph its fonts lack, and draws a box
            assert figures.cached(Cache(tmp_path / "cache.pickle", "key"), "names", {"names": "east asian"}, fmt, make).data


def test_bold_east_asian_text_is_drawn_in_the_bold_face_without_a_warning(tmp_path, caplog):
    require_fonts("Noto Sans CJK JP")
    if "Bold" not in figures.font_file(f"{figures.EAST_ASIAN_FONT}:bold"):
        missing("missing font: Noto Sans CJK JP Bold (fonts-noto-cjk)")
    from matplotlib.figure import Figure

    def make() -> Figure:
        figure = Figure()
        figure.text(0.1, 0.5, "佐藤花子", fontweight="bold")  # the card's name, the bars' counts
        return figure

    figures.cached(Cache(tmp_path / "cache.pickle", "key"), "bold", {"names": "bold east asian"}, "png", make)
    assert not [record.getMessage() for record in caplog.records if "findfont" in record.getMessage()]


@pytest.mark.parametrize(("written", "read"), [
    ("中村 健", "中村健"),  # family name first, as Japanese writes it: BibTeX would take 健 for the family name
    ("中村, 健", "中村健"), ("中村健", "中村健"), ("박 지민", "박지민"), ("李 静怡", "李静怡"),
    ("Jörg Schmidt", "Jörg Schmidt"), ("Schmidt, Jörg", "Jörg Schmidt"),
])
def test_a_chinese_japanese_or_korean_name_keeps_the_order_it_is_written_in(written, read):
    from research_portfolio.bib.entries import Owner, full_name, same_person
    from research_portfolio.text.names import read_name

    assert full_name(read_name(written)) == read
    assert same_person(Owner(written), read_name(written))  # the owner so named is found on the entry so written


@pytest.mark.parametrize(("piece", "lang", "expected"), [
    ("מבוא 2 לפיזיקה: סדרה", "he", [("מבוא ", False), ("2", True), (" לפיזיקה", False), (":", True), (" סדרה", False)]),
    ("الفيزياء، الحديثة", "ar", [("الفيزياء، الحديثة", False)]),  # the Arabic comma is the run's own
    # Set left to right, a bracket is written as its mirror, as the run's direction draws it ("(דה)", not ")דה(").
    ("אבג (דה)\u200f", "he", [("אבג ", False), (")", True), ("דה", False), ("(", True), ("\u200f", False)]),
    ("物理学报: 2", "zh", [("物理学报: 2", False)]),  # a CJK font has the Latin characters
])
def test_a_right_to_left_run_sets_what_its_font_lacks_in_the_texts_font(piece, lang, expected):
    """Noto's Hebrew fonts have no digit and no colon: those stay in the text's font, inside the run."""
    assert scripts.run_parts(piece, lang) == expected
    if piece.startswith("מבוא"):
        assert scripts.marked(piece, str) == r"\portfolioscript{he}{מבוא \portfoliomain{2} לפיזיקה\portfoliomain{:} סדרה}"
