"""The Prometheus endpoint /metrics: django-prometheus's metrics of this process (requests,
database, cache) and the collectors named in settings.METRICS_COLLECTORS (product metrics,
computed from the database at scrape time: reporting.metrics).

Not public. It answers a request that carries the bearer token METRICS_TOKEN (compared in
constant time), or one whose connection comes straight from METRICS_ALLOWED_NETWORKS: the
connection's own address (REMOTE_ADDR), and only without an X-Forwarded-For header, since a
request relayed by a proxy (the load balancer) has the proxy's address there. Anyone else
gets the 404 of any unknown address; a wrong token too, from any address. Never cached: a
stored copy would be served to the next caller without these checks."""

from __future__ import annotations

import hmac
import ipaddress
import threading
from functools import lru_cache

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

_lock = threading.Lock()
_registered: set[str] = set()


def register_collectors() -> None:
    """Register every collector of settings.METRICS_COLLECTORS in the process's registry, once
    per process (a second registration of the same names is an error)."""
    with _lock:
        for path in settings.METRICS_COLLECTORS:
            if path not in _registered:
                REGISTRY.register(import_string(path)())
                _registered.add(path)


@lru_cache(maxsize=8)
def _networks(cidrs: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def _bearer(request: HttpRequest) -> str | None:
    scheme, _space, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def allowed(request: HttpRequest) -> bool:
    """Whether the request may read the metrics (see the module's docstring)."""
    given = _bearer(request)
    if given is not None:
        expected = settings.METRICS_TOKEN
        return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    networks = _networks(tuple(settings.METRICS_ALLOWED_NETWORKS))
    return any(address in network for network in networks)


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not allowed(request):
        raise Http404
    register_collectors()
    return HttpResponse(generate_latest(REGISTRY), content_type=CONTENT_TYPE_LATEST)
