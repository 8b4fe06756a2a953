"""Text helpers for e-mails: charsets decoded leniently, one-line display text, HTML as text."""

from __future__ import annotations

import codecs
import html as html_module
import re
import unicodedata

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


_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*+)?[^<>]*+>")
_HIDDEN_OPEN = re.compile(r"<(script|style|head|title)\b|<!--", re.I)
_HIDDEN_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in _HIDDEN_TAGS}
_COMMENT_CLOSE = re.compile(r"-->")


def _visible(html: str) -> str:
    """`html` without comments, scripts, styles and head (an unclosed one hides the rest)."""
    kept: list[str] = []
    position = 0
    while (opening := _HIDDEN_OPEN.search(html, position)) is not None:
        kept.append(html[position : opening.start()])
        name = (opening.group(1) or "").lower()
        closing = (_HIDDEN_CLOSE[name] if name else _COMMENT_CLOSE).search(html, opening.end())
        if closing is None:
            return "".join(kept)
        position = closing.end()
    kept.append(html[position:])
    return "".join(kept)


def html_to_text(html: str) -> str:
    """The text a reader sees in an HTML e-mail, one paragraph per line.

    Written with linear regular expressions rather than `html.parser`, which takes minutes
    on a few hundred kilobytes of unclosed tags (« <a <a <a … »): every e-mail may be hostile.
    """

    def tag(match: re.Match[str]) -> str:
        return "\n" if (match.group(2) or "").lower() in _BLOCK_TAGS else ""

    text = html_module.unescape(_TAG.sub(tag, _visible(html[:MAX_HTML_CHARS])))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
