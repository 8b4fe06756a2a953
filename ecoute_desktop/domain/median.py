"""The band that holds the median, from counts per band in their order (delays, answers)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def median_of_counts(counts: Mapping[str, int], order: Sequence[str]) -> str | None:
    """The first band of `order` at which half the counted items are reached (None if none)."""
    total = sum(counts.get(band, 0) for band in order)
    running = 0
    for band in order:
        running += counts.get(band, 0)
        if total and running * 2 >= total:
            return band
    return None
