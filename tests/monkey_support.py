"""Helpers for the GUI smoke test: safe answers to every prompt, non-blocking dialogs,
clicking every button of a page, and a heuristic for English text left on screen."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

# Whole words, case-sensitive: Qt's untranslated strings and English dates look like this.
ENGLISH = re.compile(
    r"\b(Cancel|Open|Save|File|Files|Error|Warning|Yes|No|Close|Apply|Help|Reset|Discard"
    r"|Abort|Retry|Ignore|Browse|Search|Delete|Remove|Loading|Back|Next|Finish|Settings"
    r"|Print|Undo|Redo|Cut|Copy|Paste|Select All|Today|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September"
    r"|October|November|December|Show Details)\b"
)
TABLE_ROWS_READ = 15  # cells of the first rows of each table are read too (dates, steps)


@dataclass
class Prompts:
    """What the monkey answers: nothing chosen, no, cancelled; every call recorded."""

    calls: list[tuple[str, str]] = field(default_factory=list)  # (function, title)
    warnings: list[str] = field(default_factory=list)

    def install(self, monkeypatch: object, module: object) -> None:
        answers: dict[str, object] = {
            "ask_open_paths": [],
            "ask_yes_no": False,
            "confirm_action": False,
            "ask_print": False,
        }
        for name in dir(module):
            function = getattr(module, name)
            if (
                name.startswith("_")
                or not callable(function)
                or function.__module__
                != (
                    module.__name__  # type: ignore[attr-defined]
                )
            ):
                continue
            monkeypatch.setattr(module, name, self._fake(name, answers.get(name)))  # type: ignore[attr-defined]

    def _fake(self, name: str, answer: object) -> Callable[..., object]:
        def fake(
            parent: object = None, title: str = "", text: str = "", *rest: object, **_: object
        ) -> object:
            self.calls.append((name, str(title)))
            if name == "warn":
                self.warnings.append(f"{title}: {text}")
            return list(answer) if isinstance(answer, list) else answer

        return fake


def settle(runner: object) -> None:
    """Let queued events, background work and its callbacks run."""
    for _ in range(3):
        QApplication.processEvents()
        runner.wait()  # type: ignore[attr-defined]
    QApplication.processEvents()


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(text).replace("&&", "＆").replace("&", "")


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # list models keep columnCount private
        columns = 1
    for column in range(columns):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    for row in range(min(TABLE_ROWS_READ, model.rowCount(QModelIndex()))):
        for column in range(columns):
            texts.append(str(model.index(row, column).data() or ""))
    return texts


def _menu_texts(menu: QMenu | QMenuBar) -> list[str]:
    texts = []
    for action in menu.actions():
        texts += [action.text(), action.toolTip()]
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """What a user can read on `widget` itself (labels, titles, tooltips, headers, items)."""
    texts = [widget.toolTip()]
    if widget.isWindow():
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    elif isinstance(widget, QAbstractButton):
        texts.append(widget.text())
        if isinstance(widget, QToolButton) and widget.menu() is not None:
            texts += _menu_texts(widget.menu())
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    elif isinstance(widget, QDateTimeEdit | QAbstractSpinBox):
        texts.append(widget.text())
    elif isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly():
        texts.append(widget.toPlainText())
    elif isinstance(widget, QAbstractItemView):
        texts += _model_texts(widget)
    elif isinstance(widget, QMenuBar | QMenu):
        texts += _menu_texts(widget)
    return texts


def english_on_screen(root: QWidget) -> list[str]:
    """Lines that look English on `root` and its visible children: « class: text »."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        for text in widget_texts(widget):
            match = ENGLISH.search(_plain(text or ""))
            if match:
                found.append(f"{type(widget).__name__}: {match.group(0)!r} in {text[:80]!r}")
    return found


def button_key(button: QAbstractButton) -> tuple[str, ...]:
    """Buttons with the same kind, name and text do the same thing (one per table row)."""
    return (type(button).__name__, button.accessibleName(), button.text(), button.toolTip())


def clickable(root: QWidget) -> list[QAbstractButton]:
    return [
        b
        for b in root.findChildren(QAbstractButton)
        if b.isVisibleTo(root)
        and b.isEnabled()
        and not b.objectName().startswith("qt_")  # Qt's own parts (scroll arrows, extension)
    ]


def poke(dialog: QWidget, runner: object, pressed: list[str]) -> None:
    """Click every distinct button of a dialog (and its buttons' menu entries), except its
    closing buttons (« Enregistrer », « Annuler », « Fermer » of its button box)."""
    done: set[tuple[str, ...]] = set()
    for _ in range(60):
        if not shiboken6.isValid(dialog) or not dialog.isVisible():
            return
        todo = [
            b
            for b in clickable(dialog)
            if button_key(b) not in done and not isinstance(b.parent(), QDialogButtonBox)
        ]
        if not todo:
            return
        button = todo[0]
        done.add(button_key(button))
        pressed.append(f"{type(dialog).__name__} › {button.text() or button.accessibleName()}")
        if isinstance(button, QToolButton) and button.menu() is not None:
            for action in button.menu().actions():
                if action.isEnabled() and not action.isSeparator():
                    action.trigger()
                    settle(runner)
        else:
            button.click()
        settle(runner)


def close_strays(
    window: QWidget,
    seen: list[str],
    english: list[str],
    inside: Callable[[QWidget], None] | None = None,
) -> None:
    """Dialogs, popups and menus opened without blocking: read them, `inside` them (click
    their buttons), then close them."""
    for _ in range(5):
        strays = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not window and w.isVisible() and shiboken6.isValid(w)
        ]
        if not strays:
            return
        for stray in strays:
            seen.append(type(stray).__name__)
            english += [f"{type(stray).__name__} › {line}" for line in english_on_screen(stray)]
            if inside is not None and isinstance(stray, QDialog):
                inside(stray)
            if not shiboken6.isValid(stray):
                continue
            if isinstance(stray, QDialog):
                stray.reject()
            stray.close()
            if stray.isVisible():
                stray.hide()
        QApplication.processEvents()


def fake_exec(
    seen: list[str], english: list[str], inside: Callable[[QWidget], None] | None = None
) -> Callable[[QDialog], int]:
    """QDialog.exec replacement: show the dialog, read it, click inside it (first level
    only: a dialog opened from a dialog is only read), reject it. Nothing blocks."""
    depth = [0]

    def exec_(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        seen.append(type(dialog).__name__)
        english.extend(f"{type(dialog).__name__} › {line}" for line in english_on_screen(dialog))
        if inside is not None and depth[0] == 0:
            depth[0] += 1
            try:
                inside(dialog)
            finally:
                depth[0] -= 1
        if not shiboken6.isValid(dialog) or not dialog.isVisible():
            return 0
        dialog.reject()
        QApplication.processEvents()
        return 0  # QDialog.DialogCode.Rejected

    return exec_
