"""Each format's writer (research_portfolio.escape): whatever text goes in, that format reads back the same text.

A parser of each format (an HTML parser, an XML parser, json, PyYAML, Python's own, CommonMark, pip's
requirement grammar) reads what the writer wrote; LaTeX, which has no parser to ask, is checked for
characters TeX would act on. The texts come from Hypothesis: any Unicode string.
"""

from __future__ import annotations

import ast
import json as stdjson
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import yaml as pyyaml
from bs4 import BeautifulSoup
from fuzzing import examples
from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from packaging.requirements import Requirement

from research_portfolio.escape import html, json, latex, markdown, python, requirements, xml, yaml

#: What the issue found getting through, each kept as an example.
FOUND = ['AT&T Labs & 100% R_D', "%20#top", r"a}\input{FILE}\href{x@b.c", "<script>alert(1)</script>", "$x$",
         '"""; import os; """', "'''", "\\N{", "{{ }}", "$(touch PWNED)", "Growing Networks\\"]


def found(test):
    for value in FOUND:
        test = example(value)(test)
    return test


#: Control characters are parse errors in HTML, which parsers may turn into spaces (a form feed): text without them.
HTML_TEXT = st.text(st.characters(exclude_categories=["Cc", "Cs"]) | st.sampled_from("\t\n"))


@examples(100, 5000)
@given(HTML_TEXT)
@found
def test_html_text_and_attributes_read_back_as_written(value):
    read = Read()
    read.feed(f'<p title="{html.attribute(value)}">{html.text(value)}</p>')
    read.close()
    assert read.tags == [("p", [("title", value)])] and "".join(read.text) == value


class Read(HTMLParser):
    """What an HTML parser reads: the tags with their attributes, and the text, as it is (no whitespace tidied)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@examples(100, 5000)
@given(st.text())
@found
def test_xml_text_and_attributes_read_back_as_written(value):
    element = ElementTree.fromstring(f'<a b="{xml.attribute(value)}">{xml.text(value)}</a>')
    expected = xml.NOT_XML.sub("\ufffd", value)
    assert (element.text or "") == expected and element.get("b") == expected and len(element) == 0


#: JSON values: what JSON-LD is made of.
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(), inner, max_size=4)), max_leaves=8)


@examples(100, 5000)
@given(JSON)
@found
def test_json_in_a_script_element_is_one_text_that_parses_back(data):
    written = json.script(data)
    assert not set(written) & set("<>&")
    assert stdjson.loads(written) == data
    page = BeautifulSoup(f'<script type="application/ld+json">{written}</script><p>after</p>', "html.parser")
    assert page.script.string == written and page.p.get_text() == "after"


@examples(100, 5000)
@given(st.text())
@found
def test_yaml_scalars_read_back_as_written(value):
    written = yaml.scalar(value)
    assert "\n" not in written
    assert pyyaml.safe_load(f"key: {written}\nnext: 1\n") == {"key": value, "next": 1}


@examples(100, 5000)
@given(st.text())
@found
def test_python_literals_read_back_as_written_and_run_nothing(value):
    source = f"name = {python.literal(value)}  # as written\n"
    namespace: dict[str, object] = {"__builtins__": {}}
    exec(compile(source, "conf.py", "exec"), namespace)  # the point: that nothing else runs
    assert namespace["name"] == value == ast.literal_eval(python.literal(value))
    assert set(namespace) == {"__builtins__", "name"}


#: CommonMark turns NUL into U+FFFD and trims a paragraph: values with neither, as a name on one line is.
ONE_LINE = st.text(st.characters(exclude_categories=["Cc", "Cs", "Zl", "Zp"])).map(str.strip)


@examples(100, 5000)
@given(ONE_LINE)
@found
def test_markdown_inline_text_reads_back_as_written(value):
    rendered = MarkdownIt("commonmark").render(markdown.inline(value))
    page = BeautifulSoup(rendered, "html.parser")
    assert [element.name for element in page.find_all(True)] == (["p"] if value else [])
    assert page.get_text().strip("\n") == value


@examples(100, 5000)
@given(st.text() | st.from_regex(r"[a-z][a-z0-9-]{0,10} @ git\+https://[a-z.]{1,10}/[a-z/]{1,10}@v[0-9.]{1,5}", fullmatch=True))
@example("sphinx-research-portfolio @ git+https://github.com/o/r@v1.2.0")
@example("./vendor/sphinx_research_portfolio-1.2.0-py3-none-any.whl")
@example("sphinx-research-portfolio @ git+https://github.com/o/r@v1.2.0\n-e /tmp/evil")
@example("x @ https://example.org/${HOME}")
def test_a_requirements_line_is_one_requirement_or_refused_in_one_line(value):
    try:
        written = requirements.line(value)
    except ValueError as error:
        assert "\n" not in str(error)
        return
    assert written == value and len(written.splitlines()) == 1
    assert written.startswith("./vendor/") or Requirement(written)


#: What the LaTeX writer may write: the commands and groups that print one character.
PRINTING = re.compile(r"\\(?:textbackslash|textasciicircum|textasciitilde|textquotesingle|textasciigrave|textquotedbl|"
                      r"textless|textgreater)\{\}|\\[{}$&%#_]|\{[\[\]]\}|[-,!?]\{\}")


@examples(100, 5000)
@given(st.text())
@found
def test_latex_text_holds_nothing_tex_would_act_on(value):
    rest = PRINTING.sub("", latex.text(value))
    assert not set(rest) & set("\\{}$&%#^_~[]'`\"<>")
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", rest)


@examples(100, 5000)
@given(st.text())
@found
def test_latex_addresses_hold_no_group_command_or_comment(value):
    written = latex.url(value)
    rest = re.sub(r"\\[%#&_]", "", written)
    assert not set(rest) & set("\\{}$%#&^_~ \n")
