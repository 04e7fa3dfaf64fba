"""Facts about a page that home.routing already knows for a known address, as plain data.

home.routing stores, per page, which view restrictions apply and which organisation the page
belongs to. It tells a page instance these facts through two attributes holding plain,
picklable data (a list of ids, a page); every page model mixes in PageFactsMixin, so Wagtail's
privacy check (its before_serve_page hook calls page.get_view_restrictions()) and
OrganisationPage.for_page use the stored answer instead of querying. Nothing here replaces an
instance method: an instance told its facts can still be pickled into the cache.
"""

from __future__ import annotations

from wagtail.models import PageViewRestriction

KNOWN_ORGANISATION = "_known_organisation"
KNOWN_VIEW_RESTRICTIONS = "_known_view_restriction_ids"


class PageFactsMixin:
    """For every page model: get_view_restrictions answers from known facts when set."""

    def get_view_restrictions(self):
        ids = self.__dict__.get(KNOWN_VIEW_RESTRICTIONS)
        if ids is None:
            return super().get_view_restrictions()
        if ids:
            return PageViewRestriction.objects.filter(pk__in=ids)
        return _known_empty()


def _known_empty():
    """No restrictions, as a queryset that already holds its (empty) result: Wagtail's
    privacy check on every page iterates it, and iterating a plain none() still compiles a
    query. What prefetch_related does for related sets, done for an answer known to be empty;
    any further filter() starts afresh (and stays empty)."""
    empty = PageViewRestriction.objects.none()
    empty._result_cache = []
    empty._prefetch_done = True
    return empty


def tell(page, restriction_ids: list[int], organisation) -> None:
    """Give page its known facts (plain data only)."""
    page.__dict__[KNOWN_VIEW_RESTRICTIONS] = list(restriction_ids)
    page.__dict__[KNOWN_ORGANISATION] = organisation


def forget(page) -> None:
    page.__dict__.pop(KNOWN_VIEW_RESTRICTIONS, None)
    page.__dict__.pop(KNOWN_ORGANISATION, None)
