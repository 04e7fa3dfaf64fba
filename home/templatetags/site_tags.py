import re
from datetime import datetime
from html import unescape

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from core.choices import display
from home.models import OrganisationPage

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.filter(name="display")
def display_filter(instance, name: str):
    """{{ org|display:"kind" }}: org.get_kind_display() without translating every choice of
    the field (core.choices.display), for lists."""
    return display(instance, name)


@register.simple_tag(takes_context=True)
def page_organisation(context, page: Page | None) -> OrganisationPage | None:
    """The organisation the page belongs to, for the header; None on national pages. A page
    whose context already names it (protocols) is not looked up again."""
    if page is None or not isinstance(page, Page):
        return None
    if "organisation" in context:
        return context["organisation"]
    return OrganisationPage.for_page(page)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page: Page | None):
    """Links to the live translations of page, the current language marked; on a view that
    every language serves (search, Melden, signing in), to its address in each language."""
    if page is None or not isinstance(page, Page):
        return {"links": view_language_links(context.get("request"))}
    translations = page.get_translations(inclusive=True).live().public().select_related("locale")
    links = [
        {
            "code": p.locale.language_code,
            "name": LANGUAGE_NAMES.get(p.locale.language_code, p.locale.language_code),
            "url": p.url,
            "current": p.pk == page.pk,
        }
        for p in translations.specific()
    ]
    links.sort(key=lambda link: list(LANGUAGE_NAMES).index(link["code"]))
    return {"links": links if len(links) > 1 else []}


def view_language_links(request) -> list[dict]:
    """The address of the current view in every language, if it has one per language (an
    address outside i18n_patterns translates to itself)."""
    if request is None or getattr(request, "resolver_match", None) is None:
        return []
    current = translation.get_language()
    links = [
        {
            "code": code,
            "name": name,
            "url": translate_url(request.path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return links if len({link["url"] for link in links}) == len(links) else []


@register.simple_tag
def site_home(page: Page | None) -> Page | None:
    """The national home in the page's language, for the header link."""
    if page is None or not isinstance(page, Page):
        return None
    return page.get_ancestors(inclusive=True).filter(depth=2).first()


DESCRIPTION_CHARS = 160
BLOCK_END = re.compile(r"</(p|h[1-6]|li|div|blockquote)>|<br\s*/?>", re.I)


@register.simple_tag
def page_description(page: Page | None) -> str:
    """The page's meta description: its search description, else its summary or intro as
    plain text, shortened."""
    if page is None or not isinstance(page, Page):
        return ""
    text = (
        page.search_description
        or getattr(page, "summary", "")
        or unescape(strip_tags(BLOCK_END.sub(" ", str(getattr(page, "intro", "") or ""))))
    )
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_CHARS)


@register.simple_tag
def filter_summary(filterset) -> str:
    """The filters a visitor chose, for the page title: "Soort: Leidraad, Voor wie: Raadsleden"."""
    if filterset is None or not getattr(filterset, "is_bound", False) or not filterset.is_valid():
        return ""
    chosen = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        if isinstance(value, str):
            value = dict(getattr(field, "choices", ())).get(value, value)
        chosen.append(f"{field.label}: {value}")
    return ", ".join(chosen)


@register.filter
def html_datetime(value) -> str:
    """A valid HTML <time datetime> value: local ISO 8601 to the second (Django's "c" adds
    microseconds, which HTML does not allow)."""
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.simple_tag
def title_suffix(page: Page | None, organisation: Page | None = None) -> str:
    """The " · organisation" (or site name) after the page title; none when the title names it."""
    name = organisation.title if organisation else translation.gettext(settings.WAGTAIL_SITE_NAME)
    title = (page.seo_title or page.title) if isinstance(page, Page) else ""
    return "" if name in title else f" · {name}"
