from django import template
from django.utils.safestring import SafeString

from ..blocks import BehaviourKind
from ..placeholders import fill_placeholders

register = template.Library()


@register.simple_tag(takes_context=True)
def render_section(context, block) -> SafeString:
    """Render a protocol section's content with the organisation's placeholders filled in."""
    html = block.render(context=context.flatten())
    return fill_placeholders(html, context.get("placeholders") or {})


@register.filter
def kind_labels(kinds) -> str:
    """Labels of behaviour kind codes, comma separated."""
    return ", ".join(
        str(BehaviourKind(kind).label) for kind in kinds or [] if kind in BehaviourKind
    )
