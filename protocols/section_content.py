"""Sections as data: the comparable form of template and protocol sections, by block id.

protocols.models imports this (through validation and the editor panels), so it takes page
instances and never imports the page models.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import PageManager, Revision

from .blocks import RICH_TEXT_FEATURES, ProtocolSectionsBlock

if TYPE_CHECKING:
    from .models import ProtocolPage, ProtocolTemplatePage

_BLOCK_KEY_RE = re.compile(r'\s*data-block-key="[^"]*"')
# The same definition as ProtocolPage.body.
_PROTOCOL_SECTIONS = ProtocolSectionsBlock()


class ProtocolError(Exception):
    """An action on a protocol that cannot be done; the message is shown to the editor."""


def protocol_block(block_type: str) -> blocks.StructBlock:
    """The derived-protocol block definition for a section type (template sections minus mode)."""
    return _PROTOCOL_SECTIONS.child_blocks[block_type]


@cache
def _converter():
    # Imported on use: the converter looks up the image model on import, and protocols.models
    # imports this module while models are still loading.
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    return ContentstateConverter(RICH_TEXT_FEATURES)


def normalize_html(html: str) -> str:
    """Rich text as the editor would save it, without the editor's random block keys."""
    return _normalized(str(html or ""))


# The same template texts come back in every comparison, validation and digest: the editor of a
# large protocol normalizes hundreds of them per request.
@lru_cache(maxsize=4096)
def _normalized(html: str) -> str:
    converter = _converter()
    html = converter.to_database_format(converter.from_database_format(html))
    return _BLOCK_KEY_RE.sub("", html).strip()


def canonical(block: blocks.Block, value: Any) -> Any:
    """A comparable form of a block value: ignores list item ids, editor noise and the mode."""
    if isinstance(block, blocks.StructBlock):
        return {
            name: canonical(child, value.get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [canonical(block.child_block, item) for item in (value or [])]
    if isinstance(block, blocks.RichTextBlock):
        return normalize_html(getattr(value, "source", value))
    if isinstance(block, blocks.MultipleChoiceBlock):
        return sorted(value or [])
    if isinstance(value, str):
        return value.strip()
    return value


@dataclass
class Section:
    key: str
    block_type: str
    raw: dict  # raw JSON value in the derived-protocol shape (no mode)
    mode: str | None  # template sections only

    @cached_property
    def value(self):
        return protocol_block(self.block_type).to_python(self.raw)

    @cached_property
    def canonical(self) -> Any:
        return canonical(protocol_block(self.block_type), self.value)

    @property
    def heading(self) -> str:
        return self.raw.get("heading", "")

    def same_content(self, other: Section | None) -> bool:
        if other is None or other.block_type != self.block_type:
            return False
        # Equal stored data is equal content; only a difference needs the canonical forms.
        return other.raw == self.raw or other.canonical == self.canonical

    def as_stream_item(self) -> dict:
        return {"type": self.block_type, "value": self.raw, "id": self.key}


def sections_of(stream) -> dict[str, Section]:
    """The sections of a template or protocol body, by block id, in order."""
    result = {}
    for item in stream.raw_data:
        value = dict(item["value"])
        mode = value.pop("mode", None)
        result[item["id"]] = Section(item["id"], item["type"], value, mode)
    return result


def content_digest(page: ProtocolPage) -> str:
    """A fingerprint of a protocol's content as readers see it (title, intro, sections), blind
    to editor noise: equal content gives an equal digest, whoever saved it and how."""
    data = {
        "title": page.title,
        "intro": normalize_html(page.intro),
        "body": [[s.key, s.block_type, s.canonical] for s in sections_of(page.body).values()],
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


class RevisionSections:
    """Loads template revisions on demand, once per instance."""

    def __init__(self):
        self._cache: dict[int, dict[str, Section] | None] = {}

    def get(self, revision_id: int | None) -> dict[str, Section] | None:
        if revision_id is None:
            return None
        revision_id = int(revision_id)
        if revision_id not in self._cache:
            revision = Revision.objects.filter(pk=revision_id).first()
            self._cache[revision_id] = sections_of(revision.as_object().body) if revision else None
        return self._cache[revision_id]

    def section(self, revision_id: int | None, key: str) -> Section | None:
        return (self.get(revision_id) or {}).get(key)


def _template_pages(protocol: ProtocolPage) -> PageManager:
    """ProtocolTemplatePage.objects, through the protocol's foreign key to its template."""
    return type(protocol)._meta.get_field("template_page").related_model.objects


def live_template(protocol: ProtocolPage) -> tuple[ProtocolTemplatePage, dict[str, Section]]:
    template = _template_pages(protocol).get(pk=protocol.template_page_id)
    if not template.live or template.live_revision_id is None:
        raise ProtocolError(_("Het landelijke sjabloon is niet gepubliceerd."))
    return template, sections_of(template.body)


def follows_template(protocol: ProtocolPage) -> bool:
    """True for a protocol in the template's language; translations follow their Dutch source
    through wagtail-localize instead."""
    if not protocol.template_page_id:
        return False
    template_locale = (
        _template_pages(protocol)
        .filter(pk=protocol.template_page_id)
        .values_list("locale_id", flat=True)
        .first()
    )
    return template_locale == protocol.locale_id
