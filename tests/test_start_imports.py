"""The unlock window comes first: starting the app imports what unlocking needs, not the
application layer, the views or their libraries (issue 16). Checked in a fresh process,
by the modules loaded once the start module and the unlock window's module are imported."""

from __future__ import annotations

import subprocess
import sys

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
