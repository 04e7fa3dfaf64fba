"""Autosave never performs a workflow action.

Wagtail 8's editor polls the form every 500 ms and autosaves what changed. A workflow button
("Goedkeuren en publiceren") adds hidden inputs (action-workflow-action, workflow-action-name) to
the form and submits it; while that submission runs (seconds for a large page), the poll sees
the new inputs as a change and autosaves the form with them: a second, JSON request for the same
approval. Whichever comes second finds a newer revision and is refused as a conflict (400), so
the approval could fail while it also succeeded. An autosave carrying action fields is therefore
answered without doing anything: the submission itself performs the action.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from wagtail import hooks
from wagtail.models import Page

# Fields only a deliberate submission carries (the footer's buttons and the workflow script).
ACTION_FIELDS = (
    "action-publish",
    "action-submit",
    "action-workflow-action",
    "action-restart-workflow",
    "action-cancel-workflow",
)


def is_autosave(request: HttpRequest) -> bool:
    """As Wagtail's edit view decides: a POST that does not accept HTML wants the JSON answer
    of an autosave."""
    return request.method == "POST" and not request.accepts("text/html")


@hooks.register("before_edit_page")
def autosave_performs_no_action(request: HttpRequest, page: Page) -> JsonResponse | None:
    if not is_autosave(request) or not any(request.POST.get(f) for f in ACTION_FIELDS):
        return None
    latest = Page.objects.get(pk=page.pk).get_latest_revision()
    # The answer of an autosave that found nothing to save: the editor keeps its state and the
    # submission that is under way (it navigates away) does the work.
    return JsonResponse(
        {
            "success": True,
            "pk": page.pk,
            "revision_id": latest.pk if latest else None,
            "revision_created_at": latest.created_at.isoformat() if latest else None,
        }
    )
