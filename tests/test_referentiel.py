"""The shared référentiel: the coordinator publishes a signed file; a hotliner's laptop
trusts its key on first import, shows the changes, applies them in one go, keeps every
case's history through renames and retirements, and refuses another key or a tampered file
without changing anything."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.referentiel import ChangeKind
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.referentiel_file import ReferentielError
from ecoute_desktop.services.referentiel_plan import OtherKeyError, Status
from tests.referentiel_helpers import new_base, publish, snapshot, target_id, theme_id


@pytest.fixture
def coordinator(tmp_path: Path):
    services = new_base(tmp_path, "coordination")
    yield services
    services._store.close()


@pytest.fixture
def hotliner(tmp_path: Path):
    services = new_base(tmp_path, "ecoutant")
    yield services
    services._store.close()


def tagged_case(services: Services, *paths: str) -> int:
    case = services.cases.create(
        Case("", datetime(2026, 10, 5, 9, tzinfo=UTC), Member("Fictif", "Élodie"))
    )
    assert case.id is not None
    services.cases.set_themes(case.id, [theme_id(services, p) for p in paths])
    return case.id


def test_publish_then_first_import_trusts_the_key_and_adopts_the_default_tree(
    coordinator, hotliner, tmp_path
):
    words = coordinator.referentiel.publisher_fingerprint()
    path = publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 1 and document["published_on"] == "2026-12-04"
    assert len(document["signature"]) == 128

    plan = hotliner.referentiel.preview_import(path)
    assert plan.first_key and plan.fingerprint == words and len(words.split(" · ")) == 6
    assert plan.status is Status.NEWER
    # Same default taxonomy on both laptops: themes are matched by name, nothing doubles.
    assert [c for c in plan.changes if c.area == "Thème"] == []
    before = len(hotliner.reference.themes(include_retired=True))

    hotliner.referentiel.import_file(path)
    assert hotliner.referentiel.installed().version == 1
    assert hotliner.referentiel.trusted_fingerprint() == words
    themes = hotliner.reference.themes(include_retired=True)
    assert len(themes) == before and all(t.ref_id for t in themes)
    published = {t["label"]: t["id"] for t in document["themes"]}
    assert {t.label: t.ref_id for t in themes if t.parent_id is None}.items() <= published.items()


def test_reimport_changes_nothing(coordinator, hotliner, tmp_path):
    path = publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    hotliner.referentiel.import_file(path)
    before = snapshot(hotliner)
    plan = hotliner.referentiel.import_file(path)
    assert plan.status is Status.SAME and plan.changes == []
    assert "déjà installé" in plan.summary()
    assert snapshot(hotliner) == before


def test_newer_version_renames_and_retires_keeping_each_case_history(
    coordinator, hotliner, tmp_path
):
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    case_id = tagged_case(hotliner, "Juridique/Conflit", "Carrière/Mobilité")
    local = hotliner.reference.add_theme("Télétravail")  # added on this laptop only

    coordinator.reference.rename_theme(theme_id(coordinator, "Juridique"), "Droit et statut")
    coordinator.reference.set_theme_retired(theme_id(coordinator, "Carrière/Mobilité"), True)
    v2 = publish(coordinator, tmp_path / "v2.ecoute-referentiel", date(2027, 1, 15))

    plan = hotliner.referentiel.preview_import(v2)
    lines = [str(c) for c in plan.changes]
    assert plan.status is Status.NEWER and not plan.first_key
    assert "Thème renommé : « Juridique » devient « Droit et statut »" in lines
    assert "Thème retiré : « Carrière/Mobilité »" in lines
    assert len([c for c in plan.changes if c.area == "Thème"]) == 2
    assert "Juridique" in hotliner.cases.get(case_id).top_themes  # a preview changes nothing

    hotliner.referentiel.import_file(v2)
    case = hotliner.cases.get(case_id)
    assert sorted(t.path for t in case.themes) == ["Carrière/Mobilité", "Droit et statut/Conflit"]
    assert hotliner.referentiel.installed().version == 2
    shown = [t.path for t in hotliner.reference.themes()]
    assert "Carrière/Mobilité" not in shown and "Droit et statut/Conflit" in shown
    kept = hotliner.reference.themes(include_retired=True)
    assert next(t for t in kept if t.id == local.id).ref_id is None  # still there, local

    older = hotliner.referentiel.import_file(tmp_path / "v1.ecoute-referentiel")
    assert older.status is Status.OLDER
    assert "Droit et statut" in hotliner.cases.get(case_id).top_themes


def test_added_and_moved_entries_are_listed(coordinator, hotliner, tmp_path):
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    coordinator.reference.add_theme("Santé au travail")
    coordinator.reference.move_theme(
        theme_id(coordinator, "Management/Transversal"), theme_id(coordinator, "Relationnel")
    )
    with pytest.raises(ValueError, match="Seul un sous-thème"):
        coordinator.reference.move_theme(
            theme_id(coordinator, "Juridique"), theme_id(coordinator, "Relationnel")
        )
    case_id = tagged_case(hotliner, "Management/Transversal")
    plan = hotliner.referentiel.preview_import(
        publish(coordinator, tmp_path / "v2.ecoute-referentiel")
    )
    kinds = {(c.kind, c.text) for c in plan.changes}
    assert (ChangeKind.ADDED, "« Santé au travail »") in kinds
    assert (ChangeKind.MOVED, "« Transversal » passe de « Management » à « Relationnel »") in kinds
    hotliner.referentiel.import_file(tmp_path / "v2.ecoute-referentiel")
    assert [t.path for t in hotliner.cases.get(case_id).themes] == ["Relationnel/Transversal"]


def test_a_file_from_another_key_is_refused(coordinator, hotliner, tmp_path):
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    impostor = new_base(tmp_path, "autre")
    impostor.reference.rename_theme(theme_id(impostor, "Juridique"), "Piège")
    with impostor._store.db.write() as conn:  # claims a later version
        conn.execute("UPDATE referentiel_state SET version = 8")
    other = publish(impostor, tmp_path / "autre.ecoute-referentiel")
    impostor._store.close()
    before = snapshot(hotliner)
    with pytest.raises(ReferentielError, match="signé par une autre clé") as refused:
        hotliner.referentiel.import_file(other)
    assert hotliner.referentiel.trusted_fingerprint() in str(refused.value)
    assert snapshot(hotliner) == before


def test_a_tampered_file_is_refused_with_nothing_changed(coordinator, hotliner, tmp_path):
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    coordinator.reference.add_theme("Retraite")
    path = publish(coordinator, tmp_path / "v2.ecoute-referentiel")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["themes"][0]["label"] = "Relationnel modifié"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = snapshot(hotliner)
    with pytest.raises(ReferentielError, match="signature invalide"):
        hotliner.referentiel.preview_import(path)
    with pytest.raises(ReferentielError, match="signature invalide"):
        hotliner.referentiel.import_file(path)
    assert snapshot(hotliner) == before


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d["themes"][0].update(label="x" * 500), "thèmes n° 1, champ « libellé »"),
        (lambda d: d.update(version="2"), "numéro de version"),
        (lambda d: d.update(extra=1), "champ non prévu"),
        (lambda d: d["directory"][0].pop("when"), "champ obligatoire manquant"),
    ],
)
def test_a_malformed_file_names_the_field(coordinator, tmp_path, damage, message):
    path = publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    document = json.loads(path.read_text(encoding="utf-8"))
    damage(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ReferentielError, match=message) as refused:
        coordinator.referentiel.preview_import(path)
    assert str(refused.value).startswith("v1.ecoute-referentiel : ")


def test_a_failure_while_applying_leaves_the_base_as_it_was(
    coordinator, hotliner, tmp_path, monkeypatch
):
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    coordinator.reference.rename_theme(theme_id(coordinator, "Juridique"), "Droit et statut")
    v2 = publish(coordinator, tmp_path / "v2.ecoute-referentiel")
    before = snapshot(hotliner)

    def broken(sheets):  # the themes and directory are already written when this fails
        raise OSError("disque débranché")

    monkeypatch.setattr(hotliner._store.referentiel, "replace_sheets", broken)
    with pytest.raises(OSError):
        hotliner.referentiel.import_file(v2)
    assert snapshot(hotliner) == before


def test_texts_follow_the_referentiel_unless_the_hotliner_wrote_their_own(
    coordinator, hotliner, tmp_path
):
    subject, body = hotliner.settings.confirmation_templates()
    hotliner.settings.save_templates(
        subject, body, "Ma charte à moi, {ecoutant}.", "https://framaforms.example.org/local"
    )
    coordinator.settings.save_templates(
        "Votre rendez-vous du {date_rdv}",
        body,
        "Charte de l'association.",
        "https://framaforms.example.org/association",
    )
    plan = hotliner.referentiel.preview_import(
        publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    )
    kept = [c.text for c in plan.changes if c.kind is ChangeKind.KEPT]
    assert any("la charte de confidentialité" in text for text in kept)
    hotliner.referentiel.import_file(tmp_path / "v1.ecoute-referentiel")
    assert hotliner.settings.confirmation_templates()[0] == "Votre rendez-vous du {date_rdv}"
    assert hotliner.settings.charter_template() == "Ma charte à moi, {ecoutant}."
    assert hotliner.settings.questionnaire_url() == "https://framaforms.example.org/local"

    coordinator.settings.save_templates(
        "Rendez-vous confirmé le {date_rdv}", body, "Charte de l'association.", ""
    )
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v2.ecoute-referentiel"))
    # untouched since the last référentiel set it: follows the new one
    assert hotliner.settings.confirmation_templates()[0] == "Rendez-vous confirmé le {date_rdv}"


def test_directory_changes_are_listed_and_applied(coordinator, hotliner, tmp_path):
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    cdg = target_id(coordinator, "Centre de gestion")
    coordinator.reference.save_target(
        cdg,
        "Centre de gestion départemental",
        False,
        telephone="01 99 00 00 01 (standard)",
        website="https://cdg.example.org",
        details="Carrière, retraite, médecine préventive.",
    )
    coordinator.reference.save_target(None, "Fonds d'aide", False, details="Difficultés")
    coordinator.reference.set_target_retired(target_id(coordinator, "SNDGCT"), True)
    plan = hotliner.referentiel.preview_import(
        publish(coordinator, tmp_path / "v2.ecoute-referentiel")
    )
    lines = {str(c) for c in plan.changes}
    assert {
        "Orientation renommée : « Centre de gestion » devient « Centre de gestion départemental »",
        "Orientation modifiée : « Centre de gestion départemental » (coordonnées ou « quand"
        " orienter »)",
        "Orientation ajoutée : « Fonds d'aide »",
        "Orientation retirée : « SNDGCT »",
    } <= lines
    hotliner.referentiel.import_file(tmp_path / "v2.ecoute-referentiel")
    entry = next(
        t for t in hotliner.reference.directory() if t.label == "Centre de gestion départemental"
    )
    assert (entry.telephone, entry.website, entry.details) == (
        "01 99 00 00 01 (standard)",
        "https://cdg.example.org",
        "Carrière, retraite, médecine préventive.",
    )
    assert "SNDGCT" not in {t.label for t in hotliner.reference.directory()}


def _resigned(document: dict) -> bytes:
    """A document altered then signed again (a forger with a key of their own)."""
    from ecoute_desktop.services.export_signing import public_key_hex, sign

    seed = bytes(range(32))
    document = {k: v for k, v in document.items() if k != "signature"}
    document["public_key"] = public_key_hex(seed)
    document["signature"] = sign(document, seed)
    return json.dumps(document).encode("utf-8")


def _sheet(pdf: bytes) -> dict:
    import base64

    return {
        "id": "fi-0000000a",
        "title": "Fiche",
        "file_name": "fiche.pdf",
        "pdf": base64.b64encode(pdf).decode(),
    }


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d["themes"].append(dict(d["themes"][0])), r"thèmes n° \d+ : en double"),
        (lambda d: d["themes"][0].update(parent="th-0000ffff"), "thème inconnu"),
        (lambda d: d["themes"][1].update(parent=d["themes"][7]["id"]), "thème inconnu"),
        (lambda d: d["sheets"].append(_sheet(b"MZ\x90\x00")), "ce n'est pas un PDF"),
        (lambda d: d["sheets"].append(_sheet(b"%PDF-" + b"0" * (5 * 2**20))), "plus de 5 Mo"),
        (lambda d: d["templates"].update(charter="{inconnu}"), "champ « charte »"),
        (lambda d: d.update(questionnaire_url="javascript:alert(1)"), "adresse du questionnaire"),
    ],
)
def test_a_signed_but_inconsistent_file_is_refused_with_nothing_changed(
    coordinator, hotliner, tmp_path, damage, message
):
    path = publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    document = json.loads(path.read_text(encoding="utf-8"))
    damage(document)
    path.write_bytes(_resigned(document))
    before = snapshot(hotliner)
    with pytest.raises(ReferentielError, match=message):
        hotliner.referentiel.import_file(path)
    assert snapshot(hotliner) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "fichier vide"),
        (b"\xff\xfe{\x00", "non UTF-8"),
        (b'{"format": "ecoute-referentiel", ', "JSON invalide ou tronqué"),
        (b"[" * 100_000 + b"]" * 100_000, "ce n'est pas un référentiel|imbriquée"),
        (b'{"format": "ecoute-export-anonymise"}', "ce n'est pas un référentiel"),
    ],
)
def test_a_file_that_is_not_a_referentiel_is_refused(hotliner, tmp_path, content, message):
    path = tmp_path / "mauvais.ecoute-referentiel"
    path.write_bytes(content)
    with pytest.raises(ReferentielError, match=message):
        hotliner.referentiel.preview_import(path)
    assert hotliner.referentiel.installed().version == 0


def test_a_file_over_the_size_limit_is_not_read(hotliner, tmp_path, monkeypatch):
    from ecoute_desktop.services import referentiel_file

    monkeypatch.setattr(referentiel_file, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "gros.ecoute-referentiel"
    path.write_bytes(b" " * 1001)
    with pytest.raises(ReferentielError, match="trop volumineux"):
        hotliner.referentiel.preview_import(path)


def test_a_file_changed_after_its_preview_is_not_applied(coordinator, hotliner, tmp_path):
    path = publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    plan = hotliner.referentiel.preview_import(path)
    coordinator.reference.add_theme("Ajout tardif")
    publish(coordinator, path)  # the same file name, now version 2
    before = snapshot(hotliner)
    with pytest.raises(ReferentielError, match="a changé depuis l'aperçu"):
        hotliner.referentiel.import_file(path, previewed=plan.referentiel)
    assert snapshot(hotliner) == before


def test_a_new_coordination_key_is_taken_only_with_its_six_words(coordinator, hotliner, tmp_path):
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    case_id = tagged_case(hotliner, "Juridique/Conflit")
    successor = new_base(tmp_path, "nouvelle")  # a new coordinator, a new base, version 1
    successor.reference.add_theme("Santé au travail")  # its tree has ids of its own
    other = publish(successor, tmp_path / "nouvelle.ecoute-referentiel")
    words = successor.referentiel.publisher_fingerprint()
    successor._store.close()
    before = snapshot(hotliner)
    with pytest.raises(OtherKeyError):
        hotliner.referentiel.preview_import(other, "abbaye kilos copier flanc fibre perle")
    assert snapshot(hotliner) == before

    typed = words.replace(" · ", " ").upper()  # as typed: spaces, capitals
    plan = hotliner.referentiel.preview_import(other, typed)
    assert plan.new_key and plan.applies and "Nouvelle clé" in plan.key_notice
    # Matched by name (other ids): nothing doubled, nothing retired, one theme added.
    assert [str(c) for c in plan.changes if c.area == "Thème"] == [
        "Thème ajouté : « Santé au travail »"
    ]
    hotliner.referentiel.import_file(other, previewed=plan.referentiel, new_key_words=typed)
    assert hotliner.referentiel.trusted_fingerprint() == words
    conflit = hotliner.cases.get(case_id).themes[0]
    assert conflit.path == "Juridique/Conflit" and conflit.id == theme_id(hotliner, conflit.path)
    assert conflit.ref_id == next(t.id for t in plan.referentiel.themes if t.label == "Conflit")
    assert len(hotliner.reference.themes()) == len([t for t in before[6] if not t.retired]) + 1
    with pytest.raises(OtherKeyError):  # the old key is no longer the one trusted
        hotliner.referentiel.preview_import(tmp_path / "v1.ecoute-referentiel")
