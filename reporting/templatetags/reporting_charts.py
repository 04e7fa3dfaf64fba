"""Geometry of the inline SVG column chart (no JavaScript, no external library)."""

from __future__ import annotations

from django import template

register = template.Library()

SLOT, BAR, HEIGHT = 60, 44, 120


@register.inclusion_tag("reporting/admin/includes/columns.html")
def column_chart(rows) -> dict:
    columns = []
    for index, row in enumerate(rows):
        height = round(row.share * HEIGHT)
        columns.append(
            {
                "x": index * SLOT + (SLOT - BAR) // 2,
                "centre": index * SLOT + SLOT // 2,
                "y": HEIGHT - height + 14,
                "height": height,
                "row": row,
            }
        )
    return {"columns": columns, "width": max(len(rows), 1) * SLOT, "base": HEIGHT + 14}
