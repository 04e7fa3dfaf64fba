"""Stappenplan: "I am a ... and it is before / during / after" -> the steps and their resources."""

import pytest

from tests.toolkit_helpers import publish_child, resource, toolkit_index
from toolkit.models import StappenplanPage, StappenplanStep

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(home_page):
    index = toolkit_index(home_page)
    ela = resource(index, "Eenduidige Landelijke Afspraken", kind="landelijke_afspraken")
    page = StappenplanPage(title="Stappenplan", slug="stappenplan")
    steps = [
        ("ambtsdrager", "voor", "Ken het protocol", []),
        ("ambtsdrager", "tijdens", "Bel 112 bij acuut gevaar", []),
        ("ambtsdrager", "na", "Doe aangifte en vraag om de VPT-code", [ela]),
        ("griffier", "na", "Registreer het incident", []),
    ]
    for role, moment, title, resources in steps:
        page.steps.add(
            StappenplanStep(
                role=role,
                moment=moment,
                title=title,
                resources=[("resource", r) for r in resources],
            )
        )
    publish_child(home_page, page)
    return {"page": page, "ela": ela}


def test_without_a_choice_every_role_links_to_its_three_moments(client, plan):
    html = client.get(plan["page"].url).content.decode()
    assert "Griffier of secretaris" in html
    for moment in ["voor", "tijdens", "na"]:
        assert f'href="?role=ambtsdrager&amp;moment={moment}"' in html


def test_role_and_moment_show_only_those_steps_with_resource_links(client, plan):
    response = client.get(plan["page"].url, {"role": "ambtsdrager", "moment": "na"})
    html = response.content.decode()
    assert "Doe aangifte en vraag om de VPT-code" in html
    assert "Bel 112" not in html
    assert "Registreer het incident" not in html
    assert f'href="{plan["ela"].url}"' in html


def test_role_only_shows_all_moments_in_order(client, plan):
    response = client.get(plan["page"].url, {"role": "ambtsdrager"})
    groups = response.context["moment_groups"]
    assert [g["value"] for g in groups] == ["voor", "tijdens", "na"]
    assert "Registreer het incident" not in response.content.decode()


def test_unpublished_resource_is_not_linked(client, plan):
    plan["ela"].unpublish()
    html = client.get(plan["page"].url, {"role": "ambtsdrager", "moment": "na"}).content.decode()
    assert "Doe aangifte" in html
    assert "Eenduidige Landelijke Afspraken" not in html


def test_stored_steps_follow_the_choice(client, plan, settings):
    """With fragments cached (production), each choice of role and moment is kept on its own
    and a wrong choice is never kept."""
    from home.models import ContactSettings

    settings.FRAGMENT_CACHE_SECONDS = 3600
    ContactSettings.load()  # made on the first render otherwise, which empties the cache
    url = plan["page"].url
    for _ in range(2):
        na = client.get(url, {"role": "ambtsdrager", "moment": "na"}).content.decode()
        assert "Doe aangifte en vraag om de VPT-code" in na and "Bel 112 bij" not in na
        griffier = client.get(url, {"role": "griffier"}).content.decode()
        assert "Registreer het incident" in griffier and "Doe aangifte" not in griffier
        plain = client.get(url).content.decode()
        assert "Registreer het incident" not in plain and "Kies uw rol" in plain
    wrong = client.get(url, {"role": "onbekend"}).content.decode()
    assert "Kies uw rol" in wrong
    assert "Kies uw rol" in client.get(url).content.decode()
