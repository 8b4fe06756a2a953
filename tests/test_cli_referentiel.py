"""`ecoute referentiel`: the coordinator draws the key and publishes; `import` prints the
changes then applies them; `show --json` prints the version and the tree; a refused file
exits 1 with its French reason and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from ecoute_desktop.cli import main
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE


def run(monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return int(code or 0), out, err


def base(tmp_path: Path, name: str) -> str:
    path = tmp_path / name / "ecoute.db"
    Store.create(path, PASSPHRASE).close()
    return str(path)


def test_publish_import_show_and_a_newer_version(tmp_path, monkeypatch, capsys):
    coordination, hotliner = base(tmp_path, "coordination"), base(tmp_path, "ecoutant")
    v1, v2 = tmp_path / "v1.ecoute-referentiel", tmp_path / "v2.ecoute-referentiel"

    code, out, _ = run(monkeypatch, capsys, "--db", coordination, "referentiel", "key")
    words = out.strip().split(" : ", 1)[1]
    assert code == 0 and len(words.split(" · ")) == 6
    code, out, _ = run(
        monkeypatch, capsys, "--db", coordination, "referentiel", "publish", "-o", str(v1)
    )
    assert code == 0 and "version 1" in out and words in out

    code, out, _ = run(monkeypatch, capsys, "--db", hotliner, "referentiel", "import", str(v1))
    assert code == 0 and words in out and "Première importation" in out
    assert out.rstrip().endswith("Référentiel version 1 installé.")
    code, out, _ = run(monkeypatch, capsys, "--db", hotliner, "referentiel", "import", str(v1))
    assert (
        code == 0 and out.strip() == "Le référentiel version 1 est déjà installé : rien ne change."
    )

    with Store.open(Path(coordination), PASSPHRASE) as store:
        juridique = next(t for t in store.themes.all() if t.label == "Juridique")
        store.themes.rename(juridique.id, "Droit et statut")
        conflit = next(t for t in store.themes.all() if t.path == "Droit et statut/Conflit")
        store.themes.set_retired(conflit.id)
    run(monkeypatch, capsys, "--db", coordination, "referentiel", "publish", "-o", str(v2))
    code, out, _ = run(monkeypatch, capsys, "--db", hotliner, "referentiel", "import", str(v2))
    lines = out.splitlines()
    assert code == 0 and "Première importation" not in out
    assert "  Thème renommé : « Juridique » devient « Droit et statut »" in lines
    assert "  Thème retiré : « Droit et statut/Conflit »" in lines
    assert lines[-1] == "Référentiel version 2 installé."

    code, out, _ = run(monkeypatch, capsys, "--db", hotliner, "referentiel", "show", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["version"] == 2 and shown["key_fingerprint"] == words
    droit = next(t for t in shown["themes"] if t["label"] == "Droit et statut")
    assert droit["id"].startswith("th-") and droit["local"] is False
    assert {"label": "Conflit", "retired": True, "local": False}.items() <= next(
        s for s in droit["sub_themes"] if s["label"] == "Conflit"
    ).items()
    assert {d["label"] for d in shown["directory"]} >= {"Centre de gestion", "CNFPT"}


def test_a_tampered_or_foreign_file_exits_1_and_changes_nothing(tmp_path, monkeypatch, capsys):
    coordination, hotliner = base(tmp_path, "coordination"), base(tmp_path, "ecoutant")
    other = base(tmp_path, "autre")
    v1, foreign = tmp_path / "v1.ecoute-referentiel", tmp_path / "autre.ecoute-referentiel"
    run(monkeypatch, capsys, "--db", coordination, "referentiel", "publish", "-o", str(v1))
    run(monkeypatch, capsys, "--db", other, "referentiel", "publish", "-o", str(foreign))
    run(monkeypatch, capsys, "--db", hotliner, "referentiel", "import", str(v1))
    _, before, _ = run(monkeypatch, capsys, "--db", hotliner, "referentiel", "show", "--json")

    code, out, err = run(
        monkeypatch, capsys, "--db", hotliner, "referentiel", "import", str(foreign)
    )
    assert code == 1 and out == "" and "signé par une autre clé" in err

    document = json.loads(v1.read_text(encoding="utf-8"))
    document["version"] = 2
    document["directory"][0]["contact"] = "01 99 99 99 99"
    v1.write_text(json.dumps(document), encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "--db", hotliner, "referentiel", "import", str(v1))
    assert code == 1 and "signature invalide" in err and "v1.ecoute-referentiel" in err

    _, after, _ = run(monkeypatch, capsys, "--db", hotliner, "referentiel", "show", "--json")
    assert after == before
