"""A learned second look at a misspelling the rules keep at `info`: may it be a `warning`?

The rules (`verdicts.misspelling`, EVIDENCE.md) warn on two independent signals and keep one at
`info`. This module weighs the same named evidence together (how many edits, how big and how
near the near miss is, the word's role, its spelling...) with a logistic model whose weights are
a small data file, `data/places/misspelling_severity.json`, trained on dev half A by
`eval/train_place_severity.py`: positives the injected misspellings, negatives every honest
candidate that reaches the verdict (annotated names, PolNeAR, stress transplants). A word the
rules keep at `info` becomes a `warning` when the model's probability reaches the file's
threshold, chosen on half A for a false-alarm budget. The model never lowers a rules' warning
and never makes a finding the rules did not: the card still names the near miss and the
evidence the model weighed most.

`SOURCEMARK_PLACE_SEVERITY` names another weights file (a half's, to measure it on the other
half); "none" turns the model off. `COLLECT`, when a list, receives every decision's features
(the training script's hook; off in the service).
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path

from .. import datafiles
from .model import MissEvidence, NearPlace

WEIGHTS = "places/misspelling_severity.json"

# Training hook: a list receives (candidate key, features, rules' severity) for each decision.
COLLECT: list | None = None


def features(ev: MissEvidence, p: NearPlace, kind: str, rule_signals: list[str]) -> dict[str, float]:
    """The named evidence about near miss p of the word, as numbers (1.0 for a fact that holds)."""
    c = ev.candidate
    key = c.key.replace(" ", "")
    f: dict[str, float] = {
        "bias": 1.0,
        "one_edit": float(p.edits == 1),
        "log_pop": math.log10(p.pop + 10) - 4.0,
        "main_name": float(p.main_name),
        "close": float(p.close),
        "in_country": float(p.in_country),
        "notable": float(p.notable),
        "off_world": float(p.off_world),
        "home": float(p.home),
        "swapped": float(p.swapped),
        "odd_letters": float(bool(ev.odd_letters)),
        # How rare the word's rarest letter run is among place names, and how much rarer than
        # its near miss's (a slip makes a run the name lacks; a real name has names' runs).
        "rarest_letters": math.log10(1 + ev.rarest_letters) - 2.0,
        "rarer_than_name": math.log10(1 + p.name_rarest) - math.log10(1 + ev.rarest_letters),
        "letters": (len(key) - 8) / 4.0,
        "words": float(len(c.key.split()) - 1),
        "firm": float(c.firm),
        "from_entity": float(c.from_entity),
        "opens_clause": float(c.opens_clause),
        "settlement": float(bool(c.settlement)),
        "listed": float(c.listed),
        "capitals": float(c.text.isupper()),
        "near_misses": math.log2(len(ev.near)),
        "any_close_one_edit": float(any(q.close and q.edits == 1 for q in ev.near)),
        "signals": float(len(rule_signals)),
    }
    f[f"kind={kind}"] = 1.0
    f[f"role={c.role.value}"] = 1.0
    f[f"cue={c.cue.value}"] = 1.0
    f[f"label={c.label or 'none'}"] = 1.0
    for s in rule_signals:
        f[f"signal={s}"] = 1.0
    return f


@lru_cache(maxsize=1)
def table() -> dict | None:
    """The weights and threshold; None when there are none or the model is turned off."""
    other = os.environ.get("SOURCEMARK_PLACE_SEVERITY")
    if other == "none":
        return None
    try:
        data = json.loads(Path(other).read_text(encoding="utf-8")) if other else datafiles.json(WEIGHTS)
    except (FileNotFoundError, OSError):
        return None
    return data if data.get("weights") else None


def probability(f: dict[str, float], w: dict[str, float]) -> float:
    z = sum(w.get(name, 0.0) * value for name, value in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def strongest(f: dict[str, float], w: dict[str, float], n: int = 3) -> tuple[str, ...]:
    """The facts that raised the probability most, for the card."""
    parts = sorted(((w.get(k, 0.0) * v, k) for k, v in f.items() if k in FACTS and v), reverse=True)
    return tuple(k for contrib, k in parts[:n] if contrib > 0)


def record(ev: MissEvidence, p: NearPlace, kind: str, rule_signals: list[str]) -> None:
    """Training only: record a decision the model does not look at (a subject's word)."""
    if COLLECT is not None:
        COLLECT.append((ev.candidate.key, features(ev, p, kind, rule_signals)))


def raises(ev: MissEvidence, p: NearPlace, kind: str, rule_signals: list[str]) -> tuple[str, ...] | None:
    """Does the model make this `info` a warning? The facts it weighed most, or None."""
    t = table()
    if t is None and COLLECT is None:
        return None
    f = features(ev, p, kind, rule_signals)
    if COLLECT is not None:
        COLLECT.append((ev.candidate.key, f))
    if t is None:
        return None
    w = t["weights"]
    if probability(f, w) >= t["threshold"]:
        return strongest(f, w)
    return None



# How the card words each fact the model may weigh most (features not listed are not named).
FACTS = {
    "one_edit": "the word is one letter from its name",
    "log_pop": "the place is sizeable",
    "main_name": "the word is near its own name, not an alternate one",
    "close": "it lies close to the article's other places",
    "in_country": "it is a sizeable town of the article's country",
    "notable": "it is a notable place",
    "home": "it lies in the article's country",
    "swapped": "the word swaps two neighbouring letters of its name",
    "odd_letters": "the word holds letters no place name does",
    "rarest_letters": "the word holds letters few place names do",
    "rarer_than_name": "the word's letters are rarer among place names than its name's",
    "letters": "the word is long",
    "firm": "the sentence makes the word a place",
    "settlement": "the text calls the word a settlement",
    "listed": "the word is listed with other places",
    "any_close_one_edit": "a town one letter off lies close by",
    "signals": "the rules' signals",
    "signal=world": "it lies in the article's world",
    "signal=size": "it is a notable place",
    "signal=slip": "the word is spelt as a typist slips",
    "signal=firm role": "the sentence makes the word a place",
}


def worded(facts: tuple[str, ...]) -> list[str]:
    """The card's words for the facts the model weighed most (known facts only, each once)."""
    out: list[str] = []
    for f in facts:
        w = FACTS.get(f)
        if w and w not in out:
            out.append(w)
    return out
