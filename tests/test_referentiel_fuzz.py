"""Fuzzing (hypothesis): a référentiel file, however damaged, is read or refused in French.

A valid published document is altered at a generated place with a generated value, then
signed again (a forger's own key), so the damage reaches every check after the
signature; raw bytes reach the ones before it. What may come out is a `Referentiel` or a
`ReferentielError`; any other exception would be a traceback on a hotliner's screen.
Inputs are bounded and `deadline=None`: speed is not asserted here.
"""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ecoute_desktop.services.export_signing import public_key_hex, sign
from ecoute_desktop.services.referentiel_file import ReferentielError, parse
from tests.referentiel_helpers import new_base, publish

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SEED = bytes(range(32))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder: Path = tmp_path_factory.mktemp("referentiel")
    services = new_base(folder, "coordination")
    sheet = folder / "fiche.pdf"
    sheet.write_bytes(b"%PDF-1.4 fiche")
    services.referentiel.add_sheet(sheet, "Fiche")
    path = publish(services, folder / "v1.ecoute-referentiel")
    services._store.close()
    return json.loads(path.read_text(encoding="utf-8"))


values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=True),
        st.text(max_size=300),
        st.sampled_from(["th-00000000", "or-0000000a", "%PDF-", "", "\u0000", "x" * 2000]),
    ),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=12,
)


def _places(document: Any, path: tuple = ()) -> list[tuple]:
    """Every key and index of the document (the PDF's base64 text included)."""
    found = [path] if path else []
    if isinstance(document, dict):
        for key, value in document.items():
            found += _places(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _places(value, (*path, index))
    return found


def _leaves(document: Any) -> list[Any]:
    if isinstance(document, dict):
        return [leaf for value in document.values() for leaf in _leaves(value)]
    if isinstance(document, list):
        return [leaf for value in document for leaf in _leaves(value)]
    return [document]


@FUZZ
@given(data=st.data())
def test_an_altered_and_resigned_file_is_read_or_refused(published, data) -> None:
    document = copy.deepcopy(published)
    places = [p for p in _places(document) if p[0] not in ("signature", "public_key")]
    place = data.draw(st.sampled_from(places))
    target = document
    for step in place[:-1]:
        target = target[step]
    if data.draw(st.booleans()) and isinstance(target, dict):
        del target[place[-1]]
    else:
        ids = sorted({v for v in _leaves(published) if isinstance(v, str) and v[2:3] == "-"})
        target[place[-1]] = data.draw(values | st.sampled_from([*ids, "th-0000ffff"]))
    document.pop("signature")
    document["public_key"] = public_key_hex(SEED)
    document["signature"] = sign(document, SEED)
    try:
        text = json.dumps(document, ensure_ascii=False)
    except ValueError:  # a float JSON cannot hold: nothing to read
        return
    try:
        parse(text.encode("utf-8", "surrogatepass"), "fuzz.ecoute-referentiel")
    except ReferentielError as error:
        assert str(error).startswith("fuzz.ecoute-referentiel : ")


@FUZZ
@given(cut=st.integers(0, 5000), noise=st.binary(max_size=64))
def test_truncated_or_noisy_bytes_are_refused_in_french(published, cut, noise) -> None:
    data = json.dumps(published).encode("utf-8")
    damaged = data[:cut] + noise + data[cut + len(noise) :]
    with contextlib.suppress(ReferentielError):
        parse(damaged, "fuzz.ecoute-referentiel")
