"""The evaluation's own small tables in data/ beside this file: one entry a line, `#` lines comments."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent / "data"


def lines(name: str) -> list[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [ln.rstrip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
