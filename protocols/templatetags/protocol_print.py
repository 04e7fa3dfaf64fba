"""The colophon of a printed protocol (print stylesheet only; see protocols/print_facts.py)."""

from django import template
from django.utils.translation import gettext_lazy as _

from ..print_facts import print_facts

register = template.Library()


@register.inclusion_tag("print/colophon.html", takes_context=True)
def protocol_colophon(context) -> dict:
    page, organisation = context["page"], context.get("organisation")
    facts = print_facts(context.get("request"), page, organisation)
    return {"organisation": organisation, "date_label": _("Gepubliceerd op"), **facts}
