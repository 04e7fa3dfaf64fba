"""Contracts with Wagtail's internals that home.routing and home.page_facts rely on. When a
Wagtail upgrade changes one of them, these tests fail by name, before a page serves wrongly."""

import inspect

import pytest
from django.test import RequestFactory
from wagtail import wagtail_hooks
from wagtail.models import Page, PageViewRestriction, Site

from home.page_facts import KNOWN_VIEW_RESTRICTIONS, tell

pytestmark = pytest.mark.django_db


def test_wagtail_reads_the_site_preset_on_the_request(home_page):
    request = RequestFactory().get("/")
    site = Site(hostname="elders.example", port=80, root_page=home_page)
    request._wagtail_site = site  # what home.routing._preset sets
    assert Site.find_for_request(request) is site


def test_wagtail_reads_the_route_preset_on_the_request(home_page):
    request = RequestFactory().get("/bestaat-niet/")
    route = (home_page, [], {})
    request._wagtail_route_for_request = route
    assert Page.route_for_request(request, "bestaat-niet/") is route


def test_wagtail_reads_the_site_root_paths_preset_on_the_request(home_page):
    request = RequestFactory().get("/")
    marker = [(Site.objects.get().pk, home_page.url_path, "http://elders.example", "nl")]
    request._wagtail_cached_site_root_paths = marker
    assert home_page._get_site_root_paths(request) is marker


def test_wagtails_privacy_check_asks_the_page_for_its_restrictions(home_page):
    """home.page_facts answers get_view_restrictions from known facts; Wagtail's
    before_serve_page hook must still ask the page that question."""
    source = inspect.getsource(wagtail_hooks.check_view_restrictions)
    assert "page.get_view_restrictions()" in source
    restriction = PageViewRestriction.objects.create(
        page=home_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    page = Page.objects.get(pk=home_page.pk).specific
    tell(page, [], None)  # known: no restrictions apply
    assert list(page.get_view_restrictions()) == []
    del page.__dict__[KNOWN_VIEW_RESTRICTIONS]
    assert list(page.get_view_restrictions()) == [restriction]
