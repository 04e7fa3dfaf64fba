from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, ChecklistHeading
from .panels import MyChecklistItemsPanel
from .progress import user_organisations
from .views import own_items, progress


@hooks.register("register_admin_urls")
def register_progress_urls():
    return [
        path("voortgang/", progress.index, name="toolkit_progress_index"),
        path(
            "voortgang/<int:organisation_id>/", progress.overview, name="toolkit_progress_overview"
        ),
        path(
            "voortgang/<int:organisation_id>/<int:item_id>/",
            progress.edit,
            name="toolkit_progress_edit",
        ),
        path(
            "voortgang/<int:organisation_id>/kop/<int:heading_id>/eigen-punt/",
            own_items.edit,
            name="toolkit_own_item_add",
        ),
        path(
            "voortgang/<int:organisation_id>/eigen-punt/<int:item_id>/",
            own_items.edit,
            name="toolkit_own_item_edit",
        ),
        path(
            "voortgang/<int:organisation_id>/eigen-punt/<int:item_id>/verwijderen/",
            own_items.delete,
            name="toolkit_own_item_delete",
        ),
    ]


class ProgressMenuItem(MenuItem):
    def is_shown(self, request):
        return user_organisations(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_progress_menu_item():
    return ProgressMenuItem(
        _("Voortgang checklist"), reverse("toolkit_progress_index"), icon_name="tasks", order=250
    )


@hooks.register("construct_homepage_panels")
def add_my_checklist_items_panel(request, panels):
    from .dashboard import ToolkitStatusPanel

    panels.extend([ToolkitStatusPanel(), MyChecklistItemsPanel()])


class ChecklistHeadingViewSet(SnippetViewSet):
    model = ChecklistHeading
    icon = "list-ol"
    menu_label = _("Checklist")
    list_display = ["title", "phase", "sort_order"]
    list_filter = ["phase"]
    ordering = ["-phase", "sort_order"]  # "voorbereiding" before "uitvoering"


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Doelgroepen")
    list_display = ["name", "slug", "sort_order"]


class ToolkitViewSetGroup(SnippetViewSetGroup):
    items = (ChecklistHeadingViewSet, AudienceViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Toolkit")
    menu_name = "toolkit"


register_snippet(ToolkitViewSetGroup)
