import pytest

from home.models import ContactSettings
from tests.protocol_factories import derive, fresh, make_template


@pytest.fixture
def protocol(home_page, org_a):
    """org_a's published protocol, on a site whose contact settings exist (creating them
    renews the page-cache generation)."""
    make_template(home_page)
    page = derive(org_a)
    page.save_revision().publish()
    ContactSettings.load()
    return fresh(page)
