"""Admin dashboard panel: meldingen of the user's own organisations waiting for a step."""

from __future__ import annotations

from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from meldingen.models import Melding
from meldingen.permissions import meldingen_for_coordinator


def waiting_meldingen(user):
    """Meldingen of the user's organisations whose current workflow step is in progress."""
    ids = meldingen_for_coordinator(user).annotate(key=Cast("pk", CharField())).values("key")
    open_states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__object_id__in=ids,
        workflow_state__base_content_type__model="melding",
    ).select_related("task")
    steps = {
        int(s.workflow_state.object_id): s.task.name
        for s in open_states.select_related("workflow_state")
    }
    meldingen = Melding.objects.filter(pk__in=steps).select_related("organisation")
    return [(m, steps[m.pk]) for m in meldingen.order_by("-urgent", "created_at")]


class MeldingenWaitingPanel(Component):
    name = "meldingen_waiting"
    template_name = "workflows/admin/panel_waiting.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {"items": waiting_meldingen(self.user)}
