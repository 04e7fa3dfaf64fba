"""Translation status of protocols (wagtail-localize): is a translation older than its source?"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


@dataclass
class OutdatedTranslations:
    pages: list[Page]
    update_url: str


def outdated_translations(page: Page) -> OutdatedTranslations | None:
    """Translations of page made before its latest change (draft or published), if any.

    wagtail-localize stamps the source when it extracts the text (translating or "sync
    translated pages"); a newer revision of the Dutch page means the translations miss it.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None or page.latest_revision is None:
        return None
    if page.latest_revision.created_at <= source.last_updated_at:
        return OutdatedTranslations(pages=[], update_url="")
    pages = [
        translated
        for translation in source.translations.filter(enabled=True).select_related("target_locale")
        if (translated := page.get_translation_or_none(translation.target_locale)) is not None
    ]
    return OutdatedTranslations(
        pages=pages, update_url=reverse("wagtail_localize:update_translations", args=[source.pk])
    )
