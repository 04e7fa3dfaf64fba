"""The coordinator's meldingen listing: Dutch labels only, filters folded away in Wagtail's
drilldown with "Alle" as the empty choice, the table in a box that scrolls on a phone."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

FOLDED = 'data-w-dropdown-target="content" class="w-dropdown__content" hidden'


def test_meldingen_listing_labels_and_folded_filters(client, org_a, coordinator_a):
    factories.melding(org_a, kinds=["fysiek"], acute_danger="on")
    client.force_login(coordinator_a)
    html = client.get("/admin/meldingen/").content.decode()
    part = html[html.index('id="filters-drilldown"') :]
    for code in ("True", "False", "None", "---------", "Onbekend"):
        assert not re.search(rf"\b{re.escape(code)}(?![\w-])", part), code
    folded_at = html.index(FOLDED)
    for name in ("status", "severity", "urgent", "kind"):
        assert html.count(f'name="{name}"') == 1 and html.index(f'name="{name}"') > folded_at
    assert part.count('<option value="" selected>Alle</option>') == 4
    assert 'class="vb-listing"' in part  # the scroll box around the table
    # A coordinator of one organisation: no organisation column.
    assert "Gemeente Aadorp" not in part and "Fysieke agressie" in part
