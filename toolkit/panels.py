"""Dashboard panel: the open checklist items the user owns, in their own organisations."""

from __future__ import annotations

from wagtail.admin.ui.components import Component

from .models import ProgressStatus
from .progress import user_progress


class MyChecklistItemsPanel(Component):
    name = "toolkit_my_checklist_items"
    template_name = "toolkit/admin/my_checklist_items_panel.html"
    order = 220

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["records"] = (
            user_progress(user)
            .filter(
                owner=user,
                status__in=[ProgressStatus.NOT_STARTED, ProgressStatus.IN_PROGRESS],
            )
            .select_related("item", "organisation")
            .order_by("due_date", "item__text")[:20]
        )
        return context
