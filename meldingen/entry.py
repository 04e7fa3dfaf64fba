"""Where to report: the Melden pages that are open to the public, grouped by kind of
organisation for the chooser, and the reporter's own organisation's page."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from home.models import OrganisationKind, OrganisationPage
from home.tenancy import for_user, originals
from meldingen.models import Melding


def melden_pages():
    """MeldenPage, looked up by name: meldingen.pages imports the views that import this."""
    return apps.get_model("meldingen", "MeldenPage").objects


@dataclass
class Entry:
    organisation: OrganisationPage
    page: Page


def melden_entries(query: str = "") -> list[Entry]:
    """Every organisation with a live, public Melden page (Dutch originals), by name; narrowed
    to names containing query."""
    organisations = originals().live().public().order_by("title")
    if query:
        organisations = organisations.filter(title__icontains=query)
    organisations = organisations.only("pk", "title", "path", "kind", "url_path")
    by_path = {org.path: org for org in organisations}
    if not by_path:
        return []
    pages = (
        melden_pages()
        .live()
        .public()
        .filter(locale__language_code="nl")
        .only("pk", "title", "path", "url_path", "depth")
    )
    entries = []
    for page in pages:
        organisation = by_path.get(page.path[: -Page.steplen])
        if organisation is not None:
            entries.append(Entry(organisation, page))
    return sorted(entries, key=lambda entry: entry.organisation.title.lower())


GROUP_LABELS = {
    OrganisationKind.GEMEENTE: _("Gemeenten"),
    OrganisationKind.PROVINCIE: _("Provincies"),
    OrganisationKind.WATERSCHAP: _("Waterschappen"),
}


def grouped(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries by kind of organisation (gemeenten, provincies, waterschappen), kinds in order."""
    groups = []
    for kind, label in GROUP_LABELS.items():
        members = [entry for entry in entries if entry.organisation.kind == kind.value]
        if members:
            groups.append((label, members))
    return groups


def own_organisations(user) -> list[OrganisationPage]:
    """The organisations a logged-in reporter belongs to: as a member of one of its groups
    (superusers excepted: they belong everywhere), else where they reported before."""
    if not (user and user.is_authenticated):
        return []
    if not user.is_superuser:
        members = list(for_user(user)[:2])
        if members:
            return members
    reported = Melding.objects.filter(reporter=user).values("organisation")
    return list(originals().filter(Q(pk__in=reported))[:2])


def own_melden_page(user) -> Page | None:
    """The Melden page of the reporter's own organisation, in the active language where it is
    translated; None when the reporter has none or more than one organisation."""
    organisations = own_organisations(user)
    if len(organisations) != 1:
        return None
    page = melden_pages().child_of(organisations[0]).live().public().first()
    return page.localized if page is not None else None
