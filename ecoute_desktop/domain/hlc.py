"""Hybrid logical clock (Kulkarni et al., 2014) for the pair's field stamps.

A stamp is `(physical milliseconds, counter)`, written as a fixed-width string so that
text order is time order. The clock never goes backwards: a local event takes
`max(clock, physical time)` (the counter breaks ties), and a stamp received from the
partner moves the clock past it, so a change made after seeing the partner's sorts after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

_WIDTH_MS = 15
_WIDTH_COUNTER = 6


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    """One HLC value; compared as (physical ms, counter)."""

    ms: int
    counter: int = 0

    def text(self) -> str:
        return f"{self.ms:0{_WIDTH_MS}d}.{self.counter:0{_WIDTH_COUNTER}d}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """A stamp written by `text()`; ValueError for anything else."""
        ms, sep, counter = text.partition(".")
        if not sep or len(ms) != _WIDTH_MS or len(counter) != _WIDTH_COUNTER:
            raise ValueError("horodatage de binôme illisible")
        if not (ms.isdigit() and counter.isdigit()):
            raise ValueError("horodatage de binôme illisible")
        return cls(int(ms), int(counter))

    @property
    def at(self) -> datetime:
        return datetime.fromtimestamp(self.ms / 1000, UTC)


ZERO = Stamp(0, 0)


def millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class Clock:
    """The clock of one base; `value` is what it last gave or saw."""

    def __init__(self, value: Stamp = ZERO) -> None:
        self.value = value

    def tick(self, physical: datetime) -> Stamp:
        """A stamp for a local change noticed at `physical` (never before the last one)."""
        ms = millis(physical)
        if ms > self.value.ms:
            self.value = Stamp(ms, 0)
        else:
            self.value = Stamp(self.value.ms, self.value.counter + 1)
        return self.value

    def observe(self, received: Stamp) -> None:
        """A stamp from the partner: later local stamps sort after it."""
        if received > self.value:
            self.value = received
