"""Fixtures of the melding tests: an organisation's Melden page and a reporter with a name.
Tests in other folders import them from here."""

import pytest

from meldingen.pages import MeldenPage


@pytest.fixture
def melden(org_a) -> MeldenPage:
    page = MeldenPage(title="Melden", slug="melden")
    org_a.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def reporter(make_user):
    user = make_user("raadslid-a")
    user.first_name, user.last_name = "Rika", "Raadslid"
    user.save()
    return user
