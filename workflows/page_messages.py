"""The editor's message after a workflow action on a page says what happened.

Wagtail's edit view confirms every workflow action from the editor footer ("Goedkeuren en
publiceren" among them) with "Pagina ... is gewijzigd", also when the approval published the
page. This hook replaces that message with one naming the outcome.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.models import Page

PUBLISHED = _("Pagina ‘%(title)s’ is goedgekeurd en gepubliceerd.")
APPROVED = _("Pagina ‘%(title)s’ is goedgekeurd en gaat naar de volgende stap van de workflow.")
CHANGES_REQUESTED = _("Pagina ‘%(title)s’ is teruggestuurd: er zijn wijzigingen gevraagd.")


def outcome_message(page: Page, action_name: str) -> str | None:
    """The message for a workflow action just performed on page (fresh from the database)."""
    title = page.get_admin_display_title()
    if action_name == "approve":
        published = page.live and page.live_revision_id == page.latest_revision_id
        if published and not page.workflow_in_progress:
            return PUBLISHED % {"title": title}
        return APPROVED % {"title": title}
    if action_name == "reject":
        return CHANGES_REQUESTED % {"title": title}
    return None


@hooks.register("after_edit_page", order=-10)  # before hooks that answer with a redirect
def say_what_the_workflow_action_did(request: HttpRequest, page: Page) -> None:
    if "action-workflow-action" not in request.POST:
        return
    fresh = Page.objects.get(pk=page.pk)
    text = outcome_message(fresh, request.POST.get("workflow-action-name", ""))
    if text is None:
        return
    # As the edit view renders it (wagtail.admin.messages: HTML, the title escaped).
    updated = admin_messages.render(
        gettext("Page '%(page_title)s' has been updated.")
        % {"page_title": page.get_admin_display_title()},
        None,
    ).strip()
    # Reading the queued messages marks them used; all but Wagtail's "updated" are queued again.
    for message in list(messages.get_messages(request)):
        if str(message.message).strip() != updated:
            messages.add_message(request, message.level, message.message, message.extra_tags)
    admin_messages.success(request, text)
