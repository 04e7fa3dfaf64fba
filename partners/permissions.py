"""Who sees which notices: the partner inbox scope."""

from __future__ import annotations

from partners.models import Notice, Partner


def notices_for_partner_user(user):
    """Notices addressed to any partner the user works for (partner inbox scope)."""
    if not user.is_authenticated:
        return Notice.objects.none()
    # A subquery, not a join through the users table: no DISTINCT needed, so the newest
    # notices come straight from the created_at index.
    partners = Partner.objects.filter(users=user, active=True).values("pk")
    return Notice.objects.filter(partner__in=partners)
