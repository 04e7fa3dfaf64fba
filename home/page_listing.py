"""The admin's page listings (the explorer and the per-type usage listing) offer as "owner" and
"edited by" only the people of pages the user may report on (home.tenancy.reportable_pages),
not every owner and editor in the platform. Registered with register_admin_viewset in place of
Wagtail's viewset for the base Page model, which every page type without its own uses."""

from django.contrib.auth import get_user_model
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import PageLogEntry

from home.tenancy import reportable_pages


def _reportable(request):
    """reportable_pages once per request: both filters ask (each answer costs queries)."""
    pages = getattr(request, "_reportable_pages", None)
    if pages is None:
        pages = request._reportable_pages = reportable_pages(request.user)
    return pages


def owners(request):
    return get_user_model().objects.filter(pk__in=_reportable(request).values("owner"))


def editors(request):
    edits = PageLogEntry.objects.filter(action="wagtail.edit", page__in=_reportable(request))
    return get_user_model().objects.filter(pk__in=edits.values("user"))


class TenantPageFilterSet(GenericPageFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["owner"].queryset = owners
        self.filters["edited_by"].queryset = editors


class ExplorerView(ExplorableIndexView):
    """Wagtail's explorer without the "parent" column, which its table never shows (a search
    names the parent in the title column): Wagtail still looked up every row's parent for it."""

    base_columns = [c for c in ExplorableIndexView.base_columns if c.name != "parent"]


class TenantPageViewSet(PageViewSet):
    filterset_class = TenantPageFilterSet
    index_view_class = ExplorerView
