"""The platform's fixed structure: locales, national home, organisations index, national editors.

Idempotent; used by `manage.py setup_platform` (production) and by the demo loader.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from .models import HomePage, OrganisationIndexPage
from .provisioning import provision_national_editors


@transaction.atomic
def ensure_platform() -> HomePage:
    """Create what is missing of the fixed structure and return the national home."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    nl = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    # Wagtail's migrations create the tree and collection roots; a flushed database lacks them.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=nl, live=True)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")

    home = HomePage.objects.filter(locale=nl).first()
    if home is None:
        # Wagtail's initial migration leaves a placeholder "Welcome" page; ours replaces it.
        placeholder = root.get_children().filter(slug="home").exact_type(Page).first()
        home = HomePage(title="Veilig Bestuur", slug="home", locale=nl)
        if placeholder is not None:
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
        root.add_child(instance=home)
        home.save_revision().publish()
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if base.scheme == "https" else 80
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True, site_name="Veilig Bestuur")
    if site.root_page_id != home.pk or site.hostname == "localhost":
        # Wagtail's migration creates "localhost:80"; the platform's address is BASE_URL.
        site.root_page = home
        site.hostname = base.hostname or "localhost"
        site.port = base.port or default_port
        site.site_name = "Veilig Bestuur"
        site.save()

    if not OrganisationIndexPage.objects.filter(locale=nl).exists():
        index = OrganisationIndexPage(
            title="Organisaties", slug="organisaties", locale=nl, show_in_menus=True
        )
        home.add_child(instance=index)
        index.save_revision().publish()

    provision_national_editors()
    return home
