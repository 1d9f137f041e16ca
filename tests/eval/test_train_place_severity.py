"""The severity model's trainer (eval/train_place_severity.py): fitted on one half's decisions,
it says what it raises among the other half's, out of sample."""

from __future__ import annotations

import json

import train_place_severity as trainer


def _rows(n_pos: int, n_neg: int, source: str) -> list[dict]:
    # misspellings: near a close town one edit off; honest decisions: neither
    pos = [{"source": f"typos-{source}", "key": f"t{k}", "y": 1,
            "f": {"bias": 1.0, "close": 1.0, "one_edit": 1.0, "letters": (k % 3) / 4}} for k in range(n_pos)]
    neg = [{"source": "honest", "key": f"h{k}", "y": 0,
            "f": {"bias": 1.0, "close": float(k % 7 == 0), "one_edit": 0.0, "letters": (k % 5) / 4}} for k in range(n_neg)]
    return pos + neg


def test_held_out_decisions_are_scored_with_the_weights_fitted_on_the_others(tmp_path, capsys):
    train, held = tmp_path / "a.json", tmp_path / "b.json"
    train.write_text(json.dumps(_rows(40, 200, "a")), encoding="utf-8")
    held.write_text(json.dumps(_rows(30, 100, "b")), encoding="utf-8")
    out = tmp_path / "w.json"
    assert trainer.main(["--from-features", str(train), "--score-features", str(held), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    line = next(x for x in printed.splitlines() if x.startswith("held out"))
    assert "misspellings raised 30/30" in line and "honest raised 0/100" in line
    table = json.loads(out.read_text(encoding="utf-8"))
    assert table["weights"]["close"] > 0 and 0.5 <= table["threshold"] <= 1
