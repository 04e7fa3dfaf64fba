"""Registration figures against hand-computed expectations, the dashboard's scope and its
query count, and small-count suppression in the national overview."""

import datetime
import pickle

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meldingen.models import AvoidanceSignal, Melding, Status
from meldingen.services import change_status
from reporting.figures import Figures, Row, figures
from reporting.suppression import suppressed
from tests import factories
from tests.registration_helpers import at, melding, notice

pytestmark = pytest.mark.django_db

PERIOD = {"occurred_from": "2026-01-01", "occurred_until": "2026-03-31"}


@pytest.fixture
def data(org_a, org_b):
    kinds = factories.partner_kinds()
    police = factories.partner(org_a, kinds["politie"], "Politie Aadorp", "p@example.test")
    meldpunt = factories.partner(org_a, kinds["vc"], "Meldpunt Aadorp", "m@example.test")
    m1 = melding(org_a, at(2026, 1, 10, 12), kinds=["verbaal"], channel="persoon")
    m2 = melding(
        org_a,
        at(2026, 1, 20, 12),
        kinds=["bedreiging", "online"],
        channel="sociale_media",
        reporter_role="wethouder",
    )
    m3 = melding(org_a, at(2026, 3, 5, 12), kinds=["bedreiging"], channel="email")
    melding(org_a, at(2025, 12, 31, 12), kinds=["fysiek"])  # before the period
    melding(org_b, at(2026, 1, 15, 12), kinds=["verbaal"])  # other organisation
    for m in (m1, m3):
        change_status(m, Status.CLOSED)
    t = at(2026, 3, 10, 9)
    h = datetime.timedelta(hours=1)
    notice(m1, police, t, t + 48 * h, t + 10 * h)  # in time, 10 h
    notice(m2, police, t, t + 24 * h, t + 30 * h)  # late, 30 h
    notice(m3, police, t, t + 24 * h)  # never acknowledged, deadline passed
    notice(m3, meldpunt, t, t + 24 * h, t + 2 * h)  # in time, 2 h
    for org, day in ((org_a, at(2026, 2, 1).date()), (org_a, at(2025, 6, 1).date())):
        AvoidanceSignal.objects.create(
            organisation=org, kind="bijeenkomsten", reporter_role="raadslid", observed_on=day
        )
    AvoidanceSignal.objects.create(
        organisation=org_b, kind="online", reporter_role="raadslid", observed_on=day
    )
    return {"m1": m1, "m2": m2, "m3": m3}


def counts(rows):
    return {row.key: row.count for row in rows if row.count}


def test_figures_match_hand_computed_expectations(data, org_a):
    period = Melding.objects.filter(
        organisation=org_a, occurred_at__date__range=("2026-01-01", "2026-03-31")
    )
    f = figures(period, at(2026, 1, 1).date(), at(2026, 3, 31).date(), [org_a])
    assert (f.total, f.open, f.closed) == (3, 1, 2)
    assert [(r.key, r.count) for r in f.per_month] == [
        ("2026-01", 2),
        ("2026-02", 0),
        ("2026-03", 1),
    ]
    assert counts(f.by_kind) == {"verbaal": 1, "bedreiging": 2, "online": 1}
    assert counts(f.by_channel) == {"persoon": 1, "sociale_media": 1, "email": 1}
    assert counts(f.by_role) == {"raadslid": 2, "wethouder": 1}
    assert (f.notices, f.acknowledged) == (4, 3)
    assert f.median_ack_hours == 10.0  # median of 2, 10 and 30 hours
    assert f.deadlines_missed == 2  # one late, one never
    police = next(p for p in f.partners if p.partner == "Politie Aadorp")
    assert (police.notices, police.acknowledged, police.median_hours, police.missed) == (
        3,
        2,
        20.0,
        2,
    )
    assert f.avoidance_total == 1
    assert counts(f.avoidance_by_kind) == {"bijeenkomsten": 1}


def test_dashboard_shows_own_figures_for_the_period(data, login, coordinator_a):
    response = login(coordinator_a).get(reverse("reporting_dashboard"), PERIOD)
    assert response.status_code == 200
    f = response.context["f"]
    assert (f.total, f.open, f.closed, f.deadlines_missed) == (3, 1, 2, 2)
    html = response.content.decode()
    assert '<dd data-figure="total">3</dd>' in html
    assert "<table" in html and "<svg" in html  # chart with a table alternative
    assert '<script src="http' not in html  # no external chart library


def test_dashboard_default_period_is_last_twelve_months(data, login, coordinator_b):
    response = login(coordinator_b).get(reverse("reporting_dashboard"))
    assert response.status_code == 200
    assert len(response.context["f"].per_month) in (12, 13)


def test_dashboard_refuses_other_organisation_and_others(
    data, login, coordinator_b, org_a, national_editor, client, make_user
):
    url = reverse("reporting_dashboard")
    assert login(coordinator_b).get(url, {"organisation": org_a.pk}).status_code == 404
    response = login(coordinator_b).get(url, PERIOD)
    assert response.context["f"].total == 1  # only Beestad's melding
    assert login(national_editor).get(url).status_code in (302, 403)
    client.logout()
    assert client.get(url).status_code == 302


def test_dashboard_query_count_does_not_grow_with_data(data, login, coordinator_a, org_a):
    client = login(coordinator_a)
    url = reverse("reporting_dashboard")
    client.get(url, PERIOD)  # warm caches (site, locale)
    with CaptureQueriesContext(connection) as few:
        client.get(url, PERIOD)
    for day in range(2, 9):
        melding(org_a, at(2026, 2, day, 10), kinds=["intimidatie", "stalking"])
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, PERIOD)
    assert response.context["f"].total == 10
    assert len(many) == len(few)


def test_dashboard_query_count_is_bounded(
    data, login, coordinator_a, django_assert_max_num_queries
):
    client = login(coordinator_a)
    client.get(reverse("reporting_dashboard"), PERIOD)
    with django_assert_max_num_queries(40):
        client.get(reverse("reporting_dashboard"), PERIOD)


def test_suppressed_counts():
    assert [suppressed(n) for n in (0, 1, 4, 5, 12)] == ["0", "< 5", "< 5", "5", "12"]


def test_national_overview_suppresses_small_counts(data, login, national_editor, org_a, org_b):
    for day in range(1, 6):
        melding(org_a, at(2026, 2, day, 10), kinds=["verbaal"], channel="telefoon")
    response = login(national_editor).get(reverse("reporting_national"), PERIOD)
    assert response.status_code == 200
    f = response.context["f"]
    assert f["total"] == "9"  # 8 of Aadorp + 1 of Beestad
    kinds = {r.key: r.display for r in f["by_kind"]}
    assert kinds["verbaal"] == "7"
    assert kinds["bedreiging"] == "< 5"
    assert kinds["fysiek"] == "0"
    channels = {r.key: (r.display, r.share) for r in f["by_channel"]}
    assert channels["telefoon"] == ("5", 1.0)
    assert channels["email"] == ("< 5", 0.0)  # no bar that gives the number away
    per_org = {r.label: r.display for r in response.context["by_organisation"]}
    assert per_org[org_a.title] == "8"
    assert per_org[org_b.title] == "< 5"
    per_kind = {r["label"]: r["total"] for r in response.context["by_organisation_kind"]}
    assert per_kind["Gemeente"] == "9"
    assert per_kind["Provincie"] == "0"
    assert f["median_ack_hours"] is None  # fewer than 5 acknowledgements
    html = response.content.decode()
    assert "Politie Aadorp" not in html


def test_national_filter_offers_all_organisations_in_words(data, login, national_editor):
    response = login(national_editor).get(reverse("reporting_national"), PERIOD)
    field = response.context["filterset"].form["organisation"]
    assert '<option value="" selected>Alle</option>' in str(field)
    assert "---------" not in response.content.decode()


def test_kept_figures_hold_plain_labels(data, org_a):
    """The kept figures hold their labels as text in the active language: a lazy label is
    rebuilt as a new class on every read from the cache (20 ms for one dashboard)."""
    period = Melding.objects.filter(organisation=org_a)
    f = figures(period, at(2026, 1, 1).date(), at(2026, 3, 31).date(), [org_a])
    assert b"_lazy_proxy_unpickle" not in pickle.dumps(f)
    assert {r.key: r.label for r in f.by_channel}["telefoon"] == "Telefoon"


def test_national_overview_only_for_national_editors(data, login, coordinator_a):
    response = login(coordinator_a).get(reverse("reporting_national"))
    assert response.status_code in (302, 403)


def test_dashboard_rejects_a_malformed_organisation(data, login, coordinator_a):
    response = login(coordinator_a).get(reverse("reporting_dashboard"), {"organisation": "x"})
    assert response.status_code == 404


def test_dashboard_figures_are_kept_a_minute_per_organisation(
    data, login, coordinator_a, coordinator_b, settings
):
    settings.REGISTRATION_FIGURES_SECONDS = 60
    url = reverse("reporting_dashboard")
    client = login(coordinator_a)
    client.get(url, PERIOD)
    with CaptureQueriesContext(connection) as first:
        response = client.get(url, PERIOD)
    assert response.context["f"].total == 3
    assert "Cijfers berekend om" in response.content.decode()
    with CaptureQueriesContext(connection) as other:
        assert login(coordinator_b).get(url, PERIOD).context["f"].total == 1  # not A's figures
    assert len(first) < len(other)  # A's second view did not aggregate again


def test_dashboard_charts_follow_the_kept_figures(
    data, login, coordinator_a, coordinator_b, settings, org_a
):
    """The charts are rendered once per computation of the figures: a new melding shows once
    the kept figures are computed again, and never another organisation's charts."""
    settings.REGISTRATION_FIGURES_SECONDS = 60
    url = reverse("reporting_dashboard")
    total = '<dd data-figure="total">{}</dd>'
    first = login(coordinator_a).get(url, PERIOD)
    assert total.format(3) in first.content.decode()
    melding(org_a, at(2026, 2, 2, 12), kinds=["verbaal"])
    kept = login(coordinator_a).get(url, PERIOD).content.decode()
    assert total.format(3) in kept  # the kept minute
    assert total.format(1) in login(coordinator_b).get(url, PERIOD).content.decode()
    cache.delete(first.context["figures_key"].split("|")[0])  # the minute is over
    again = login(coordinator_a).get(url, PERIOD).content.decode()
    assert total.format(4) in again and total.format(3) not in again


def test_national_context_carries_no_unsuppressed_figure(data, login, national_editor, org_a):
    """Nothing in the template context of the national overview holds a count below the
    threshold: one template edit must not be able to leak it."""
    melding(org_a, at(2026, 2, 1, 10), kinds=["fysiek"], channel="brief")
    response = login(national_editor).get(reverse("reporting_national"), PERIOD)
    seen = []

    def walk(value, depth=0):
        if depth > 4:
            return
        if isinstance(value, Figures):
            seen.append(value)
        elif isinstance(value, Row):
            assert value.count is None or not 0 < value.count < 5, value
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, depth + 1)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item, depth + 1)

    for key in ("f", "by_organisation", "by_organisation_kind"):
        walk(response.context[key])
    assert "raw" not in response.context and not seen
