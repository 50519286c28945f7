"""Words as the search compares them: lowercased, stemmed for their language, folded."""

import html
import re
import threading
import unicodedata

import nh3
import Stemmer

#: Snowball's stemmers for the guide's languages; Tagalog has none.
STEMMERS = {
    "nl": "dutch",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "pt": "portuguese",
    "ar": "arabic",
    "id": "indonesian",
}
WORD = re.compile(r"\w+")
#: Arabic letters written more than one way; tashkeel and hamza go with the marks.
ARABIC = str.maketrans({"ة": "ه", "ى": "ي", "ٱ": "ا", "ـ": None})
#: The longest query read: the rest is ignored.
MAX_QUERY = 200


def fold(text):
    """``text`` without case, accents or other marks; Arabic letters written one way."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return bare.translate(ARABIC)


_stemmers = threading.local()  # a PyStemmer stemmer may not be shared between threads


def stem(word, language):
    if language not in STEMMERS:
        return word
    stemmers = _stemmers.__dict__
    if language not in stemmers:
        stemmers[language] = Stemmer.Stemmer(STEMMERS[language])
    return stemmers[language].stemWord(word)


def term(word, language):
    """A word as the index keeps it: lowercased, stemmed for its language, folded."""
    return fold(stem(word.casefold(), language))


def terms(text, language):
    return [term(word, language) for word in WORD.findall(text)]


def plain(html_text):
    """The text of sanitised HTML, as readers read it."""
    return " ".join(html.unescape(nh3.clean(html_text, tags=set())).split())


def clean_query(raw):
    """What is searched for: printable text, one space between words, not too long."""
    printable = "".join(c if c.isprintable() else " " for c in raw[: MAX_QUERY * 2])
    return " ".join(printable.split())[:MAX_QUERY]
