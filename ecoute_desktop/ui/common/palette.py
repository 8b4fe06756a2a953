"""Every colour of the app in one place, for light and dark schemes, built for WCAG 2.2 AA.

Text reaches 4.5:1 on the background it is drawn on; borders, focus rings and status
marks reach 3:1 (`tests/test_palette.py` checks each pair of both schemes with the WCAG
formula). Status is never said by colour alone: every coloured word is a word.
The scheme follows the system (Qt 6's `styleHints().colorScheme()`).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QGuiApplication, QPalette


class Scheme(NamedTuple):
    """Named colours (hex). `window` and `base` are the backgrounds the others sit on.

    A named tuple (frozen, like the colours): the unlock window reads it, and a dataclass
    would import `dataclasses` (~3 ms) before the window shows (issue 16)."""

    name: str
    window: str
    base: str
    text: str
    late: str  # « en retard », errors, URGENT
    due_soon: str  # « bientôt »
    on_time: str  # « à temps », a good passphrase
    done: str  # a first step done
    booked: str  # agenda: a booked slot
    free: str  # agenda: a free slot
    muted: str  # agenda: past or unavailable
    today_background: str  # agenda: today's column
    today_row_background: str
    notice_background: str  # « à vérifier » banners, returning member
    notice_text: str
    notice_border: str
    chip_checked: str  # a chosen theme chip (text: `chip_checked_text`)
    chip_checked_text: str
    highlight: str  # selected rows, navigation (text: `highlighted_text`)
    highlighted_text: str
    placeholder: str
    border: str  # input borders
    focus: str  # the focus ring


LIGHT = Scheme(
    name="clair",
    window="#efefef",
    base="#ffffff",
    text="#000000",
    late="#b00020",
    due_soon="#8a5300",
    on_time="#1b5e20",
    done="#1b5e20",
    booked="#1d3557",
    free="#2a6f3e",
    muted="#5a5a5a",
    today_background="#fff3c4",
    today_row_background="#fffbea",
    notice_background="#fff8d6",
    notice_text="#3d2e00",
    notice_border="#8a6d00",
    chip_checked="#1f5fa8",
    chip_checked_text="#ffffff",
    highlight="#1f5fa8",
    highlighted_text="#ffffff",
    placeholder="#6b6b6b",
    border="#767676",
    focus="#1a4fa0",
)

DARK = Scheme(
    name="sombre",
    window="#2b2b2b",
    base="#1e1e1e",
    text="#ffffff",
    late="#ff8a80",
    due_soon="#ffb74d",
    on_time="#81c784",
    done="#a5d6a7",
    booked="#a8c7fa",
    free="#81c784",
    muted="#b0b0b0",
    today_background="#4a4000",
    today_row_background="#33301a",
    notice_background="#4a3f00",
    notice_text="#fff3c4",
    notice_border="#d8b600",
    chip_checked="#1f5fa8",  # dark enough for a white ring around it
    chip_checked_text="#ffffff",
    highlight="#8ab4f8",
    highlighted_text="#000000",
    placeholder="#a0a0a0",
    border="#8a8a8a",
    focus="#8ab4f8",
)

# (foreground, background, minimum ratio): what tests/test_palette.py checks in both schemes.
TEXT = 4.5
NON_TEXT = 3.0
PAIRS: tuple[tuple[str, str, float], ...] = (
    *((name, bg, TEXT) for name in ("text", "late", "due_soon", "on_time", "done", "muted")
      for bg in ("window", "base")),
    ("booked", "base", TEXT),
    ("free", "base", TEXT),
    ("muted", "today_row_background", TEXT),
    ("booked", "today_background", TEXT),
    ("text", "today_background", TEXT),
    ("notice_text", "notice_background", TEXT),
    ("late", "notice_background", TEXT),
    ("chip_checked_text", "chip_checked", TEXT),
    ("highlighted_text", "highlight", TEXT),
    ("placeholder", "base", TEXT),
    ("border", "base", NON_TEXT),
    ("border", "window", NON_TEXT),
    ("focus", "base", NON_TEXT),
    ("focus", "window", NON_TEXT),
    ("focus", "notice_background", NON_TEXT),
    ("notice_border", "notice_background", NON_TEXT),
    ("text", "chip_checked", NON_TEXT),  # the ring of a focused chosen chip
    ("text", "window", NON_TEXT),
)  # fmt: skip


def luminance(colour: str) -> float:
    """WCAG relative luminance of `#rrggbb`."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# What Qt 6's `styleHints().colorScheme()` said (None: not asked yet, or « unknown »).
_system_dark: bool | None = None


def is_dark() -> bool:
    """Whether the application's windows are dark: the system's scheme as Qt 6 reports it
    (`follow_system_scheme`, once the base is open), else the palette's window colour.
    Before the unlock window shows only the palette is read: `colorScheme()` returns a `Qt`
    enum, and the first one costs the creation of Qt's whole namespace of enums (15-30 ms)."""
    if _system_dark is not None:
        return _system_dark
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def scheme_changed(scheme: object) -> None:
    """The system's scheme is `scheme` (a `Qt.ColorScheme`): the palette follows it."""
    global _system_dark
    name = getattr(scheme, "name", "")
    _system_dark = {"Dark": True, "Light": False}.get(name)
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        QGuiApplication.setPalette(apply(QGuiApplication.palette()))


def follow_system_scheme() -> None:
    """Once the base is open: the scheme `styleHints().colorScheme()` reports decides
    the colours, now and whenever the user switches the system to dark or light."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication) or app.property("ecoute_follows_scheme"):
        return
    app.setProperty("ecoute_follows_scheme", True)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(scheme_changed)
    scheme_changed(hints.colorScheme())


def colours() -> Scheme:
    """The scheme of the system now (light unless the system says dark)."""
    return DARK if is_dark() else LIGHT


def qcolour(name: str) -> QColor:
    """A colour of the current scheme by field name, as a QColor (for item models)."""
    return QColor(getattr(colours(), name))


def apply(palette: QPalette) -> QPalette:
    """The application's palette from the current scheme: the backgrounds and text the
    pairs above are checked on, and the roles the audit found below AA in Qt's defaults
    (selection, placeholders). A dark system gets the dark scheme whatever its platform
    theme gives (some give Qt no dark palette at all)."""
    scheme = colours()
    role = QPalette.ColorRole
    window, base, text = QColor(scheme.window), QColor(scheme.base), QColor(scheme.text)
    dark = scheme is DARK
    alternate = base.lighter(130) if dark else base.darker(104)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for roles, colour in (
            ((role.Window, role.Button, role.ToolTipBase), window),
            ((role.WindowText, role.ButtonText, role.Text, role.ToolTipText), text),
            ((role.Base,), base),
            ((role.AlternateBase,), alternate),
            ((role.Highlight,), QColor(scheme.highlight)),
            ((role.HighlightedText,), QColor(scheme.highlighted_text)),
            ((role.PlaceholderText,), QColor(scheme.placeholder)),
            ((role.Link,), QColor(scheme.focus)),
        ):
            for each in roles:
                palette.setColor(group, each, colour)
        if dark:  # the bevels and frames Fusion draws from these
            palette.setColor(group, role.Light, window.lighter(160))
            palette.setColor(group, role.Midlight, window.lighter(130))
            palette.setColor(group, role.Mid, window.darker(130))
            palette.setColor(group, role.Dark, window.darker(160))
            palette.setColor(group, role.Shadow, QColor("#000000"))
    if dark:  # disabled text: dimmed, still readable on the dark backgrounds
        for each in (role.WindowText, role.ButtonText, role.Text):
            palette.setColor(QPalette.ColorGroup.Disabled, each, QColor(scheme.muted))
        for each in (role.Window, role.Button):
            palette.setColor(QPalette.ColorGroup.Disabled, each, window)
        palette.setColor(QPalette.ColorGroup.Disabled, role.Base, base)
    return palette


FIELD_NAMES = Scheme._fields


def notice_style(selector: str, padding: int = 0, border: bool = True) -> str:
    """The pale « à vérifier » / returning-member background, with readable text."""
    scheme = colours()
    rules = [f"background: {scheme.notice_background};", f"color: {scheme.notice_text};"]
    if border:
        rules.append(f"border: 1px solid {scheme.notice_border};")
    if padding:
        rules.append(f"padding: {padding}px;")
    return f"{selector} {{ {' '.join(rules)} }}"


def chip_style() -> str:
    """A theme chip: a 3:1 border, the chosen colour when checked, a 2 px focus ring."""
    scheme = colours()
    return (
        f"QToolButton {{ border: 1px solid {scheme.border}; border-radius: 8px;"
        " padding: 3px 8px; }"
        f" QToolButton:checked {{ background: {scheme.chip_checked};"
        f" color: {scheme.chip_checked_text}; border-color: {scheme.chip_checked}; }}"
        f" QToolButton:focus {{ border: 2px solid {scheme.focus}; padding: 2px 7px; }}"
        # On a chosen chip the ring is the text colour: the focus blue would vanish on it.
        f" QToolButton:checked:focus {{ border: 2px solid {scheme.text}; }}"
    )
