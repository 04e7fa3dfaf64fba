from django import template
from django.conf import settings
from wagtail.models import Page

from home.models import OrganisationPage

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.simple_tag(takes_context=True)
def page_organisation(context, page: Page | None) -> OrganisationPage | None:
    """The organisation the page belongs to, for the header; None on national pages. A page
    whose context already names it (protocols) is not looked up again."""
    if page is None or not isinstance(page, Page):
        return None
    if "organisation" in context:
        return context["organisation"]
    return OrganisationPage.for_page(page)


@register.inclusion_tag("includes/language_switcher.html")
def language_switcher(page: Page | None):
    """Links to the live translations of page, the current language marked."""
    if page is None or not isinstance(page, Page):
        return {"links": []}
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


@register.simple_tag
def site_home(page: Page | None) -> Page | None:
    """The national home in the page's language, for the header link."""
    if page is None or not isinstance(page, Page):
        return None
    return page.get_ancestors(inclusive=True).filter(depth=2).first()
