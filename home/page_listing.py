"""The admin's page listings (the explorer and the per-type usage listing) offer as "owner" and
"edited by" only the people of pages the user may report on (home.tenancy.reportable_pages),
not every owner and editor in the platform. Registered with register_admin_viewset in place of
Wagtail's viewset for the base Page model, which every page type without its own uses."""

from django.contrib.auth import get_user_model
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import PageLogEntry

from home.tenancy import reportable_pages


def owners(request):
    pages = reportable_pages(request.user)
    return get_user_model().objects.filter(pk__in=pages.values("owner"))


def editors(request):
    edits = PageLogEntry.objects.filter(
        action="wagtail.edit", page__in=reportable_pages(request.user)
    )
    return get_user_model().objects.filter(pk__in=edits.values("user"))


class TenantPageFilterSet(GenericPageFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["owner"].queryset = owners
        self.filters["edited_by"].queryset = editors


class TenantPageViewSet(PageViewSet):
    filterset_class = TenantPageFilterSet
