"""Editor panel on an organisation protocol: the notice that the national template changed."""

from __future__ import annotations

import json
import re

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from wagtail.admin.panels import Panel

from .adoption_status import adoption_state
from .blocks import SectionMode
from .comparison import compare
from .section_content import ProtocolError, follows_template
from .template_notice import notice_from

# The StreamField controls that would delete, duplicate or move a section (Wagtail's
# data-streamfield-action names); a fixed section's are hidden (protocols/fixed-sections.js
# removes them as well, and the server refuses such changes anyway).
FIXED_SECTION_ACTIONS = ("DELETE", "DUPLICATE", "MOVE_UP", "MOVE_DOWN", "DRAG")
_SAFE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def fixed_sections_css(keys: list[str]) -> SafeString:
    """CSS hiding the section controls of the given block ids, before any script has run."""
    actions = ",".join(f'[data-streamfield-action="{action}"]' for action in FIXED_SECTION_ACTIONS)
    rule = '[data-contentpath="body"] [data-streamfield-child][data-contentpath="%s"] :is(%s) '
    # Block ids are uuids or slugs; anything else is left out rather than escaped into CSS, so
    # only such keys and our own text end up in the style element.
    return mark_safe(  # noqa: S308  # nosec B308 B703
        "\n".join(
            rule % (key, actions) + "{ display: none !important; }"
            for key in keys
            if _SAFE_KEY.match(key)
        )
    )


class TemplateChangesPanel(Panel):
    """Above the content: which sections are fixed or optional, and which template sections
    changed since the protocol's base."""

    @property
    def clean_name(self):
        return "template_changes"

    class BoundPanel(Panel.BoundPanel):
        template_name = "protocols/admin/template_changes_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.comparison = None
            if self.instance.pk and follows_template(self.instance):
                try:
                    self.comparison = compare(self.instance, diffs=False)
                except ProtocolError:
                    self.comparison = None

        def is_shown(self):
            return self.comparison is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            sections = self.comparison.sections
            context["notice"] = notice_from(self.instance, self.comparison)
            context["fixed"] = [s for s in sections if s.present and s.mode == SectionMode.FIXED]
            context["optional"] = [s for s in sections if s.mode == SectionMode.OPTIONAL]
            fixed_keys = [s.key for s in context["fixed"]]
            context["fixed_keys"] = json.dumps(fixed_keys)
            context["fixed_css"] = fixed_sections_css(fixed_keys)
            context["compare_url"] = reverse("protocols_compare", args=[self.instance.pk])
            return context


class TranslationStatusPanel(Panel):
    """On a Dutch protocol: which translations are older than the latest Dutch text."""

    @property
    def clean_name(self):
        return "translation_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "protocols/admin/translation_status_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            from .translations import outdated_translations

            self.outdated = outdated_translations(self.instance) if self.instance.pk else None

        def is_shown(self):
            return bool(self.outdated and self.outdated.pages)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["outdated"] = self.outdated
            return context


class AdoptionPanel(Panel):
    """On an organisation protocol: adopted by whom and when, changed since, review date."""

    @property
    def clean_name(self):
        return "adoption"

    class BoundPanel(Panel.BoundPanel):
        template_name = "protocols/admin/adoption_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            shown = self.instance.pk and follows_template(self.instance)
            self.state = adoption_state(self.instance) if shown else None

        def is_shown(self):
            return self.state is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["state"] = self.state
            context["live"] = self.instance.live
            context["adoption_url"] = reverse("protocols_adoption", args=[self.instance.pk])
            return context
