"""Who may do what with protocols. Page permissions on the tree do the real work: the template
lives under the national home (only the Landelijke redactie has permissions there), each
organisation's protocol under its organisation root (only that organisation's groups)."""

from __future__ import annotations

from wagtail.models import Page

from home.models import OrganisationPage

from .models import ProtocolPage


def can_derive(user, organisation: OrganisationPage) -> bool:
    """May create the organisation's protocol: has the add permission on the organisation root.

    (can_add_subpage() would also require the protocol type to be creatable by hand; it is not,
    deriving is the only way in.)
    """
    if not user.is_active:
        return False
    tester = organisation.permissions_for_user(user)
    return user.is_superuser or "add" in tester.permissions


def can_edit_protocol(user, protocol: Page) -> bool:
    return isinstance(protocol, ProtocolPage) and protocol.permissions_for_user(user).can_edit()
