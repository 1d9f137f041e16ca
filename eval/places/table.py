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
