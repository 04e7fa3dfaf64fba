"""{% page_huisstijl organisation as huisstijl %}: the huisstijl of the current page's
organisation (or the national one), with the URL of its stylesheet."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.urls import reverse

from home.huisstijl import Huisstijl, cached_huisstijl, organisation_key

register = template.Library()


@dataclass(frozen=True)
class PageHuisstijl:
    style: Huisstijl
    css_url: str

    @property
    def logo_url(self) -> str | None:
        return self.style.logo_url


@register.simple_tag(takes_context=True)
def page_huisstijl(context, organisation) -> PageHuisstijl:
    style = cached_huisstijl(context.get("request"), organisation)
    url = reverse("huisstijl_css", args=[organisation_key(organisation), style.version])
    return PageHuisstijl(style=style, css_url=url)
