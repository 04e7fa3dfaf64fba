"""`make bench`: the production-like stack under load, with a table of figures and ratios.

Stack: gunicorn (several workers) on PostgreSQL with the Redis cache, database task workers,
a loopback SMTP server (bench.smtp_sink); the load comes from a second process
(bench.loadgen). Data: bench.scale_data (400 organisations, 1,000,000 meldingen by default;
only what is missing is generated). Every figure is also given as a ratio to a static file
served by the same server in the same run. See docs/performance.md.

Environment: BENCH_PHASES (default pages,intake,delivery), BENCH_ORGANISATIONS,
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
STAFF_CONCURRENCY = 2  # staff pages: several people at once, one request per core
STAFF_WARMUP = 20  # requests per staff page before it is measured
INTAKE_WARMUP = 16  # meldingen before intake is measured (from 16 of the 400 reporters)
PHASES = os.environ.get("BENCH_PHASES", "pages,intake,delivery").split(",")

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


def start_web(procs: Processes, page_cache: bool) -> subprocess.Popen:
    env = {**ENV, "PUBLIC_PAGE_CACHE_SECONDS": "300" if page_cache else "0"}
    # --preload: the workers fork ready, so none is still starting Django while measured.
    args = [sys.executable, "-m", "gunicorn", "veiligbestuur.wsgi:application", "--preload"]
    args += ["--workers", str(WEB_WORKERS), "--bind", f"{HOST}:{PORT}", "--log-level", "warning"]
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
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.signals import SESSION_STARTED_KEY

    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[SESSION_STARTED_KEY] = time.time()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def fixtures() -> dict:
    """Bench users (idempotent): a reporter with a fresh API key per organisation, and a
    coordinator, a regional police contact (40 organisations) and a redacteur with sessions."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count
    from wagtail.models import APIToken

    from home.models import OrganisationPage
    from meldingen.pages import MeldenPage
    from partners.models import Partner
    from protocols.models import ProtocolPage
    from toolkit.models import ToolkitIndexPage

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
        account.groups.add(*groups)
        return account

    pages = {p.get_parent().pk: p.pk for p in MeldenPage.objects.live().filter(depth__gt=2)}
    reporters = []
    for i, org in enumerate(orgs):
        if org.pk in pages:
            _, key = APIToken.create_token(user=user(f"bench-melder-{i}"), name="bench")
            reporters.append((key, pages[org.pk]))
    police = user("bench-politie")
    police.partners.add(*Partner.objects.filter(organisation__in=orgs[:40], kind__code="politie"))
    coordinator = user("bench-coordinator", [biggest.coordinators_group])
    for partner in Partner.objects.filter(
        organisation=biggest, kind__code="veiligheidscoordinator"
    ):
        partner.users.add(coordinator)
    redacteur = user("bench-redacteur", [biggest.editors_group])
    return {
        "reporters": reporters,
        "orgs": orgs,
        "organisation_home": biggest.url,
        "protocols": [p.url for p in ProtocolPage.objects.live().child_of(biggest)][:1]
        + [p.url for p in ProtocolPage.objects.live().filter(depth__gt=3)[:50]],
        "toolkits": [t.url for t in ToolkitIndexPage.objects.live().filter(depth__gt=3)[:50]],
        "explorer": f"/admin/pages/{biggest.pk}/",
        "sessions": {
            "partner": staff_session(police),
            "coordinator": staff_session(coordinator),
            "redacteur": staff_session(redacteur),
        },
    }


# --- Phases --------------------------------------------------------------------------------


def page_phases(procs: Processes, fx: dict, cached: bool, baseline_only: bool = False) -> dict:
    """Static file, protocol page and toolkit; with the page cache also the staff pages. With
    baseline_only just the static file (for a run of other phases)."""
    label = "gecachet" if cached else "ongecachet"
    web = start_web(procs, page_cache=cached)
    results = {f"statisch bestand ({label})": load([get(STATIC_FILE)], 16)}
    if not cached and not baseline_only:
        # The floor under every dynamic page: Django's full middleware, no database, no template.
        results[f"Django /gezond/ ({label})"] = load([get(HEALTH_URL)], 16)
    if not baseline_only:
        toolkit = [f"{url}?kind=handreiking" for url in fx["toolkits"]]
        homes = {"startpagina landelijk": "/", "startpagina organisatie": fx["organisation_home"]}
        public = fx["protocols"] + toolkit + list(homes.values())
        # Steady state, cached or not: with all workers busy at once, each compiles the
        # templates; every URL is served (uncached: its route and fragments are stored;
        # cached: the page).
        load([get(u) for u in public], WEB_WORKERS, count=len(public) * 2)
        results[f"protocolpagina ({label})"] = load([get(u) for u in fx["protocols"]], 16)
        results[f"toolkit gefilterd ({label})"] = load([get(u) for u in toolkit], 16)
        for name, url in homes.items():
            results[f"{name} ({label})"] = load([get(url)], 16)
    if cached and not baseline_only:
        cookies = fx["sessions"]
        staff = {
            "partnerinbox": get("/partner/", cookies["partner"]),
            "meldingen (coördinator)": get("/admin/meldingen/", cookies["coordinator"]),
            "dashboard (coördinator)": get("/admin/registratie/", cookies["coordinator"]),
            "verkenner (redacteur)": get(fx["explorer"], cookies["redacteur"]),
        }
        for name, request in staff.items():
            load([request], 1, count=STAFF_WARMUP)  # every worker has run it; data in memory
            results[name] = load([request], STAFF_CONCURRENCY)
    procs.stop(web)
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
        sent = sorted(Notice.objects.filter(pk__in=notices).values_list("sent_at", flat=True))
        delivered = [t for t in sent if t is not None]
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

MINIMUM_SHARE_OF_STATIC = {
    "protocolpagina (gecachet)": 0.5,
    "toolkit gefilterd (gecachet)": 0.5,
    "protocolpagina (ongecachet)": 0.1,
    "startpagina landelijk (gecachet)": 0.5,
    "startpagina organisatie (gecachet)": 0.5,
}
STAFF_PAGES = (
    "partnerinbox",
    "meldingen (coördinator)",
    "dashboard (coördinator)",
    "verkenner (redacteur)",
)


def verdict(ok: bool) -> str:
    return "ja" if ok else "NEE"


def report(pages: dict, intake: dict, delivery: dict, scale: str) -> list[str]:
    lines = [f"Veilig Bestuur benchmark — {scale}", ""]
    lines.append(
        f"{'meting':<38}{'verz./s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'fouten':>8}{'× statisch':>12}  doel"
    )
    for name, r in pages.items():
        # Each row against the static file of the same server run (staff pages: cached run).
        label = "ongecachet" if name.endswith("(ongecachet)") else "gecachet"
        static = pages[f"statisch bestand ({label})"]
        ratio = r["rate"] / static["rate"] if static["rate"] else 0
        goal = ""
        if name in MINIMUM_SHARE_OF_STATIC:
            minimum = MINIMUM_SHARE_OF_STATIC[name]
            goal = f"≥ {minimum:.0%} van statisch: {verdict(ratio >= minimum)}"
        elif name in STAFF_PAGES:
            goal = f"p95 < 300 ms: {verdict(r['p95'] < 300)}"
        lines.append(
            f"{name:<38}{r['rate']:>9.1f}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['p99']:>9.1f}"
            f"{r['errors']:>8}{ratio:>12.3f}  {goal}"
        )
    static = pages["statisch bestand (gecachet)"]["rate"]
    if intake:
        lines += intake_lines(intake, static)
    if delivery:
        lines += delivery_lines(delivery, static)
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
        pages, intake, delivery = {}, {}, {}
        if "pages" in PHASES:
            say("pagina's zonder paginacache")
            pages = page_phases(procs, fx, cached=False)
            say("pagina's met paginacache en pagina's voor medewerkers")
        pages.update(page_phases(procs, fx, cached=True, baseline_only="pages" not in PHASES))
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
    lines = report(pages, intake, delivery, scale)
    print("\n".join(lines))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (VAR / f"results-{stamp}.json").write_text(
        json.dumps(
            {"scale": scale, "pages": pages, "intake": intake, "delivery": delivery},
            indent=2,
            default=str,
        )
    )
    (VAR / f"results-{stamp}.txt").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
