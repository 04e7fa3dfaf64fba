"""Small-count suppression for figures shown beyond one organisation: a count from 1 to
THRESHOLD - 1 is shown as "< THRESHOLD" and gets no bar, so no person can be identified."""

from __future__ import annotations

from reporting.figures import Figures, Row

THRESHOLD = 5


def suppressed(count: int) -> str:
    return f"< {THRESHOLD}" if 0 < count < THRESHOLD else str(count)


def suppress_rows(rows: list[Row]) -> list[Row]:
    """The rows as shown beyond one organisation: a small count keeps only its display text
    (count None), so no template can print the number."""
    for row in rows:
        row.display = suppressed(row.count)
        if 0 < row.count < THRESHOLD:
            row.share, row.count = 0.0, None
    return rows


def suppress(figures: Figures) -> dict:
    """The figures as shown nationally: display strings only, per-partner times left out."""
    return {
        "total": suppressed(figures.total),
        "open": suppressed(figures.open),
        "closed": suppressed(figures.closed),
        "per_month": suppress_rows(figures.per_month),
        "by_kind": suppress_rows(figures.by_kind),
        "by_channel": suppress_rows(figures.by_channel),
        "by_role": suppress_rows(figures.by_role),
        "by_severity": suppress_rows(figures.by_severity),
        "notices": suppressed(figures.notices),
        "median_ack_hours": figures.median_ack_hours if figures.acknowledged >= THRESHOLD else None,
        "deadlines_missed": suppressed(figures.deadlines_missed),
        "avoidance_total": suppressed(figures.avoidance_total),
        "avoidance_by_kind": suppress_rows(figures.avoidance_by_kind),
        "measures_by_step": suppress_rows(figures.measures_by_step),
        "aangifte_by_status": suppress_rows(figures.aangifte_by_status),
        "by_outcome": suppress_rows(figures.by_outcome),
    }
