"""Text helpers for e-mails: charsets decoded leniently, one-line display text, HTML as text."""

from __future__ import annotations

import codecs
import re
import unicodedata
from html.parser import HTMLParser

# Charsets mail clients use; anything else (or a codec such as punycode, slow on long
# input) is read as UTF-8 with replacement characters rather than trusted.
_TEXT_CODECS = (
    "utf", "iso8859", "cp", "latin", "ascii", "koi8", "mac", "gb", "big5",
    "euc", "shift_jis", "iso2022", "johab", "hz",
)  # fmt: skip
# Declared Latin-1 or ASCII is read as Windows-1252, as browsers do: Outlook writes
# curly quotes and « œ » (0x80–0x9F) under an ISO-8859-1 label.
_WINDOWS_FOR = {"iso8859-1", "ascii", "latin-1"}

_BLOCK_TAGS = {"br", "p", "div", "li", "tr", "table", "blockquote", "h1", "h2", "h3", "h4"}
_HIDDEN_TAGS = {"script", "style", "head", "title"}
MAX_HTML_CHARS = 2_000_000  # longer HTML is cut before being read as text


def codec_for(charset: str | None) -> str | None:
    """The Python codec for a declared charset, or None when unknown or not trusted."""
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip('"').lower()).name
    except (LookupError, ValueError):
        return None
    if name in _WINDOWS_FOR:
        return "cp1252"
    return name if name.startswith(_TEXT_CODECS) else None


def decode_bytes(raw: bytes, charset: str | None) -> str:
    """Bytes in their declared charset; undeclared: UTF-8 when valid, else Windows-1252."""
    codec = codec_for(charset)
    if codec is None:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            codec = "cp1252"
    try:
        return raw.decode(codec, errors="replace")
    except (LookupError, ValueError):  # a codec that fails on its own errors handler
        return raw.decode("utf-8", errors="replace")


_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def one_line(text: str) -> str:
    """`text` without line breaks, control or invisible characters, spaces collapsed.

    What reaches a name, a subject or a draft's header is one line: a decoded
    « Anne\\nBcc: … » becomes « Anne Bcc: … », never a second header.
    """
    if text.isprintable():
        return " ".join(text.split())
    cleaned = "".join(" " if unicodedata.category(char) in _INVISIBLE else char for char in text)
    return " ".join(cleaned.split())


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text a reader sees in an HTML e-mail, one paragraph per line."""
    parser = _TextOfHtml()
    parser.feed(html[:MAX_HTML_CHARS])
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
