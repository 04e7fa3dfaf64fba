"""Wagtail's "awaiting your review" panel on the admin home, with the reviewable task states
found in one query: Wagtail asks every active task in turn (a query per group approval task,
and every organisation has its own), which grows with the number of organisations."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import GroupApprovalTask, Page, Revision, TaskState


def reviewable_states(user) -> QuerySet[TaskState]:
    """In-progress states of the group approval tasks user may moderate (superusers: all), as
    GroupApprovalTask.get_task_states_user_can_moderate decides per task. The meldingen' own
    tasks offer none here (they have their own panel)."""
    tasks = GroupApprovalTask.objects.filter(active=True)
    if not user.is_superuser:
        tasks = tasks.filter(groups__in=user.groups.all())
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, task__in=tasks.values("pk")
    )


class ReviewablePagesPanel(WorkflowObjectsToModeratePanel):
    """WorkflowObjectsToModeratePanel with reviewable_states() as its source."""

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"states": [], "request": request, "csrf_token": parent_context["csrf_token"]}
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        states = (
            reviewable_states(request.user)
            .select_related("revision", "revision__user", "workflow_state", "task")
            .prefetch_related(
                "revision__content_object", "revision__content_object__latest_revision"
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )
        for state in states:
            obj = state.revision.content_object
            if not obj or not isinstance(obj, Page):
                continue
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": state.task.specific.get_actions(obj, request.user),
                    "workflow_tasks": state.workflow_state.all_tasks_with_status(),
                    "workflow_action_url_name": "wagtailadmin_pages:workflow_action",
                    "workflow_preview_url_name": (
                        "wagtailadmin_pages:workflow_preview"
                        if getattr(obj, "is_previewable", False)
                        else None
                    ),
                    "revisions_compare_url_name": "wagtailadmin_pages:revisions_compare",
                }
            )
        return context


def replace_stock_panels(panels: list) -> None:
    """Wagtail's review panel by ReviewablePagesPanel, in place."""
    for index, panel in enumerate(panels):
        if type(panel) is WorkflowObjectsToModeratePanel:
            panels[index] = ReviewablePagesPanel()
