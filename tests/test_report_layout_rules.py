"""Report pages read as a committee member reads them: a sub-theme is never printed on a page
apart from its theme, every comparison row has its change (shares in percentage points), and
a share is rounded the same way wherever it is printed.
"""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ecoute_desktop.services import reports
from ecoute_desktop.services.demo import populate
from ecoute_desktop.services.indicators import month_indicators
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE
from tests.report_helpers import between, pdf_text, row_numbers

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two busy months: every sub-theme is used, so the theme table runs over a page."""
    path = tmp_path_factory.mktemp("layout") / "ecoute.db"
    with Store.create(path, PASSPHRASE) as store:
        populate(store, 420, date(2026, 9, 1), date(2026, 10, 31), seed=8, now=NOW)
    return path


def _pages(pdf: Path) -> list[str]:
    count = len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.replace("\xa0", " ")
        .replace("\u202f", " ")
        for n in range(1, count + 1)
    ]


def test_theme_table_never_leaves_a_sub_theme_apart_from_its_theme(
    busy: Path, tmp_path: Path
) -> None:
    with Store.open(busy, PASSPHRASE) as store:
        pdf = reports.write_monthly_report(store, "2026-10", tmp_path / "octobre.pdf")
        tops = set(month_indicators(store, "2026-10").themes)
    header = "Thème / sous-thème"
    pages = [page for page in _pages(pdf) if header in page]
    assert len(pages) >= 2, "the data set must make the theme table run over a page"
    for page in pages[1:]:  # the header repeated at the top of a continued table
        first_row = page.split(header, 1)[1].splitlines()[1]
        label = re.split(r"\s{2,}", first_row.strip())[0]
        assert label in tops, f"« {label} » printed apart from its theme"


def test_share_change_is_given_in_points(busy: Path, tmp_path: Path) -> None:
    with Store.open(busy, PASSPHRASE) as store:
        pdf = reports.write_monthly_report(store, "2026-10", tmp_path / "octobre.pdf")
        now = month_indicators(store, "2026-10")
        before = month_indicators(store, "2026-09")
    comparison = between(pdf_text(pdf), "Comparaison avec le mois précédent", "Les sollicitations")
    cells = row_numbers(comparison, "Part des accusés dans les 48 h")
    shares = [100 * ind.acknowledged_within_48h / ind.requests for ind in (now, before)]
    expected = round(shares[0] - shares[1], 1)
    assert len(cells) == 3, cells
    sign = "+" if expected > 0 else ("−" if expected < 0 else "")
    assert cells[2] == f"{sign}{abs(expected):.1f} pt".replace(".", ",")


def test_period_table_rounds_shares_like_the_key_figures(busy: Path, tmp_path: Path) -> None:
    with Store.open(busy, PASSPHRASE) as store:
        pdf = reports.write_period_report(store, "2026-09", "2026-10", tmp_path / "p.pdf")
    text = pdf_text(pdf)
    key_share = row_numbers(between(text, "Chiffres clés", "Toutes les"), "dont dans les 48 h")[1]
    total = row_numbers(between(text, "Évolution mois par mois", "Le délai médian"), "Total")
    assert any(cell.endswith(f"({key_share})") for cell in total), total
