"""A PDF reads only this site's own files: static files, media and the huisstijl stylesheet;
anything else an HTML page could name (other hosts, local files, other views) is refused, so
rendering a PDF never reaches the network or the server's disk outside those."""

import pytest

from core.pdf import SiteFetcher

SITE = "http://testserver"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/logo.png",  # another host
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "file:///etc/passwd",
        f"{SITE}/static/../manage.py",
        f"{SITE}/admin/",  # a view that is not a stylesheet
    ],
)
def test_anything_but_the_sites_own_files_is_refused(url):
    with pytest.raises(ValueError):
        SiteFetcher(SITE)(url)


@pytest.mark.django_db
def test_static_files_and_the_huisstijl_stylesheet_are_read_locally(client, org_a):
    fetcher = SiteFetcher(SITE)
    css = fetcher(f"{SITE}/static/css/print.css")
    assert css.content_type == "text/css" and b"@page" in css.read()
    link = client.get(org_a.url).content.decode().split('href="/huisstijl/', 1)[1].split('"')[0]
    tokens = fetcher(f"{SITE}/huisstijl/{link}")
    assert tokens.content_type == "text/css" and b"--vb-color-primary" in tokens.read()
