"""`make bench`: the production-like stack under load, with a table of figures and ratios.

Stack: gunicorn (several workers) on PostgreSQL with the Redis cache, database task workers,
a loopback SMTP server (bench.smtp_sink). Throughput rows (every public page type, cached and
uncached, staff pages) are driven by wrk (bench.wrk, a lean C generator; any answer outside
2xx fails the run); warm-up and intake by bench.loadgen. Beside ours, a stock Wagtail page
(bench.stockpage) through Wagtail's own serve view, and exports of 100,000 meldingen (peak RSS
growth of the web worker, time to the first byte). Data: bench.scale_data (400
organisations, 1,000,000 meldingen by default; only what is missing is generated). Every
figure is also given as a ratio to a static file served by the same server in the same run.
See docs/performance.md.

Environment: BENCH_PHASES (default pages,editor,exports,intake,delivery), BENCH_ORGANISATIONS,
BENCH_MELDINGEN, BENCH_SECONDS (per phase, default 10), BENCH_WEB_WORKERS (default 2 per
core plus 1), BENCH_SMTP_DELAY_MS (default 50), REDIS_URL and DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/vb_bench).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bench import wrk

ROOT = Path(__file__).resolve().parent.parent
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
VAR = ROOT / "var" / "bench"
SETTINGS = "veiligbestuur.settings.bench"
HOST, PORT, SMTP_PORT = "127.0.0.1", 8100, 2525
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
# gunicorn's own advice, (2 x cores) + 1: workers also wait on PostgreSQL and Redis.
WEB_WORKERS = int(os.environ.get("BENCH_WEB_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
SMTP_DELAY_MS = float(os.environ.get("BENCH_SMTP_DELAY_MS", "50"))
INTAKE_COUNT, INTAKE_CONCURRENCY = 1600, 16
DELIVERY_MELDINGEN = 150  # per delivery round; two or more notices each
STATIC_FILE = "/static/css/veiligbestuur.css"  # the baseline every figure is compared to
HEALTH_URL = "/gezond/"
STAFF_CONCURRENCY = 4  # staff pages: four people at once
STOCK_ROW = "Wagtail standaardpagina"
STAFF_WARMUP = 20  # requests per staff page before it is measured
INTAKE_WARMUP = 16  # meldingen before intake is measured (from 16 of the 400 reporters)
PHASES = os.environ.get("BENCH_PHASES", "pages,editor,exports,intake,delivery").split(",")
EXPORT_MELDINGEN = 100_000
EXPORT_GOALS = {"rss_growth_mb": 50, "first_byte_s": 1.0}
EMPTY_PERIOD = "occurred_from=2100-01-01&occurred_until=2100-01-02"

ENV = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "BENCH_SMTP_PORT": str(SMTP_PORT)}


def say(text: str) -> None:
    # Amsterdam time throughout (Django sets the process's time zone once it is set up).
    print(f"[bench {datetime.now(AMSTERDAM):%H:%M:%S}] {text}", file=sys.stderr, flush=True)


def manage(*args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)


# --- Preparation ---------------------------------------------------------------------------


def ensure_database() -> None:
    """Create the bench database if missing. One migrated under an older layout (migrations
    that no longer exist, e.g. before the apps were split by capability) is dropped and built
    again."""
    import dj_database_url
    import psycopg

    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/vb_bench")
    ENV["DATABASE_URL"] = url
    db = dj_database_url.parse(url)
    server = f"host={db['HOST']} port={db['PORT'] or 5432} user={db['USER']}"
    with psycopg.connect(f"{server} dbname=postgres", autocommit=True) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname=%s", [db["NAME"]])
        if found.fetchone():
            if not _outdated(f"{server} dbname={db['NAME']}"):
                return
            say(f"database {db['NAME']} heeft migraties die niet meer bestaan: opnieuw opbouwen")
            admin.execute(f'DROP DATABASE "{db["NAME"]}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{db["NAME"]}"')


def _outdated(conninfo: str) -> bool:
    """Whether the database has applied migrations of our apps that are no longer on disk."""
    import psycopg

    with psycopg.connect(conninfo) as conn:
        if not conn.execute("SELECT to_regclass('django_migrations')").fetchone()[0]:
            return False
        applied = set(conn.execute("SELECT app, name FROM django_migrations").fetchall())
    known = {(path.parent.parent.name, path.stem) for path in ROOT.glob("*/migrations/[0-9]*.py")}
    ours = {app for app, _ in known} | {"registration"}  # the app label before reporting
    return bool({(app, name) for app, name in applied if app in ours} - known)


def prepare() -> None:
    ensure_database()
    manage("migrate", "--no-input", "-v0")
    manage("collectstatic", "--no-input", "-v0")
    os.environ.update(ENV)
    import django

    django.setup()
    from protocols.models import ProtocolTemplatePage

    if not ProtocolTemplatePage.objects.exists():
        manage("load_demo")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.scale_data",
            "--organisations",
            os.environ.get("BENCH_ORGANISATIONS", "400"),
            "--meldingen",
            os.environ.get("BENCH_MELDINGEN", "1000000"),
        ],
        cwd=ROOT,
        env=ENV,
        check=True,
    )


# --- Processes -----------------------------------------------------------------------------


class Processes:
    """Child processes, stopped in reverse order (also on errors)."""

    def __init__(self):
        self.children: list[subprocess.Popen] = []

    def start(self, args: list[str], env=None, **kwargs) -> subprocess.Popen:
        child = subprocess.Popen(args, cwd=ROOT, env=env or ENV, **kwargs)
        self.children.append(child)
        return child

    def stop(self, child: subprocess.Popen) -> None:
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(30)
            except subprocess.TimeoutExpired:
                child.kill()
        if child in self.children:
            self.children.remove(child)

    def stop_all(self) -> None:
        for child in reversed(list(self.children)):
            self.stop(child)


def start_web(procs: Processes, page_cache: bool, timeout: int = 30) -> subprocess.Popen:
    env = {**ENV, "PUBLIC_PAGE_CACHE_SECONDS": "300" if page_cache else "0"}
    # --preload: the workers fork ready, so none is still starting Django while measured.
    args = [sys.executable, "-m", "gunicorn", "veiligbestuur.wsgi:application", "--preload"]
    args += ["--workers", str(WEB_WORKERS), "--bind", f"{HOST}:{PORT}", "--log-level", "warning"]
    args += ["--timeout", str(timeout)]  # gunicorn's default 30 s, longer for the exports
    web = procs.start(args, env=env, stdout=subprocess.DEVNULL)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://{HOST}:{PORT}{STATIC_FILE}", timeout=2)
            return web
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn kwam niet op")


class FailedRequests(RuntimeError):
    """A measured request did not get its expected answer: the run stops (a 500 is no
    throughput)."""


def load(
    requests: list[dict], concurrency: int, *, count: int | None = None, expect: int = 200
) -> dict:
    """Run bench.loadgen in its own process against the web server; every answer must have
    status expect, or the run stops with FailedRequests."""
    plan = {"host": HOST, "port": PORT, "concurrency": concurrency, "requests": requests}
    plan.update({"count": count} if count else {"duration": SECONDS})
    result = subprocess.run(
        [sys.executable, "-m", "bench.loadgen"],
        cwd=ROOT,
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        check=True,
    )
    outcome = json.loads(result.stdout)
    wrong = {s: n for s, n in outcome["statuses"].items() if s != str(expect)}
    if wrong or outcome["errors"]:
        paths = sorted({r["path"] for r in requests})[:5]
        raise FailedRequests(
            f"verwacht {expect}, gekregen {wrong or '-'}, fouten {outcome['errors']}"
            f" (adressen o.a. {paths})"
        )
    return outcome


def get(path: str, cookie: str = "") -> dict:
    return {"method": "GET", "path": path, "headers": {"Cookie": cookie} if cookie else {}}


# --- Fixtures ------------------------------------------------------------------------------


def staff_session(user) -> str:
    """A session cookie for user as after a complete login (password and TOTP)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.signals import SESSION_STARTED_KEY

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The first backend that can load a user (axes' comes first and only guards logins).
    session[BACKEND_SESSION_KEY] = next(
        path
        for path in settings.AUTHENTICATION_BACKENDS
        if hasattr(import_string(path), "get_user")
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[SESSION_STARTED_KEY] = time.time()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def analyse() -> None:
    """Fresh planner statistics: fixtures() adds users, partner links and sessions after
    scale_data's ANALYZE, too few rows for autovacuum to analyse them (a table of 13 links
    with 40 new ones was planned as 1 row: a partner inbox 4 times slower than with its
    statistics)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def fixtures() -> dict:
    """Bench users (idempotent, memberships set exactly): a reporter with a fresh API key per
    organisation, and a coordinator, a regional police contact (40 organisations) and a
    redacteur with sessions."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models import Count
    from wagtail.models import APIToken

    from home.models import OrganisationPage
    from home.tenancy import NATIONAL_EDITORS_GROUP
    from meldingen.models import Melding
    from meldingen.pages import MeldenPage
    from partners.models import Partner
    from protocols.models import ProtocolPage
    from toolkit.models import (
        ChecklistPage,
        StappenplanPage,
        ToolkitIndexPage,
        ToolkitResourcePage,
    )

    User = get_user_model()
    orgs = list(
        OrganisationPage.objects.filter(title__contains=" Schaalstad ")
        .annotate(n=Count("meldingen"))
        .order_by("-n")
    )
    biggest = orgs[0]

    def user(name: str, groups=()):
        account, _ = User.objects.get_or_create(
            username=name, defaults={"email": f"{name}@bench.example"}
        )
        account.groups.set(groups)  # exactly these: an earlier run's biggest may differ
        return account

    pages = {p.get_parent().pk: p.pk for p in MeldenPage.objects.live().filter(depth__gt=2)}
    reporters = []
    for i, org in enumerate(orgs):
        if org.pk in pages:
            _, key = APIToken.create_token(user=user(f"bench-melder-{i}"), name="bench")
            reporters.append((key, pages[org.pk]))
    police = user("bench-politie")
    police.partners.set(Partner.objects.filter(organisation__in=orgs[:40], kind__code="politie"))
    coordinator = user("bench-coordinator", [biggest.coordinators_group])
    coordinator.partners.set(
        Partner.objects.filter(organisation=biggest, kind__code="veiligheidscoordinator")
    )
    redacteur = user("bench-redacteur", [biggest.editors_group])
    national = user("bench-redactie", [Group.objects.get(name=NATIONAL_EDITORS_GROUP)])
    dutch = {"locale__language_code": "nl"}
    toolkits = [t.url for t in ToolkitIndexPage.objects.live().filter(depth__gt=3)[:50]]
    live = {"live": True, **dutch}
    return {
        "reporters": reporters,
        "orgs": orgs,
        "organisation_home": biggest.url,
        "protocols": [p.url for p in ProtocolPage.objects.live().child_of(biggest)][:1]
        + [p.url for p in ProtocolPage.objects.live().filter(depth__gt=3)[:50]],
        "toolkits": toolkits,
        "public": {
            "startpagina landelijk": ["/"],
            "startpagina organisatie": [biggest.url],
            "protocolpagina": [p.url for p in ProtocolPage.objects.live().child_of(biggest)][:1]
            + [p.url for p in ProtocolPage.objects.live().filter(depth__gt=3)[:50]],
            "toolkit landelijk": [
                t.url for t in ToolkitIndexPage.objects.filter(depth=3, **live)[:1]
            ],
            "toolkit organisatie": toolkits,
            "toolkit gefilterd": [f"{url}?kind=handreiking&moment=voor" for url in toolkits],
            "hulpmiddel": [r.url for r in ToolkitResourcePage.objects.filter(**live)[:50]],
            "Stappenplan": [p.url for p in StappenplanPage.objects.filter(**live)[:5]],
            "checklist": [p.url for p in ChecklistPage.objects.filter(**live)[:5]],
            "zoeken": [f"/zoeken/?q={q}" for q in ("agressie", "bedreiging", "aangifte")],
            # GET only; the form itself (an organisation that accepts meldingen without account)
            "meldformulier": [
                p.url for p in MeldenPage.objects.filter(accept_without_account=True, **live)
            ][:5],
        },
        "stock_page": stock_page(),
        "explorer": f"/admin/pages/{biggest.pk}/",
        "case": f"/admin/meldingen/{Melding.objects.filter(organisation=biggest).latest('pk').pk}/",
        "export_query": export_query(),
        "sessions": {
            "partner": staff_session(police),
            "coordinator": staff_session(coordinator),
            "redacteur": staff_session(redacteur),
            "national": staff_session(national),
        },
    }


def stock_page() -> str:
    """The stock Wagtail page (bench.stockpage) under the Dutch home page, made once: a title,
    an intro and a rich text body of about the length of a protocol section."""
    from wagtail.models import Site

    from bench.stockpage.models import StockPage
    from bench.stockpage.urls import SLUG

    page = StockPage.objects.filter(slug=SLUG).first()
    if page is None:
        home = Site.objects.get(is_default_site=True).root_page
        paragraph = (
            "<p>Een gewone Wagtail-pagina: titel, inleiding en een tekst met <b>opmaak</b>, "
            '<a href="https://wagtail.org">een link</a> en een lijst.</p>'
        )
        body = "<h2>Kop</h2>" + paragraph * 6 + "<ul><li>een</li><li>twee</li></ul>"
        page = home.add_child(
            instance=StockPage(
                title="Wagtail standaard", slug=SLUG, intro="Ter vergelijking", body=body
            )
        )
        page.save_revision().publish()
    return f"/{SLUG}/"


def export_query() -> str:
    """A period with at least EXPORT_MELDINGEN meldingen (all of them at a smaller scale)."""
    from meldingen.models import Melding

    dates = Melding.objects.order_by("-occurred_at").values_list("occurred_at", flat=True)
    found = list(dates[EXPORT_MELDINGEN - 1 : EXPORT_MELDINGEN])
    start = timezone_date(found[0]) if found else timezone_date(dates.last())
    return f"occurred_from={start.isoformat()}&occurred_until=2100-01-01"


def timezone_date(moment):
    from django.utils import timezone

    return timezone.localtime(moment).date()


# --- Phases --------------------------------------------------------------------------------


def throughput(paths: list[str], connections: int = 16, cookie: str = "") -> dict:
    """A throughput row with wrk against the running web server (any non-2xx fails the run)."""
    return wrk.run(
        f"http://{HOST}:{PORT}",
        paths,
        seconds=SECONDS,
        connections=connections,
        threads=min(2, connections),
        cookie=cookie,
    )


def page_phases(procs: Processes, fx: dict, cached: bool, baseline_only: bool = False) -> dict:
    """Static file and every public page type; uncached also Django's floor (/gezond/) and the
    stock Wagtail page; cached also the staff pages. With baseline_only just the static file
    (for a run of other phases)."""
    label = "gecachet" if cached else "ongecachet"
    web = start_web(procs, page_cache=cached)
    results = {f"statisch bestand ({label})": throughput([STATIC_FILE])}
    if baseline_only:
        procs.stop(web)
        return results
    if not cached:
        # The floor under every dynamic page: Django's full middleware, no database, no template.
        results[f"Django /gezond/ ({label})"] = throughput([HEALTH_URL])
    public = [url for urls in fx["public"].values() for url in urls] + [fx["stock_page"]]
    # Steady state, cached or not: with all workers busy at once, each compiles the
    # templates; every URL is served (uncached: its route and fragments are stored;
    # cached: the page).
    load([get(u) for u in public], WEB_WORKERS, count=len(public) * 2)
    for name, urls in fx["public"].items():
        results[f"{name} ({label})"] = throughput(urls)
    if not cached:
        # Stock Wagtail beside ours: Wagtail's serve view, no route cache, no fragments.
        results[f"{STOCK_ROW} ({label})"] = throughput([fx["stock_page"]])
    if cached:
        cookies = fx["sessions"]
        staff = {
            "partnerinbox": ("/partner/", cookies["partner"]),
            "meldingen (coördinator)": ("/admin/meldingen/", cookies["coordinator"]),
            "dossier (coördinator)": (fx["case"], cookies["coordinator"]),
            "dashboard (coördinator)": ("/admin/registratie/", cookies["coordinator"]),
            "verkenner (redacteur)": (fx["explorer"], cookies["redacteur"]),
        }
        for name, (path, cookie) in staff.items():
            load([get(path, cookie)], 1, count=STAFF_WARMUP)  # every worker has run it
            results[name] = throughput([path], STAFF_CONCURRENCY, cookie)
    procs.stop(web)
    return results


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            line = next(line for line in status if line.startswith("VmRSS:"))
        return int(line.split()[1])
    except (OSError, StopIteration):
        return 0


def _workers(master: int) -> list[int]:
    with open(f"/proc/{master}/task/{master}/children") as children:
        return [int(pid) for pid in children.read().split()]


def _download(path: str, cookie: str, workers: list[int]) -> dict:
    """GET path, reading the body as it comes; time to the first byte, total time, size, and
    the peak RSS growth of the web worker (sampled every 10 ms)."""
    import http.client
    import threading

    before = {pid: _rss_kb(pid) for pid in workers}
    peak = dict(before)
    done = threading.Event()

    def sample():
        while not done.is_set():
            for pid in workers:
                peak[pid] = max(peak[pid], _rss_kb(pid))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    began = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, PORT, timeout=600)
    try:
        conn.request("GET", path, headers={"Cookie": cookie})
        response = conn.getresponse()
        first = response.read(1)
        first_byte = time.perf_counter() - began
        size = len(first) + sum(len(chunk) for chunk in iter(lambda: response.read(65536), b""))
        status = response.status
    finally:
        conn.close()
        done.set()
        sampler.join()
    if status != 200:
        raise FailedRequests(f"export {path}: verwacht 200, gekregen {status}")
    return {
        "first_byte_s": round(first_byte, 3),
        "seconds": round(time.perf_counter() - began, 2),
        "mb": round(size / 1e6, 1),
        "rss_growth_mb": round(max(peak[p] - before[p] for p in workers) / 1024, 1),
    }


def export_phase(procs: Processes, fx: dict) -> dict:
    """CSV and XLSX of EXPORT_MELDINGEN meldingen (national editor, without personal fields),
    one web worker so its memory is measured alone; first a small export of each format (the
    worker has imported and compiled everything)."""
    from meldingen.models import Melding

    global WEB_WORKERS
    workers, WEB_WORKERS = WEB_WORKERS, 1
    try:
        web = start_web(procs, page_cache=True, timeout=600)
    finally:
        WEB_WORKERS = workers
    cookie = fx["sessions"]["national"]
    pids = _workers(web.pid)
    results = {}
    for fmt in ("csv", "xlsx"):
        _download(f"/admin/registratie/export/{fmt}/?{EMPTY_PERIOD}", cookie, pids)
        results[fmt] = _download(
            f"/admin/registratie/export/{fmt}/?{fx['export_query']}", cookie, pids
        )
    procs.stop(web)
    start = fx["export_query"].split("&")[0].split("=")[1]
    results["meldingen"] = Melding.objects.filter(occurred_at__date__gte=start).count()
    return results


def intake_phase(procs: Processes, fx: dict) -> dict:
    """Meldingen through the JSON API at concurrency 16; afterwards every accepted one is
    looked up: committed, in the coordinator's triage queue, confirmation queued."""
    from django.core.cache import cache
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from meldingen.models import Melding

    cache.delete_pattern("*ratelimit:*")
    occurred = timezone.now().replace(microsecond=0).isoformat()
    body = {
        "kinds": ["bedreiging"],
        "occurred_at": occurred,
        "place": "online",
        "channel": "sociale_media",
        "description": "Benchmarkmelding",
        "related_to_office": "ja",
        "perpetrator_known": "nee",
        "wishes": ["registratie", "aangifte"],
        "consent_kinds": ["politie"],
        "reporter_role": "raadslid",
    }
    requests = [
        {
            "method": "POST",
            "path": f"/api/meldpunten/{page}/meldingen",
            "headers": {"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
            "body": json.dumps(body),
        }
        for key, page in fx["reporters"]
    ]
    web = start_web(procs, page_cache=True)
    # Warm-up, not counted: each worker has answered a melding (first connection, schemas).
    load(requests[-INTAKE_WARMUP:], INTAKE_CONCURRENCY, count=INTAKE_WARMUP, expect=201)
    began = timezone.now()
    # Within the per-user rate limit: a burst from many office holders, not one.
    result = load(
        requests, INTAKE_CONCURRENCY, count=min(INTAKE_COUNT, 8 * len(requests)), expect=201
    )
    procs.stop(web)
    new = Melding.objects.filter(created_at__gte=began, reporter__username__startswith="bench-")
    result["committed"] = new.count()
    queued = DBTaskResult.objects.filter(enqueued_at__gte=began)
    result["moderation_queued"] = queued.filter(task_path__endswith="begin_moderation").count()
    result["confirmations_queued"] = queued.filter(task_path__endswith="send_confirmation").count()
    result["lost"] = result["statuses"].get("201", 0) - result["committed"]
    result["ids"] = [str(pk) for pk in new.values_list("pk", flat=True)]
    return result


def run_workers(procs: Processes, n: int) -> None:
    """n database task workers until the queue is empty."""
    args = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "-v0"]
    workers = [procs.start(args) for _ in range(n)]
    for worker in workers:
        worker.wait(900)
        procs.children.remove(worker)


def route_some(count: int) -> tuple[list[int], float]:
    """Triage and route count waiting bench meldingen as their coordinator would; returns the
    notices queued and the routing rate (meldingen/s, in this process)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from meldingen.models import Melding, Status
    from partners.models import Notice
    from partners.rules import propose
    from workflows.moderation import route, triage

    actor = get_user_model().objects.get(username="beheerder")
    waiting = Melding.objects.filter(
        status=Status.RECEIVED, reporter__username__startswith="bench-"
    ).order_by("pk")[:count]
    start, done = time.perf_counter(), []
    for melding in waiting:
        with transaction.atomic():
            triage(
                melding, actor=actor, severity=melding.severity, urgent=False, kinds=melding.kinds
            )
            route(melding, actor=actor, proposals=propose(melding))
        done.append(melding.pk)
    rate = len(done) / (time.perf_counter() - start)
    return list(Notice.objects.filter(melding__in=done).values_list("pk", flat=True)), rate


def drain_intake(procs: Processes, intake: dict) -> None:
    """The intake's moderation starts and confirmations, by 4 workers (untimed); then every
    melding taken in must be in its coordinator's triage queue. Leaves nothing queued."""
    from wagtail.models import WorkflowState

    run_workers(procs, 4)
    intake["in_triage"] = WorkflowState.objects.filter(
        object_id__in=intake.pop("ids"), status=WorkflowState.STATUS_IN_PROGRESS
    ).count()


def delivery_phase(procs: Processes, log: Path) -> dict:
    from partners.models import Notice

    run_workers(procs, 4)  # first anything still queued (e.g. from earlier runs), untimed
    results = {}
    for workers in (1, 4):
        notices, routing_rate = route_some(DELIVERY_MELDINGEN)
        run_workers(procs, workers)
        sent = Notice.objects.filter(pk__in=notices).values_list("sent_at", flat=True)
        delivered = sorted(t for t in sent if t is not None)  # a failed one has none
        span = (delivered[-1] - delivered[0]).total_seconds() if len(delivered) > 1 else 0
        results[workers] = {
            "notices": len(notices),
            "delivered": len(delivered),
            "rate": round((len(delivered) - 1) / span, 1) if span else 0.0,
            "routing_rate": round(routing_rate, 1),
        }
    ids = [line.split("\t")[0] for line in log.read_text().splitlines()]
    notice_ids = [i for i in ids if i.startswith("<notice-")]
    results["duplicates"] = len(notice_ids) - len(set(notice_ids))
    return results


# --- Report --------------------------------------------------------------------------------

CACHED_SHARE, UNCACHED_SHARE = 0.60, 0.10  # of the static file in the same run
STAFF_P95_MS = 150
STAFF_PAGES = (
    "partnerinbox",
    "meldingen (coördinator)",
    "dossier (coördinator)",
    "dashboard (coördinator)",
    "verkenner (redacteur)",
)
NO_GOAL = ("statisch bestand", "Django /gezond/", STOCK_ROW)


def verdict(ok: bool) -> str:
    return "ja" if ok else "NEE"


def goal_for(name: str, ratio: float, r: dict) -> str:
    if name in STAFF_PAGES:
        return f"p95 < {STAFF_P95_MS} ms: {verdict(r['p95'] < STAFF_P95_MS)}"
    if name.startswith(NO_GOAL):
        return ""
    minimum = UNCACHED_SHARE if name.endswith("(ongecachet)") else CACHED_SHARE
    return f"≥ {minimum:.2f} × statisch: {verdict(ratio >= minimum)}"


def report(pages: dict, intake: dict, delivery: dict, scale: str, exports: dict) -> list[str]:
    lines = [f"Veilig Bestuur benchmark — {scale}", ""]
    lines.append(
        f"{'meting':<42}{'verz./s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'× statisch':>12}  doel"
    )
    for name, r in pages.items():
        # Each row against the static file of the same server run (staff pages: cached run).
        label = "ongecachet" if name.endswith("(ongecachet)") else "gecachet"
        static = pages[f"statisch bestand ({label})"]
        ratio = r["rate"] / static["rate"] if static["rate"] else 0
        lines.append(
            f"{name:<42}{r['rate']:>9.1f}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}"
            f"{ratio:>12.3f}  {goal_for(name, ratio, r)}"
        )
    lines += stock_lines(pages)
    static = pages["statisch bestand (gecachet)"]["rate"]
    if exports:
        lines += export_lines(exports)
    if intake:
        lines += intake_lines(intake, static)
    if delivery:
        lines += delivery_lines(delivery, static)
    return lines


def stock_lines(pages: dict) -> list[str]:
    """Every uncached page type as a multiple of the stock Wagtail page (same server run)."""
    stock = pages.get(f"{STOCK_ROW} (ongecachet)")
    if not stock:
        return []
    parts = [
        f"{name.removesuffix(' (ongecachet)')} {r['rate'] / stock['rate']:.2f}"
        for name, r in pages.items()
        if name.endswith("(ongecachet)") and not name.startswith(NO_GOAL)
    ]
    return [
        "",
        f"Ongecachet als veelvoud van een standaard Wagtail-pagina ({stock['rate']:.1f} verz./s, "
        f"zelfde gunicorn): " + "; ".join(parts),
    ]


def export_lines(exports: dict) -> list[str]:
    lines = [
        "",
        f"Exports van {exports['meldingen']:,} meldingen (1 worker, zonder persoonsgegevens):",
    ]
    for fmt in ("csv", "xlsx"):
        e = exports[fmt]
        ok = (
            e["rss_growth_mb"] < EXPORT_GOALS["rss_growth_mb"]
            and e["first_byte_s"] < EXPORT_GOALS["first_byte_s"]
        )
        lines.append(
            f"  {fmt.upper():<5} eerste byte {e['first_byte_s']:.2f} s, "
            f"klaar na {e['seconds']:.1f} s, "
            f"{e['mb']:.1f} MB, piekgroei RSS {e['rss_growth_mb']:.1f} MB. "
            f"Doel < {EXPORT_GOALS['rss_growth_mb']} MB en < 1 s: {verdict(ok)}"
        )
    return lines


def intake_lines(intake: dict, static: float) -> list[str]:
    ok_intake = intake["rate"] >= 100 and intake["errors"] == 0 and intake["lost"] == 0
    ok_intake = ok_intake and intake["moderation_queued"] == intake["committed"]
    return [
        "",
        f"Intake (API, gelijktijdig {INTAKE_CONCURRENCY}): {intake['rate']:.1f} meldingen/s "
        f"(× statisch {intake['rate'] / static:.3f}), p95 {intake['p95']:.0f} ms; "
        f"{intake['statuses'].get('201', 0)} aangenomen, {intake['committed']} vastgelegd, "
        f"{intake['moderation_queued']} moderatiestarts en {intake['confirmations_queued']} "
        f"bevestigingen in de wachtrij, na de workers {intake.get('in_triage', '?')} in triage; "
        f"fouten {intake['errors']}, kwijt {intake['lost']}. "
        f"Doel ≥ 100/s, 0 fouten, 0 kwijt: {verdict(ok_intake)}",
    ]


def delivery_lines(delivery: dict, static: float) -> list[str]:
    lines = []
    one, four = delivery[1], delivery[4]
    scale_up = four["rate"] / one["rate"] if one["rate"] else 0
    ok_delivery = scale_up >= 3 and delivery["duplicates"] == 0
    for workers in (1, 4):
        d = delivery[workers]
        lines.append(
            f"Bezorging, {workers} worker(s): {d['rate']:.1f} berichten/s "
            f"(× statisch {d['rate'] / static:.3f}); {d['delivered']}/{d['notices']} bezorgd "
            f"(routering vooraf: {d['routing_rate']:.1f} meldingen/s)"
        )
    lines.append(
        f"Bezorging schaalt: 4 workers = {scale_up:.2f} × 1 worker, dubbel verzonden: "
        f"{delivery['duplicates']}. Doel ≥ 3× en 0 dubbel: {verdict(ok_delivery)}"
    )
    return lines


def main() -> None:
    VAR.mkdir(parents=True, exist_ok=True)
    say("voorbereiden: database, migraties, statische bestanden, schaaldata")
    prepare()
    from meldingen.models import Melding

    fx = fixtures()
    analyse()  # the bench users and their partners are new rows, as after autovacuum's ANALYZE
    scale = (
        f"{len(fx['orgs'])} organisaties, {Melding.objects.count():,} meldingen; "
        f"{os.cpu_count()} cores, gunicorn {WEB_WORKERS} workers, {SECONDS:.0f} s per meting"
    )
    say(scale)
    log = VAR / "smtp.log"
    log.write_text("")
    procs = Processes()
    try:
        sink = procs.start(
            [sys.executable, "-m", "bench.smtp_sink", str(SMTP_PORT), str(log), str(SMTP_DELAY_MS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        sink.stdout.readline()
        pages, intake, delivery, exports = {}, {}, {}, {}
        if "pages" in PHASES:
            say("pagina's zonder paginacache")
            pages = page_phases(procs, fx, cached=False)
            say("pagina's met paginacache en pagina's voor medewerkers")
        pages.update(page_phases(procs, fx, cached=True, baseline_only="pages" not in PHASES))
        editor = {}
        if "editor" in PHASES:  # bench.editor: the protocol editor, opening and saving
            from bench.editor import editor_phase

            say("protocoleditor: openen en opslaan door twee redacteuren tegelijk")
            web = start_web(procs, page_cache=True)
            editor = editor_phase(load, staff_session)
            procs.stop(web)
        if "exports" in PHASES:
            say(f"exports: csv en xlsx van {EXPORT_MELDINGEN:,} meldingen")
            exports = export_phase(procs, fx)
        if "intake" in PHASES:
            say(f"intake: {INTAKE_COUNT} meldingen via de API")
            intake = intake_phase(procs, fx)
            say("intake: moderatiestarts en bevestigingen door 4 workers (niet getimed)")
            drain_intake(procs, intake)
        if "delivery" in PHASES:
            say("bezorging: 1 en 4 workers")
            delivery = delivery_phase(procs, log)
    finally:
        procs.stop_all()
    lines = report(pages, intake, delivery, scale, exports)
    if editor:
        from bench.editor import editor_lines

        lines += editor_lines(editor)
    print("\n".join(lines))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (VAR / f"results-{stamp}.json").write_text(
        json.dumps(
            {
                "scale": scale,
                "pages": pages,
                "exports": exports,
                "intake": intake,
                "delivery": delivery,
            },
            indent=2,
            default=str,
        )
    )
    (VAR / f"results-{stamp}.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
