"""The reporter's actions in the header of every public page: Melden, Mijn meldingen,
Inloggen / Uitloggen. Anonymous visitors get links that are the same for everyone and cost no
query (their pages are cached and shared); only a logged-in user's header is personal, and
their pages are never stored (home.caching)."""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from home.caching import PRIVATE_PREFIXES

register = template.Library()

CACHE_ATTRIBUTE = "_melden_page_url"


def _login_url(next_url: str) -> str:
    return f"{reverse('login')}?{urlencode({'next': next_url})}"


def _melden_url(request) -> str:
    """The own organisation's Melden page, else the chooser; looked up once per request."""
    url = getattr(request, CACHE_ATTRIBUTE, None)
    if url is None:
        from meldingen.entry import own_melden_page

        page = own_melden_page(request.user)
        url = page.url if page is not None else reverse("melden_chooser")
        setattr(request, CACHE_ATTRIBUTE, url)
    return url


@register.simple_tag(takes_context=True)
def header_actions(context) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    logged_in = bool(user is not None and user.is_authenticated)
    if request is None:
        return {}
    here = request.get_full_path()
    if logged_in:
        # After logging out, stay on a public page; a private one would ask to log in again.
        path = request.path
        return {
            "logged_in": True,
            "melden_url": _melden_url(request),
            "mine_url": reverse("my_meldingen"),
            "logout_url": reverse("logout"),
            "logout_next": "/" if path.startswith(PRIVATE_PREFIXES) else here,
        }
    login_url = reverse("login")
    return {
        "logged_in": False,
        "melden_url": reverse("melden_chooser"),
        "mine_url": _login_url(reverse("my_meldingen")),
        # Not back to the sign-in page itself (or another private address) after logging in.
        "login_url": login_url if request.path.startswith(PRIVATE_PREFIXES) else _login_url(here),
    }
