"""The language an entry names, as the BCP 47 tag HTML's ``lang`` takes: ``ngerman`` is ``de``, ``brazil`` is ``pt-BR``.

A .bib names it in ``langid`` or ``language``, in biblatex's words for babel and polyglossia
(Zotero and Better BibTeX write one for nearly every entry), in English ("German"), as a library's
three-letter code ("ger"), or as a tag already ("de-AT"). A name this table does not know gives no tag: the text is then left in the
page's own language, as it was.
"""

from __future__ import annotations

import re

#: biblatex's language names (babel's and polyglossia's), and each language's English name, by tag.
NAMES = {
    "en": "english american british canadian australian newzealand ukenglish usenglish eng",
    "de": "german ngerman austrian naustrian swissgerman nswissgerman ger deu",
    "fr": "french francais frenchb acadian canadien fre fra",
    "es": "spanish castilian spa",
    "it": "italian ita",
    "pt": "portuguese portuges",
    "pt-BR": "brazil brazilian",
    "nl": "dutch flemish",
    "sv": "swedish",
    "da": "danish",
    "nb": "norsk bokmal norwegian",
    "nn": "nynorsk",
    "fi": "finnish",
    "is": "icelandic",
    "pl": "polish",
    "cs": "czech",
    "sk": "slovak",
    "sl": "slovene slovenian",
    "hr": "croatian",
    "sr": "serbian",
    "bg": "bulgarian",
    "ru": "russian rus",
    "uk": "ukrainian",
    "be": "belarusian",
    "hu": "hungarian magyar",
    "ro": "romanian",
    "el": "greek polutonikogreek",
    "tr": "turkish",
    "et": "estonian",
    "lv": "latvian",
    "lt": "lithuanian",
    "ga": "irish",
    "cy": "welsh",
    "gd": "scottish",
    "eu": "basque",
    "ca": "catalan",
    "gl": "galician",
    "la": "latin",
    "he": "hebrew",
    "ar": "arabic",
    "fa": "persian farsi",
    "ur": "urdu",
    "hi": "hindi",
    "bn": "bengali",
    "ta": "tamil",
    "mr": "marathi",
    "sa": "sanskrit",
    "th": "thai",
    "vi": "vietnamese",
    "id": "indonesian bahasa",
    "ms": "malay",
    "zh": "chinese chi zho",
    "ja": "japanese jpn",
    "ko": "korean kor",
    "af": "afrikaans",
    "sq": "albanian",
    "hy": "armenian",
    "ka": "georgian",
    "eo": "esperanto",
}
TAGS = {name: tag for tag, names in NAMES.items() for name in names.split()}
#: A BCP 47 tag as a .bib may already give it: a language of two letters, then subtags ("de-AT", "zh-Hant").
TAG = re.compile(r"[a-z]{2}(?:-[a-z0-9]{2,8})*", re.IGNORECASE)  # three letters ("por", "ger") only by the table


def language_tag(language: str) -> str:
    """The BCP 47 tag of a .bib's ``langid`` or ``language`` (any case, ``_`` for ``-``), or "" for a name not known."""
    name = language.strip().replace("_", "-")
    if name.lower() in TAGS:
        return TAGS[name.lower()]
    if TAG.fullmatch(name):
        primary, *rest = name.split("-")
        cased = {2: str.upper, 4: str.title}  # a region ("AT"), a script ("Hant"); anything else lower case
        return "-".join([primary.lower(), *(cased.get(len(part), str.lower)(part) for part in rest)])
    return ""


def primary(tag: str) -> str:
    """The language of a tag without its region or script: "pt" for "pt-BR", "zh" for "zh_CN"."""
    return tag.replace("_", "-").split("-")[0].lower()
