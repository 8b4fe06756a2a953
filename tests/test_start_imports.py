"""The unlock window comes first: starting the app imports what unlocking needs, not the
application layer, the views or their libraries (issue 16). Checked in a fresh process,
by the modules loaded once the start module and the unlock window's module are imported."""

from __future__ import annotations

import subprocess
import sys

import pytest

LATER = (
    "ecoute_desktop.services.app.facade",  # every user action: after the passphrase
    "ecoute_desktop.ui.window.main_window",
    "ecoute_desktop.services.intake",  # the e-mail reader
    "reportlab",  # reports and PDFs
    "ecoute_desktop.store.store",  # every repository: imported when the passphrase is typed
    "ecoute_desktop.services.backup",
    "sqlcipher3",  # the database driver: the leftovers check needs only file names
    "ecoute_desktop.ui.common.prompts",  # message boxes: only when leftovers are found
    "ecoute_desktop.ui.common.large_style",  # the focus-ring style: once the window shows
)


def test_the_start_imports_only_what_unlocking_needs() -> None:
    code = (
        "import sys\n"
        "import ecoute_desktop.ui.app\n"
        "import ecoute_desktop.ui.safety.unlock_dialog\n"
        "import ecoute_desktop.ui.safety.leftovers_notice\n"
        f"print([m for m in {LATER!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == "[]", result.stdout


FIRST_RUN_LATER = (
    "ecoute_desktop.store.store",  # the base is created on the last page
    "ecoute_desktop.services.passphrase.actions",
    "ecoute_desktop.domain.models",
    "zxcvbn",  # and its French lists: when the passphrase page opens, on a thread
    "reportlab",  # the recovery sheet: when it is saved
    "urllib.request",  # xml.sax imported it, for one escape function
    "ecoute_desktop.ui.common.prompts",
)


def test_the_first_run_assistant_shows_before_the_base_and_the_passphrase_judge() -> None:
    """« Do the same for the first-run assistant » (issue 16): it was 3.6× the bare dialog,
    importing the whole store and loading zxcvbn's lists (~260 ms) before it showed."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from ecoute_desktop.ui.app import make_application\n"
        "from ecoute_desktop.ui.safety.first_run import FirstRunWizard\n"
        "app = make_application([], style_now=False)\n"
        "wizard = FirstRunWizard(Path(sys.argv[1]))\n"
        "wizard.show()\n"
        "QCoreApplication.processEvents()\n"
        f"print([m for m in {FIRST_RUN_LATER!r} if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "/nonexistent/ecoute.db"],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": "/nonexistent"},
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_the_application_layer_opens_no_network_library_until_the_mailbox_is_read() -> None:
    """Every command and the main window build `Services`: the IMAP library (~28 ms with
    the TLS stack) is imported when the mailbox is opened, not with the application layer."""
    code = (
        "import sys\n"
        "import ecoute_desktop.services.app.facade\n"
        "import ecoute_desktop.services.mailbox\n"
        "print([m for m in ('imapclient', 'imaplib') if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout


CENSUS = """
import enum, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from ecoute_desktop.ui.app import make_application
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.safety.first_run import FirstRunWizard
from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog

def qt_namespace_enums():
    seen, todo = set(), [enum.Enum]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return sorted(c.__qualname__ for c in seen if c.__qualname__.startswith("Qt."))

app = make_application([], style_now=False)
if sys.argv[2] == "unlock":
    dialog = UnlockDialog(Path(sys.argv[1]))
    field = dialog.passphrase_edit
else:
    dialog = FirstRunWizard(Path(sys.argv[1]))
    field = dialog.folder_page.path_edit
dialog.show()
field.setFocus()
QCoreApplication.processEvents()
shown = qt_namespace_enums()
text_size.install_style()  # the focus ring, drawn on the focused field
dialog.repaint()
QCoreApplication.processEvents()
print(len(shown), len(qt_namespace_enums()))
"""


@pytest.mark.parametrize("window", ["unlock", "first-run"])
def test_the_first_window_creates_none_of_the_qt_namespace_enums(tmp_path, window) -> None:
    """Touching `Qt` (Qt.AlignmentFlag, Qt.FocusPolicy, …) creates its ~100 enum types at
    once, ~20 ms: as much as the whole unlock window. Neither the first window nor its
    focus ring (the style installed once it is shown) needs one (issue 16)."""
    base = tmp_path / "ecoute.db"
    if window == "unlock":
        base.write_bytes(b"\0" * 4096)
    result = subprocess.run(
        [sys.executable, "-c", CENSUS, str(base), window],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.stdout.split() == ["0", "0"], result.stdout + result.stderr
