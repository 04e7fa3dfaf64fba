"""Admin home panels of home: the user's own organisations (members) and the organisations whose
provisioning is not finished (national editors). Each panel costs a fixed number of queries."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .models import OrganisationContact, OrganisationPage
from .tenancy import Role, for_user, is_national_editor, originals

ROLE_LABELS = {
    Role.EDITOR: _("redacteur"),
    Role.PUBLISHER: _("publiceerder"),
    Role.COORDINATOR: _("veiligheidscoördinator"),
}
# Shown on the national editors' home; the full list is under Organisatie inrichten.
PANEL_ROWS = 10


class DashboardPanel(Component):
    """A panel of the admin home with the shared dashboard styles (any app's panel may extend
    it): shown_to says who sees it (by default everyone but superusers, who see every
    organisation through the overview panels), panel_context what it shows."""

    class Media:
        css = {"all": ["home/admin-dashboard.css"]}

    def shown_to(self, user) -> bool:
        return not user.is_superuser

    def panel_context(self, user) -> dict:
        raise NotImplementedError

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        if not self.shown_to(user):
            return {"show": False}
        return {"show": True, **self.panel_context(user)}


def is_coordinator(user) -> bool:
    """A veiligheidscoördinator of at least one organisation (superusers are not)."""
    return not user.is_superuser and for_user(user, Role.COORDINATOR).exists()


def _has_members(group_field: str) -> Exists:
    memberships = get_user_model().groups.through.objects.filter(group_id=OuterRef(group_field))
    return Exists(memberships)


def unfinished_organisations() -> QuerySet[OrganisationPage]:
    """Organisations a national editor still has to finish after provisioning: a role without
    accounts, no contact persons, or a home page that is not published (protocols and toolkit
    have their own panels). One query."""
    return (
        originals()
        .annotate(
            has_editors=_has_members("editors_group_id"),
            has_publishers=_has_members("publishers_group_id"),
            has_coordinators=_has_members("coordinators_group_id"),
            has_contacts=Exists(OrganisationContact.objects.filter(page=OuterRef("pk"))),
        )
        .exclude(
            has_editors=True,
            has_publishers=True,
            has_coordinators=True,
            has_contacts=True,
            live=True,
        )
        .order_by("title")
    )


def open_steps(org: OrganisationPage) -> list[str]:
    """What is missing, in the words of the provisioning page's next steps."""
    steps = []
    if not (org.has_editors and org.has_publishers and org.has_coordinators):
        steps.append(str(_("accounts")))
    if not org.has_contacts:
        steps.append(str(_("contactgegevens")))
    if not org.live:
        steps.append(str(_("startpagina publiceren")))
    return steps


class MyOrganisationPanel(DashboardPanel):
    """The organisations the user works for ("Je organisatie"), the roles and where to go."""

    name = "home_my_organisation"
    template_name = "home/admin/dashboard/my_organisation.html"
    order = 50

    def panel_context(self, user) -> dict:
        group_ids = set(user.groups.values_list("pk", flat=True))
        rows = []
        for org in for_user(user).order_by("title"):
            roles = [
                ROLE_LABELS[role] for role in Role if getattr(org, f"{role.value}_id") in group_ids
            ]
            rows.append(
                {
                    "organisation": org,
                    "roles": ", ".join(str(label) for label in roles),
                    "may_edit": bool({org.editors_group_id, org.publishers_group_id} & group_ids),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[org.pk]),
                    "explore_url": reverse("wagtailadmin_explore", args=[org.pk]),
                }
            )
        return {"organisations": rows}


class ProvisioningPanel(DashboardPanel):
    """National editors: organisations whose provisioning is not finished."""

    name = "home_unfinished_provisioning"
    template_name = "home/admin/dashboard/unfinished_provisioning.html"
    order = 60

    def shown_to(self, user) -> bool:
        return is_national_editor(user)

    def panel_context(self, user) -> dict:
        unfinished = unfinished_organisations()
        rows = [
            {
                "organisation": org,
                "steps": open_steps(org),
                "url": f"{reverse('home_provision_organisation')}?ingericht={org.pk}",
            }
            for org in unfinished[:PANEL_ROWS]
        ]
        total = len(rows) if len(rows) < PANEL_ROWS else unfinished.count()
        return {"rows": rows, "total": total, "more": total - len(rows)}
