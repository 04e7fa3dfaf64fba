from django import template
from django.utils.safestring import SafeString

from ..blocks import BehaviourKind
from ..placeholders import fill_placeholders, fill_text

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


@register.simple_tag
def merged_roles(roles, placeholders) -> list[tuple[str, list]]:
    """Roles with their headings filled, one entry per heading: where two roles fall to one
    person in this kind of organisation (the waterschap's secretaris-directeur is both griffier
    and secretaris), their tasks stand under one heading instead of two equal ones."""
    merged: dict[str, list] = {}
    for role in roles:
        merged.setdefault(fill_text(role["role"], placeholders or {}), []).append(role["tasks"])
    return list(merged.items())
