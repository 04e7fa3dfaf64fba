"""The protocol editor under `make bench`: opening (GET) and saving (POST, "Bewaar concept") the
editor of the demo protocol as a logged-in redacteur, two editors at once; p50/p95 and the goal
p95 < 1 s for each.

bench.run calls editor_phase() with its web server running; `python -m bench.editor URL`
measures a server already running (e.g. `make demo`, SQLite) with the same requests.
"""

from __future__ import annotations

import json
import os
import sys
import time
from urllib.parse import urlencode

GOAL_P95_MS = 1000
CONCURRENCY = 2  # two editors at once
WARMUP = 6  # requests per measurement before it counts (every worker has compiled the page)
COUNT = 40  # measured requests per measurement


def form_data(page) -> dict[str, str | list[str]]:
    """The edit form's POST data for page's latest revision, as the editor's script sends it
    when the editor saves without changes (StreamField and rich text in their form formats)."""
    from wagtail import blocks
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
    from wagtail.fields import RichTextField, StreamField

    draft = page.get_latest_revision_as_object()
    data: dict[str, str | list[str]] = {}

    def rich(field_or_block, html) -> str:
        features = getattr(field_or_block, "features", None)
        return ContentstateConverter(features).from_database_format(str(html or ""))

    def add(block, value, prefix: str) -> None:
        if isinstance(block, blocks.StreamBlock):
            children = list(value)
            data[f"{prefix}-count"] = str(len(children))
            for i, child in enumerate(children):
                data.update(
                    {f"{prefix}-{i}-{k}": v for k, v in (("deleted", ""), ("order", str(i)))}
                )
                data[f"{prefix}-{i}-type"] = child.block_type
                data[f"{prefix}-{i}-id"] = child.id or ""
                add(child.block, child.value, f"{prefix}-{i}-value")
        elif isinstance(block, blocks.ListBlock):
            children = list(value.bound_blocks)
            data[f"{prefix}-count"] = str(len(children))
            for i, child in enumerate(children):
                data.update(
                    {f"{prefix}-{i}-{k}": v for k, v in (("deleted", ""), ("order", str(i)))}
                )
                data[f"{prefix}-{i}-id"] = child.id or ""
                add(block.child_block, child.value, f"{prefix}-{i}-value")
        elif isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                add(child, value.get(name), f"{prefix}-{name}")
        elif isinstance(block, blocks.RichTextBlock):
            data[prefix] = rich(block, getattr(value, "source", value))
        elif isinstance(block, blocks.MultipleChoiceBlock):
            data[prefix] = [str(v) for v in value or []]
        else:
            data[prefix] = "" if value is None else str(value)

    for field in type(draft)._meta.get_fields():
        name = getattr(field, "name", "")
        if name in ("title", "slug", "seo_title", "search_description"):
            data[name] = getattr(draft, name) or ""
        elif isinstance(field, RichTextField):
            data[name] = rich(field, getattr(draft, name))
        elif isinstance(field, StreamField):
            add(field.stream_block, getattr(draft, name), name)
    data.update(
        {"comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0"}
        | {"comments-MIN_NUM_FORMS": "0", "comments-MAX_NUM_FORMS": "1000"}
    )
    # What the editor was loaded with: Wagtail's autosave refuses a stale one as a conflict.
    latest = page.latest_revision
    data["loaded_revision_id"] = str(latest.pk if latest else "")
    data["loaded_revision_created_at"] = latest.created_at.isoformat() if latest else ""
    return data


def editor_requests(page, session_cookie: str) -> dict[str, dict]:
    """loadgen requests for opening and saving page's editor with the session cookie."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils.crypto import get_random_string

    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    csrf = get_random_string(32)  # an unmasked CSRF secret: cookie and form field agree
    cookie = f"{session_cookie}; {settings.CSRF_COOKIE_NAME}={csrf}"
    body = urlencode({**form_data(page), "csrfmiddlewaretoken": csrf}, doseq=True)
    return {
        "openen": {"method": "GET", "path": url, "headers": {"Cookie": cookie}},
        "opslaan": {
            "method": "POST",
            "path": url,
            "headers": {
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
            },
            "body": body,
        },
    }


def demo_protocol(organisation_slug: str = "gemeente-voorbeeldstad"):
    """The demo protocol of Gemeente Voorbeeldstad (the largest demo text), or of another demo
    organisation."""
    from protocols.models import ProtocolPage

    protocols = ProtocolPage.objects.filter(locale__language_code="nl")
    return protocols.get(url_path__contains=f"/{organisation_slug}/")


def editor_cookie(staff_session, username: str = "voorbeeldstad-redacteur") -> str:
    """A session of username (by default the demo protocol's redacteur), made by
    bench.run.staff_session (password and second factor done), with an authentication backend
    that can load the user again (the first configured one, axes, cannot)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model, load_backend

    user = get_user_model().objects.get(username=username)
    cookie = staff_session(user)
    session = import_module(settings.SESSION_ENGINE).SessionStore(cookie.split("=", 1)[1])
    session[BACKEND_SESSION_KEY] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user")
    )
    session.save()
    return cookie


def editor_phase(load, staff_session) -> dict[str, dict]:
    """Measure opening and saving with bench.run's load() and staff_session(); the expected
    answers are 200 and 302 (saved, back to the editor): a refused save or a 500 stops the
    run."""
    requests = editor_requests(demo_protocol(), editor_cookie(staff_session))
    results = {}
    for name, expect in (("openen", 200), ("opslaan", 302)):
        load([requests[name]], 1, count=WARMUP, expect=expect)
        results[f"editor {name} (redacteur)"] = load(
            [requests[name]], CONCURRENCY, count=COUNT, expect=expect
        )
    return results


def editor_lines(results: dict[str, dict]) -> list[str]:
    lines = ["", f"Protocoleditor (demoprotocol, {CONCURRENCY} redacteuren tegelijk):"]
    for name, r in results.items():
        ok = r["p95"] < GOAL_P95_MS and not r["errors"]
        lines.append(
            f"  {name:<30} p50 {r['p50']:>6.0f} ms  p95 {r['p95']:>6.0f} ms  "
            f"fouten {r['errors']}  doel p95 < 1 s: {'ja' if ok else 'NEE'}"
        )
    return lines


def main() -> None:
    """python -m bench.editor http://127.0.0.1:8000 (DJANGO_SETTINGS_MODULE of that server)."""
    import subprocess  # nosec B404 - runs our own load generator
    from urllib.parse import urlparse

    import django

    django.setup()
    from bench.run import staff_session

    target = urlparse(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")

    def load(requests, concurrency, *, count, expect):
        plan = {"host": target.hostname, "port": target.port or 80, "concurrency": concurrency}
        plan |= {"requests": requests, "count": count}
        out = subprocess.run(  # nosec B603 - our own arguments
            [sys.executable, "-m", "bench.loadgen"],
            input=json.dumps(plan),
            capture_output=True,
            text=True,
            check=True,
            cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        )
        result = json.loads(out.stdout)
        wrong = {s: n for s, n in result["statuses"].items() if s != str(expect)}
        if wrong:
            raise SystemExit(f"verwacht {expect}, gekregen {wrong}")
        return result

    began = time.perf_counter()
    results = editor_phase(load, staff_session)
    print("\n".join(editor_lines(results)))
    print(f"({time.perf_counter() - began:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
