"""Who needs a second factor: everyone who can see meldingen or use the Wagtail admin."""

from __future__ import annotations


def requires_second_factor(user) -> bool:
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.is_staff
        or user.has_perm("wagtailadmin.access_admin")
        or user.partners.exists()
    )
