"""Create or update a wagtail-localize translation from a mapping of source text to target text."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


@transaction.atomic
def translate_page(page: Page, language_code: str, strings: dict[str, str]) -> Page:
    """Translate page into language_code through wagtail-localize and publish the translation.

    strings maps each source segment text to its translation; segments without an entry keep
    the source text (wagtail-localize's fallback), so editors can finish them in the admin.
    Idempotent: running it again updates the same translation.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        target = strings.get(segment.string.data)
        if target is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": target,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    # Published here, not by wagtail-localize: it publishes after commit with the revision's
    # cached page, whose tree fields (numchild) are stale once children were translated in the
    # same transaction (load_demo in one transaction left the translated homes without children).
    translation.save_target(publish=False)
    page.get_translation(locale).get_latest_revision().publish()
    return page.get_translation(locale)
