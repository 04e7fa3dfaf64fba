"""The intake form in short steps, through its real URLs and without JavaScript: what was typed
is kept between steps (encrypted in the session), errors stay on their step, and only the
final submit stores a melding, once."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from meldingen import drafts
from meldingen.models import Melding
from meldingen.steps import REVIEW, STEPS
from meldingen.views.intake import step_url
from tests.meldingen.steps import post_melding
from tests.meldingen.test_melding_intake import PNG, upload, valid_data

DESCRIPTION = "Na de raadsvergadering kreeg ik berichten met een dreigement."


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def step(client, melden, number, data, action="volgende"):
    return client.post(step_url(melden, number), {**data, "actie": action})


def session_text(client) -> str:
    """Everything the session store holds for this client, as stored."""
    key = client.cookies["sessionid"].value
    stored = Session.objects.filter(session_key=key).first()
    return stored.session_data if stored else ""


@pytest.mark.django_db
@pytest.mark.parametrize("fragment_seconds", [0, 3600], ids=["fresh", "kept"])
def test_each_step_has_a_progress_indicator_and_fieldsets(
    client, melden, reporter, settings, fragment_seconds
):
    """Also with the progress kept as a fragment (per step): each step marks itself current
    and links only to the steps before it."""
    settings.FRAGMENT_CACHE_SECONDS = fragment_seconds
    client.force_login(reporter)
    data = valid_data()
    for number in range(1, REVIEW + 1):
        body = client.get(step_url(melden, number)).content.decode()
        title = STEPS[number - 1].title
        assert f"Stap {number} van {REVIEW}: {title}" in body
        assert body.count('aria-current="step"') == 1
        current = body.index('aria-current="step"')
        assert body.index(str(title), current) < body.index("</li>", current)
        progress = body[body.index('class="melden-progress"') : body.index("</nav>", current)]
        assert progress.count("<a href=") == number - 1
        # The 112 callout comes first in main.
        main = body[body.index('<main id="inhoud"') :]
        assert main.index("Bel direct 112") < main.index("<h1")
        if number < REVIEW:
            assert "<fieldset" in body and "<legend" in body
            assert step(client, melden, number, data).status_code == 302


@pytest.mark.django_db
def test_required_fields_are_marked_and_boxes_sit_beside_their_label(client, melden, reporter):
    client.force_login(reporter)
    body = client.get(melden.url).content.decode()
    # Required: marked in the label (or the legend of a group of boxes); optional: unmarked.
    assert 'Wat is er gebeurd? <span class="melden-required">(verplicht)</span></legend>' in body
    assert 'Wanneer gebeurde het? <span class="melden-required">(verplicht)</span>' in body
    assert "Er is nu acuut gevaar of het incident is nog gaande</label>" in body
    # Every box is a form field of its own with its label beside it.
    assert body.count("utrecht-form-field--checkbox") >= 14
    assert 'class="utrecht-checkbox utrecht-checkbox--html-input"' in body
    assert 'class="utrecht-form-label utrecht-form-label--checkbox" for="id_kinds_0"' in body
    assert 'class="utrecht-textbox utrecht-textbox--html-input"' in body


@pytest.mark.django_db(transaction=True)
def test_full_flow_back_and_forth_then_exactly_one_melding(client, melden, reporter):
    client.force_login(reporter)
    data = valid_data(witnesses="Buurvrouw Jansen", impact="Slecht geslapen")
    for number in (1, 2, 3):
        assert step(client, melden, number, data)["Location"] == step_url(melden, number + 1)
    # Back from step 4 keeps what was typed there, without checking it.
    response = step(client, melden, 4, {"impact": "Slecht geslapen"}, action="vorige")
    assert response["Location"] == step_url(melden, 3)
    assert "Buurvrouw Jansen" in client.get(step_url(melden, 2)).content.decode()
    assert DESCRIPTION in client.get(step_url(melden, 2)).content.decode()
    assert "Slecht geslapen" in client.get(step_url(melden, 4)).content.decode()
    for number in (4, 5):
        assert step(client, melden, number, data)["Location"] == step_url(melden, number + 1)
    assert Melding.objects.count() == 0  # nothing half-made

    review = client.get(step_url(melden, REVIEW)).content.decode()
    for shown in [DESCRIPTION, "Buurvrouw Jansen", "Bedreiging", "Rika Raadslid", "Wijzigen"]:
        assert shown in review, shown
    assert review.count(f'href="{step_url(melden, 2)}?controle=1"') == 1
    # Changing a step from the summary leads straight back to it.
    changed = step(client, melden, 2, {**data, "witnesses": "Meneer Pietersen", "controle": "1"})
    assert changed["Location"] == step_url(melden, REVIEW)
    assert "Meneer Pietersen" in client.get(step_url(melden, REVIEW)).content.decode()

    response = client.post(
        step_url(melden, REVIEW),
        {"attachments": [upload("scherm.png", PNG)], "actie": "versturen"},
    )
    assert response.status_code == 302 and response["Location"].endswith("/bevestiging/")
    melding = Melding.objects.get()
    assert melding.personal.description == DESCRIPTION
    assert melding.personal.witnesses == "Meneer Pietersen"
    assert melding.attachments.count() == 1
    # The draft is gone: the form starts empty, and a second submit stores nothing.
    assert drafts.SESSION_KEY not in client.session
    assert DESCRIPTION not in client.get(step_url(melden, 2)).content.decode()
    again = client.post(step_url(melden, REVIEW), {"actie": "versturen"})
    assert again.status_code == 302 and again["Location"] == melden.url
    assert Melding.objects.count() == 1


@pytest.mark.django_db
def test_error_in_step_2_keeps_step_1_and_shows_nl_design_errors(client, melden, reporter):
    client.force_login(reporter)
    data = valid_data()
    step(client, melden, 1, data)
    response = step(client, melden, 2, {**data, "place": ""})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Stap 2 van" in body
    summary = body[body.index('id="foutmeldingen"') :]
    assert 'href="#id_place"' in summary and "Kies waar het gebeurde." in summary
    # Next to the field, and the field says it is invalid.
    assert 'class="utrecht-form-field-error-message' in body and 'id="id_place_error"' in body
    assert "utrecht-form-field--invalid" in body
    assert f">\n{DESCRIPTION}</textarea>" in body  # typed in this step: kept
    assert 'value="2026-11-20T21:15"' in client.get(melden.url).content.decode()  # step 1 kept
    # A later step cannot be skipped to.
    assert client.get(step_url(melden, 3))["Location"] == step_url(melden, 2)
    assert Melding.objects.count() == 0


@pytest.mark.django_db
def test_draft_in_session_is_encrypted_and_wiped_on_stop(client, melden, reporter):
    client.force_login(reporter)
    marker = "Geheime-beschrijving-4711"
    step(client, melden, 1, valid_data())
    step(client, melden, 2, valid_data(description=marker))
    assert client.session[drafts.SESSION_KEY]
    assert marker not in session_text(client)
    response = step(client, melden, 2, {}, action="wissen")
    assert response["Location"] == melden.url + "?gewist=1"
    assert drafts.SESSION_KEY not in client.session
    body = client.get(response["Location"]).content.decode()
    assert "Wat u had ingevuld is gewist" in body and marker not in body
    assert Melding.objects.count() == 0


@pytest.mark.django_db
def test_post_melding_helper_goes_through_every_step(client, melden, reporter):
    client.force_login(reporter)
    response = post_melding(client, melden, valid_data(), follow=True)
    assert "Uw melding is ontvangen" in response.content.decode()
    assert Melding.objects.count() == 1


@pytest.mark.django_db
def test_stored_fields_are_only_the_blank_ones(client, melden, reporter, make_user, settings):
    """With fragments cached (production), a step's blank fields are rendered once; what one
    reporter typed, or the errors they got, never reach another through that cache."""
    from home.models import ContactSettings

    settings.FRAGMENT_CACHE_SECONDS = 3600
    ContactSettings.load()  # made on the first render otherwise, which empties the cache
    client.force_login(reporter)
    # The first to render steps 1 and 2 has typed in them.
    step(client, melden, 1, valid_data())
    assert 'value="2026-11-20T21:15"' in client.get(melden.url).content.decode()
    errors = step(client, melden, 2, {**valid_data(), "place": ""})
    assert errors.status_code == 400 and "Kies waar het gebeurde." in errors.content.decode()
    step(client, melden, 2, valid_data(description=DESCRIPTION))
    assert DESCRIPTION in client.get(step_url(melden, 2)).content.decode()

    other = Client()  # a second reporter, in a browser of their own
    other.force_login(make_user("raadslid-ander"))
    theirs = other.get(melden.url).content.decode()
    assert 'name="occurred_at"' in theirs and 'value="2026-11-20T21:15"' not in theirs
    step(other, melden, 1, valid_data(occurred_at="2026-11-21T08:00"))
    second = other.get(step_url(melden, 2)).content.decode()
    assert 'name="description"' in second
    assert DESCRIPTION not in second and "Kies waar het gebeurde." not in second
    # Blank step 1 is stored now; each still sees what they typed themselves.
    assert 'value="2026-11-21T08:00"' in other.get(melden.url).content.decode()
    assert 'value="2026-11-20T21:15"' in client.get(melden.url).content.decode()


@pytest.mark.django_db
def test_partner_kinds_are_read_only_by_the_step_that_asks_for_consent(client, melden, reporter):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests import factories

    kinds = factories.partner_kinds()
    client.force_login(reporter)
    consent_step = next(
        n for n, s in enumerate(STEPS, 1) if any("consent_kinds" in g.fields for g in s.groups)
    )
    for number in range(1, consent_step):
        if number > 1:
            assert step(client, melden, number - 1, valid_data()).status_code == 302
        with CaptureQueriesContext(connection) as queries:
            assert client.get(step_url(melden, number)).status_code == 200
        assert not [q for q in queries if "partners_partnerkind" in q["sql"]], number
    assert step(client, melden, consent_step - 1, valid_data()).status_code == 302
    body = client.get(step_url(melden, consent_step)).content.decode()
    assert 'name="consent_kinds"' in body and kinds["politie"].name in body
