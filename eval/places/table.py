"""Printing figures as numerator/denominator with their target and a ✓/✗ mark."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Target:
    bound: Literal["at most", "at least"]
    value: float  # a fraction: 0.003 is 0.3%

    def met(self, num: int, den: int) -> bool:
        if not den:
            return False
        rate = num / den
        return rate <= self.value + 1e-12 if self.bound == "at most" else rate >= self.value - 1e-12

    def __str__(self) -> str:
        sign = "≤" if self.bound == "at most" else "≥"
        if self.value == 0 and self.bound == "at most":
            return "target 0"
        return f"target {sign} {100 * self.value:g}%"


LABEL_WIDTH = 62


def pct(num: int, den: int) -> str:
    if not den:
        return f"{num}/{den}"
    rate = 100.0 * num / den
    return f"{num}/{den} = {rate:.2f}%" if rate < 1 and num else f"{num}/{den} = {rate:.1f}%"


def line(label: str, num: int, den: int, target: Target | None = None, indent: int = 0) -> str:
    head = ("  " * indent + label).ljust(LABEL_WIDTH)
    figure = pct(num, den).ljust(22)
    if target is None:
        return f"{head} {figure}".rstrip()
    mark = "✓" if target.met(num, den) else "✗"
    return f"{head} {figure} {str(target):<14} {mark}"


@dataclass(frozen=True)
class Figure:
    """A headline figure of one split, for the closing summary."""

    label: str
    num: int
    den: int
    target: Target


def summary(figures: dict[str, list[Figure]]) -> list[str]:
    """The headline figures of each split side by side, with their targets."""
    splits = list(figures)
    width = 24
    out = ["figure".ljust(LABEL_WIDTH - 14) + "".join(s.ljust(width) for s in splits) + "target"]
    for i, first in enumerate(figures[splits[0]]):
        cells = ""
        for s in splits:
            f = figures[s][i]
            cells += f"{pct(f.num, f.den)} {'✓' if f.target.met(f.num, f.den) else '✗'}".ljust(width)
        out.append(first.label.ljust(LABEL_WIDTH - 14) + cells + str(first.target).replace("target ", ""))
    return out
