"""quotes — the example Python stage: finds direct quotations in each document.

A quotation is text between a pair of quote marks within one paragraph (it never crosses a
blank line): straight "...", curly “...”, German „...“ (or „...”), guillemets «...» and
single guillemets ‹...›. The output lists each quotation with the code-point offsets of the
quoted words, marks and the spaces just inside them left out, so that
``text[start:end] == quote["text"]`` in Python and the host agrees:

    {"count": 1, "quotes": [{"start": 4, "end": 17, "text": "there you are", "words": 3}]}

Only quotations of at least ``min_words`` words (config, default 3) are kept, which skips
scare quotes such as the "so-called" plan.

Run it by hand:  python3 quotes.py --describe  |  python3 quotes.py --help
"""

import os
import re
import sys

# The SDK is one file; this finds it in the repository (a researcher may simply copy it here).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sdk", "python"))

import workbench_stage as wb  # noqa: E402  (after the path set-up on purpose)

# Opening mark → the marks that may close it.
CLOSERS = {
    '"': '"',
    "\u201c": "\u201d",          # “ ”
    "\u201e": "\u201c\u201d",    # „ “  and  „ ”
    "\u00ab": "\u00bb",          # « »
    "\u2039": "\u203a",          # ‹ ›
}

# Any opening mark.
OPENING_MARK = re.compile("[" + re.escape("".join(CLOSERS)) + "]")

# A blank line: a newline, optional spaces or tabs (or \r), another newline.
BLANK_LINE = re.compile(r"\n[^\S\n]*\n")

# A word: letters/digits, possibly joined by an apostrophe or hyphen (don't, so-called).
WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")


def paragraphs(text):
    """Yields (start, end) offsets of the blocks of ``text`` between blank lines."""
    start = 0
    for blank in BLANK_LINE.finditer(text):
        yield start, blank.start()
        start = blank.end()
    yield start, len(text)


def closing_straight_quote(text, start, end):
    """Index of the straight quote closing a quotation opened before ``start``, or -1.

    A straight quote closes only when no letter or digit follows it, so inch marks and
    quotes inside words (5"3) don't pair up by accident.
    """
    index = text.find('"', start, end)
    while index >= 0:
        if index + 1 >= len(text) or not text[index + 1].isalnum():
            return index
        index = text.find('"', index + 1, end)
    return -1


def find_quotes(text, min_words):
    """The quotations in ``text`` with at least ``min_words`` words, in text order."""
    found = []
    for low, high in paragraphs(text):
        i = low
        while i < high:
            opener = OPENING_MARK.search(text, i, high)
            if opener is None:
                break
            i = opener.start()
            mark = text[i]
            closers = CLOSERS[mark]
            if mark == '"':
                # A straight quote opens only at the start of a word, not after a letter or digit.
                if i > low and text[i - 1].isalnum():
                    i += 1
                    continue
                close = closing_straight_quote(text, i + 1, high)
            else:
                ends = [p for p in (text.find(c, i + 1, high) for c in closers) if p >= 0]
                close = min(ends) if ends else -1
            if close < 0:
                i += 1  # an unmatched mark (or a quote running on into the next paragraph)
                continue
            start, end = i + 1, close
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            quoted = text[start:end]
            words = len(WORD.findall(quoted))
            if words >= min_words:
                found.append({"start": start, "end": end, "text": quoted, "words": words})
            i = close + 1
    return found


class Quotes(wb.DocumentStage):
    """Finds direct quotes with their offsets."""

    name = "quotes"
    version = "1.0.0"
    consumes = []
    produces = "quotes/1"
    description = "Finds direct quotes (\"...\", “...”, «...») with their code-point offsets."
    config_schema = {
        "type": "object",
        "properties": {
            "min_words": {
                "type": "integer",
                "minimum": 1,
                "description": "shortest quotation kept, in words (default 3)",
            },
        },
        "additionalProperties": False,
    }

    def configure(self, config, context):
        for key in config:
            if key != "min_words":
                raise wb.ConfigError("unknown setting (this stage knows: min_words)", field=key)
        min_words = config.get("min_words", 3)
        if isinstance(min_words, float) and min_words.is_integer():
            min_words = int(min_words)  # 3.0 is an integer in JSON Schema
        if isinstance(min_words, bool) or not isinstance(min_words, int):
            raise wb.ConfigError("must be an integer", field="min_words")
        if min_words < 1:
            raise wb.ConfigError("must be ≥ 1", field="min_words")
        self.min_words = min_words

    def process(self, task):
        quotes = find_quotes(task.text, self.min_words)
        return {"count": len(quotes), "quotes": quotes}


if __name__ == "__main__":
    wb.run(Quotes)
