"""Template inheritance of protocol sections: derive, validate, compare, adopt, sync.

A derived protocol's sections carry the StreamField block ids of the template sections they come
from. `ProtocolPage.section_bases` records, per template section, the template revision the
organisation's text is based on. Everything that changes that record lives in this package.

Sections as data, the comparison and the validation need no page model class: protocols.models
uses them (editor panel, clean), so they live below it in protocols.section_content,
protocols.comparison and protocols.validation, re-exported here.
"""

from ..comparison import Comparison, SectionComparison, SectionState, compare, publications_since
from ..section_content import ProtocolError, follows_template
from ..validation import validate_protocol
from .adoption import adopt, apply_template, sync_fixed_sections
from .derive import PROTOCOL_SLUG, PROTOCOL_TITLE, current_template, derive_protocol

__all__ = [
    "PROTOCOL_SLUG",
    "PROTOCOL_TITLE",
    "Comparison",
    "ProtocolError",
    "SectionComparison",
    "SectionState",
    "adopt",
    "apply_template",
    "compare",
    "current_template",
    "derive_protocol",
    "follows_template",
    "publications_since",
    "sync_fixed_sections",
    "validate_protocol",
]
