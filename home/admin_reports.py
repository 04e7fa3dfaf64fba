"""Reports of the admin's reports menu scoped to the user's organisation, so its people never
see another organisation's page titles, page counts or people.

Wagtail's page search and reports list only the pages the page permission policy lets a user
explore, but two reports look at every page (page types usage; wagtail-localize's
translations), and three offer every user of the platform as a filter choice (locked pages:
"locked by"; workflows: "requested by"; site history: "user"). Wagtail offers no hook for
these views, so `urlpatterns` answers their URLs (the same names, e.g.
"wagtailadmin_reports:page_types_usage") ahead of Wagtail's admin URLs (site/urls.py), with
the admin's own access check.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports import audit_logging, locked_pages, page_types_usage, workflows
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns
from wagtail_localize.views import report as translations_report

from home.tenancy import is_national_editor, reportable_pages


def annotate_usage(
    content_types: QuerySet, pages: QuerySet, language_code: str | None, site_root_path: str | None
) -> QuerySet:
    """content_types with the number of pages of each type among pages, and the most recently
    edited one (as Wagtail's report does, counting only pages)."""
    if language_code:
        pages = pages.filter(locale__language_code=language_code)
    if site_root_path:
        pages = pages.filter(path__startswith=site_root_path)
    of_type = pages.filter(content_type=OuterRef("pk")).order_by()
    count = of_type.values("content_type").annotate(n=Count("pk")).values("n")
    latest = of_type.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
    return content_types.annotate(
        count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
        last_edited_page_id=Subquery(latest.values("pk")[:1]),
    )


class PageTypesUsageReportView(page_types_usage.PageTypesUsageReportView):
    """Page types usage, counted over the pages the user may report on."""

    def get_queryset(self):
        content_types = ContentType.objects.filter(model__in=self.page_models)
        base_type = ContentType.objects.get_for_model(Page)
        if not Page.objects.filter(depth__gt=1, content_type=base_type).exists():
            content_types = content_types.exclude(pk=base_type.pk)
        self.queryset = content_types
        # The locale and site filters join the pages: one row per content type again.
        content_types = self.filter_queryset(content_types).distinct()
        data = self.filters.form.cleaned_data
        return annotate_usage(
            content_types,
            reportable_pages(self.request.user),
            data.get("page_locale"),
            data.get("site"),
        ).order_by("-count", "app_label", "model")


class TranslationsReportView(translations_report.TranslationsReportView):
    """wagtail-localize's translations report: for an organisation's people only translations
    of the pages they may report on; national editors see every translation."""

    results_template_name = "home/admin/translations_report_results.html"

    def get_queryset(self):
        translations = (
            super()
            .get_queryset()
            .select_related(
                "source__object", "source__specific_content_type", "source__locale", "target_locale"
            )
            .order_by("-created_at", "-pk")
        )
        user = self.request.user
        if is_national_editor(user):
            return translations
        return translations.filter(
            source__object_id__in=reportable_pages(user).values("translation_key")
        )

    def decorate_paginated_queryset(self, translations):
        """Each translation of a page with its source and target page, in one query."""
        page_type = ContentType.objects.get_for_model(Page)
        keys = [t.source.object_id for t in translations]
        pages = {
            (page.translation_key, page.locale_id): page
            for page in Page.objects.filter(translation_key__in=keys)
        }
        for translation in translations:
            key = translation.source.object_id
            translation.is_page = translation.source.object.content_type_id == page_type.pk
            translation.source_page = pages.get((key, translation.source.locale_id))
            translation.target_page = pages.get((key, translation.target_locale_id))
        return translations


class RowsToFiltersMixin:
    """Hands the report's rows (self.queryset, which get_queryset sets before filtering) to its
    filter set, whose choices come from those rows."""

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.queryset}


class LockedPagesReportFilterSet(locked_pages.LockedPagesReportFilterSet):
    """Its "locked by" offers who locked a listed page, not everyone who locked any page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lockers = self.queryset.values("locked_by")

        def choices(request):
            return locked_pages.get_users_for_filter().filter(pk__in=lockers)

        self.filters["locked_by"].queryset = choices


class LockedPagesView(RowsToFiltersMixin, locked_pages.LockedPagesView):
    filterset_class = LockedPagesReportFilterSet


class WorkflowReportFilterSet(workflows.WorkflowReportFilterSet):
    """Its "requested by" offers who started a listed workflow, not everyone who started one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        requesters = self.queryset.values("requested_by")

        def choices(request):
            return workflows.get_requested_by_queryset(request).filter(pk__in=requesters)

        self.filters["requested_by"].queryset = choices


class WorkflowView(RowsToFiltersMixin, workflows.WorkflowView):
    filterset_class = WorkflowReportFilterSet

    def get_queryset(self):
        self.queryset = super().get_queryset()
        return self.queryset


class SiteHistoryReportFilterSet(audit_logging.SiteHistoryReportFilterSet):
    """Its "user" offers who wrote a log entry the user may see (Wagtail's own
    get_users_for_filter, which its filter set defines but does not use)."""

    def get_users_queryset(self):
        return audit_logging.get_users_for_filter(self.request.user)


class LogEntriesView(audit_logging.LogEntriesView):
    filterset_class = SiteHistoryReportFilterSet


def _report(route: str, view, name: str) -> list:
    """A report's page and its results-only URL (filtering), under Wagtail's own names."""
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = decorate_urlpatterns(
    [
        *_report("reports/page-types-usage/", PageTypesUsageReportView, "page_types_usage"),
        *_report("reports/locked/", LockedPagesView, "locked_pages"),
        *_report("reports/workflow/", WorkflowView, "workflow"),
        *_report("reports/site-history/", LogEntriesView, "site_history"),
        *_report("localize/reports/translations/", TranslationsReportView, "translations_report"),
    ],
    lambda view: never_cache(require_admin_access(view)),
)
