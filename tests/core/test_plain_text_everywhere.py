"""Plain text is text everywhere (issue 18): markup typed into any editable plain-text field of
any page type, of its inline children, of the snippets the public pages show and of any setting
appears as the characters typed on every public page that shows it and in the protocol PDF; it
never becomes live HTML.

Fields and blocks are found by introspection of the admin edit forms (their model fields, their
inline panels, and the CharBlock and TextBlock leaves of every StreamField), so a field or block
added later is covered without touching this file; only the world the pages are built from
names its page types, and the test says when that world lacks an instance of a model.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils.http import urlencode
from wagtail import blocks
from wagtail.admin.panels import get_edit_handler
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search.index import insert_or_update_object
from wagtail.snippets.models import get_snippet_models

from home.models import ContactRole, OrganisationContact
from meldingen.forms import MeldingForm
from meldingen.pages import MeldenPage
from meldingen.steps import REVIEW
from protocols.models import ProtocolContentMixin
from tests.factories import melden_page
from tests.meldingen.steps import step_pages
from tests.pdf_helpers import pdf_text, pdf_urls
from tests.protocol_factories import derive, fresh, make_template
from tests.toolkit_helpers import publish_child, resource, toolkit_index
from toolkit.checklist import load_audiences
from toolkit.models import (
    Audience,
    ChecklistHeading,
    ChecklistItem,
    ChecklistPage,
    ChecklistPhase,
    Moment,
    ResourceDocument,
    StappenplanPage,
    StappenplanRole,
    StappenplanStep,
)

pytestmark = pytest.mark.django_db

# The apps whose pages, inline children and snippets make up the public site.
CONTENT_APPS = ("home", "protocols", "toolkit", "meldingen")

# Fields that are not free plain text, with the reason; every other CharField and TextField
# without choices on an admin edit form (inline panels included) is tested.
EXCLUDED_FIELD_TYPES: dict[type[models.Field], str] = {
    models.SlugField: "a slug, validated as one",
    models.URLField: "a URL, validated as one",
    models.EmailField: "an e-mail address, validated as one",
    RichTextField: "rich text, sanitised by Wagtail's rich text whitelist",
}
EXCLUDED_MODELS = {
    "wagtailcore.Comment": "editors' comments on a page, shown only in the admin",
    "wagtailcore.CommentReply": "editors' replies to comments, shown only in the admin",
}
EXCLUDED_FIELDS = {
    "home.OrganisationPage.official_code": "validated against the official code pattern "
    "(GM0363, PV27, WS0155) in clean() and provisioning, at most 6 characters",
    **{
        f"home.{model}.huisstijl_{colour}": "a #rrggbb colour, validated in clean() and "
        "only ever written into the huisstijl stylesheet when it matches that pattern"
        for model in ("HomePage", "OrganisationPage")
        for colour in ("primary", "secondary")
    },
}
# Plain-text fields that no public page shows (so nothing to escape there), with where they
# are shown instead.
NOT_SHOWN = {
    "meldingen.MeldenPage.seo_title": "the form page's <title> is its title (with an error "
    "prefix after a failed submit)",
}

# Each probe with {} for a per-field marker, and how it must appear in the HTML.
PROBES = {
    "em": ("<em>x{}</em>", "&lt;em&gt;x{}&lt;/em&gt;"),
    "link": (
        '<a href="https://evil.example/">y{}</a>',
        "&lt;a href=&quot;https://evil.example/&quot;&gt;y{}&lt;/a&gt;",
    ),
    "img": ("<img src=x{} onerror=alert(1)>", "&lt;img src=x{} onerror=alert(1)&gt;"),
}
# Any of these in the HTML is a probe that became markup.
LIVE = ("<em>x", '<a href="https://evil.example/"', "<img src=x")


# --- Introspection: what is plain text ---------------------------------------------------


def edit_forms() -> Iterator[tuple[type[models.Model], type]]:
    """(model, admin edit form class) of every page type and public snippet of the content apps
    and of every setting, then of the inline children those forms edit (their formsets)."""
    pages = [
        (model, model.get_edit_handler())
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if issubclass(model, Page)
    ]
    snippets = [
        (model, model.snippet_viewset.get_edit_handler())
        for model in get_snippet_models()
        if model._meta.app_label in CONTENT_APPS
    ]
    settings = [
        (model, get_edit_handler(model))
        for model in apps.get_models()
        if issubclass(model, BaseGenericSetting | BaseSiteSetting)
    ]
    forms = [(model, handler.get_form_class()) for model, handler in [*pages, *snippets, *settings]]
    while forms:
        model, form = forms.pop(0)
        if model._meta.label in EXCLUDED_MODELS:
            continue
        yield model, form
        forms += [(fs.model, fs.form) for fs in getattr(form, "formsets", {}).values()]


def is_plain_text(model: type[models.Model], field: models.Field) -> bool:
    return (
        isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and not isinstance(field, tuple(EXCLUDED_FIELD_TYPES))
        and f"{model._meta.label}.{field.name}" not in EXCLUDED_FIELDS
    )


def text_leaves(block: blocks.Block, path: tuple[str, ...] = ()) -> Iterator[tuple]:
    """(path, block) of every CharBlock and TextBlock inside block (RichTextBlock is rich text,
    sanitised by Wagtail; choice blocks only take their listed values)."""
    if isinstance(block, blocks.StreamBlock | blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from text_leaves(child, (*path, name))
    elif isinstance(block, blocks.ListBlock):
        yield from text_leaves(block.child_block, (*path, "item"))
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        yield path, block


@dataclass(frozen=True)
class Target:
    """One plain-text field of a model, or one text block inside one of its StreamFields."""

    model: type[models.Model]
    field: str
    block_path: tuple[str, ...] = ()
    max_length: int | None = None
    unique: bool = False

    @property
    def name(self) -> str:
        return ".".join([self.model._meta.label, self.field, *self.block_path])


def _is_unique(model: type[models.Model], field: models.Field) -> bool:
    together = [c.fields for c in model._meta.constraints if isinstance(c, models.UniqueConstraint)]
    return field.unique or any(field.name in fields for fields in together)


def targets() -> list[Target]:
    """Every plain-text field and text block an editor can fill in, short ones first (so they
    get the shortest markers)."""
    found = []
    for model, form in edit_forms():
        for name in form.base_fields:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue  # a form-only field
            if isinstance(field, StreamField):
                found += [
                    Target(model, field.name, path, block.field.max_length)
                    for path, block in text_leaves(field.stream_block)
                ]
            elif is_plain_text(model, field):
                found.append(
                    Target(model, field.name, (), field.max_length, _is_unique(model, field))
                )
    found.sort(key=lambda t: (t.max_length or 10**6, t.name))
    return found


def marker(index: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        index, rest = divmod(index, len(digits))
        text = digits[rest] + text
        if not index:
            return text


# --- Writing the values ---------------------------------------------------------------------


def raw_variants(block: blocks.Block, path: tuple[str, ...], texts: dict) -> list:
    """Raw (JSON) values for block with every text leaf set from texts: a struct comes in one
    variant per choice of its choice blocks, so what depends on a choice is shown too."""
    if isinstance(block, blocks.StreamBlock):
        return [
            [
                {"type": name, "value": value, "id": str(uuid.uuid4())}
                for name, child in block.child_blocks.items()
                for value in raw_variants(child, (*path, name), texts)
            ]
        ]
    if isinstance(block, blocks.StructBlock):
        children = {
            name: raw_variants(child, (*path, name), texts)
            for name, child in block.child_blocks.items()
        }
        count = max((len(values) for values in children.values()), default=1)
        return [
            {name: values[i % len(values)] for name, values in children.items()}
            for i in range(count)
        ]
    if isinstance(block, blocks.ListBlock):
        items = raw_variants(block.child_block, (*path, "item"), texts)
        return [[{"type": "item", "value": v, "id": str(uuid.uuid4())} for v in items]]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return [texts[path]]
    if isinstance(block, blocks.RichTextBlock):
        return ["<p>Tekst.</p>"]
    if isinstance(block, blocks.MultipleChoiceBlock):
        return [[value for value, _label in block.field.choices if value]]
    if isinstance(block, blocks.ChoiceBlock):
        return [value for value, _label in block.field.choices if value] or [""]
    if isinstance(block, blocks.BooleanBlock):
        return [True]
    return [block.get_prep_value(block.get_default())]


def fill(probe: str) -> dict[str, str]:
    """Put the probe (with a marker per target) into every target of every stored instance;
    returns {target name: marker} of the targets that can hold it."""
    placed: dict[str, str] = {}
    streams: dict[tuple, dict] = {}
    for index, target in enumerate(targets()):
        mark = marker(index)
        value = probe.format(mark)
        room = len(value) + (4 if target.unique else 0)  # " <n>" keeps unique values apart
        if target.max_length and room > target.max_length:
            value = f"Tekst {mark}"  # the field cannot hold this markup: nobody can type it
        else:
            placed[target.name] = mark
        if target.block_path:
            streams.setdefault((target.model, target.field), {})[target.block_path] = value
            continue
        pks = target.model._default_manager.order_by("pk").values_list("pk", flat=True)
        for n, pk in enumerate(pks):
            own = f"{value} {n}" if target.unique and n else value
            target.model._default_manager.filter(pk=pk).update(**{target.field: own})
    for (model, name), texts in streams.items():
        field = model._meta.get_field(name)
        value = field.to_python(raw_variants(field.stream_block, (), texts)[0])
        model._default_manager.update(**{name: value})
    cache.clear()  # page cache and template fragments
    return placed


# --- The world: one instance of everything, published -------------------------------------


def document(title: str):
    doc = get_document_model()(title=title)
    doc.file.save("bijlage.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    doc.save()
    return doc


@pytest.fixture
def world(home_page, org_a):
    """Every page type published, with the inline children, snippets and settings the public
    pages show; the Melden page takes meldingen without an account, so its form is public."""
    make_template(home_page)
    protocol = derive(fresh(org_a))
    protocol.save_revision().publish()
    for role in ContactRole.values:
        OrganisationContact.objects.create(page=org_a, role=role, name=role, phone="0101234567")
    for model, _form in edit_forms():
        if issubclass(model, BaseGenericSetting):
            model.load()
        elif issubclass(model, BaseSiteSetting):
            model.for_site(Site.objects.get(is_default_site=True))

    national = toolkit_index(home_page)
    local = toolkit_index(org_a)
    load_audiences()
    audiences = list(Audience.objects.values_list("slug", flat=True))
    for index, title in ((national, "Landelijk hulpmiddel"), (local, "Eigen hulpmiddel")):
        page = resource(index, title, audiences=audiences)
        ResourceDocument.objects.create(page=page, document=document(title), label=title)
    heading = ChecklistHeading.objects.create(phase=ChecklistPhase.PREPARATION, title="Kop")
    ChecklistItem.objects.create(heading=heading, text="Punt", explanation="Uitleg")
    publish_child(home_page, ChecklistPage(title="Checklist", slug="checklist"))
    stappenplan = publish_child(home_page, StappenplanPage(title="Stappenplan", slug="plan"))
    StappenplanStep.objects.create(
        page=stappenplan, role=StappenplanRole.GRIFFIER, moment=Moment.BEFORE, title="Stap"
    )
    melden = melden_page(org_a)
    MeldenPage.objects.filter(pk=melden.pk).update(accept_without_account=True)


def public_urls(query: str) -> list[str]:
    """Every live page; the Stappenplan once per role that has steps (steps show per role); the
    site search for query (it echoes the query and lists titles and summaries)."""
    urls = []
    for page in Page.objects.live().public().specific().order_by("path"):
        insert_or_update_object(page)  # fill() wrote past the search index
        url = page.get_url()
        if url is None:
            continue
        urls.append(url)
        if isinstance(page, StappenplanPage):
            urls += [
                f"{url}?role={role}" for role in set(page.steps.values_list("role", flat=True))
            ]
    return [*urls, f"{reverse('toolkit_search')}?{urlencode({'q': query})}"]


# What a reporter types to get through the steps of a Melden page's form.
REPORT = {
    "kinds": ["bedreiging"],
    "occurred_at": "2026-11-20T21:15",
    "place": "online",
    "channel": "sociale_media",
    "description": "Berichten met een dreigement.",
    "related_to_office": "ja",
    "perpetrator_known": "deels",
    "wishes": ["steun"],
    "reporter_role": "raadslid",
    "name": "Rika Raadslid",
    "email": "rika@example.test",
}


def melden_steps(client) -> dict[str, str]:
    """Every step of every Melden page's form, as a reporter sees them who fills it in: a later
    step (the organisation's own questions, the summary) only shows after the earlier ones."""
    pages = {}
    for melden in MeldenPage.objects.live().public():
        answers = {}
        form = MeldingForm(extra_questions=melden.extra_questions)
        for name, _label in form.extra_fields:
            choices = [value for value, _text in getattr(form.fields[name], "choices", []) if value]
            answers[name] = choices[0] if choices else "Antwoord"
        pages[f"{melden.url} (stap 1 tot {REVIEW})"] = step_pages(client, melden, REPORT | answers)
    return pages


def flat(text: str) -> str:
    """Whitespace folded: a line break in the PDF is a space in what was typed."""
    return " ".join(text.split())


# --- The test -------------------------------------------------------------------------------


def show(html: str, needle: str) -> str:
    at = html.find(needle)
    return html[max(at - 200, 0) : at + 200]


@pytest.mark.parametrize("probe", list(PROBES))
def test_markup_in_every_plain_text_field_stays_text(probe, world, client):
    typed, escaped = PROBES[probe]
    everything = targets()
    missing_instances = sorted(
        {t.model._meta.label for t in everything if not t.model._default_manager.exists()}
    )
    assert not missing_instances, f"add an instance of {missing_instances} to the world fixture"
    placed = fill(typed)
    assert placed, "no field can hold the probe"

    pages = {}
    query = typed.format(placed.get("toolkit.ToolkitResourcePage.title", ""))
    for url in public_urls(query):
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    steps = melden_steps(client)
    assert steps, "no Melden page to walk through"
    pages |= steps
    for url, html in pages.items():
        for live in LIVE:
            assert live not in html, f"live markup on {url}: {show(html, live)}"

    everywhere = "\n".join(pages.values())
    not_shown = [
        name
        for name, mark in placed.items()
        if escaped.format(mark) not in everywhere and name not in NOT_SHOWN
    ]
    assert not not_shown, (
        f"no public page shows these fields as text: {not_shown}; if a field is meant to be "
        "hidden from the public site, add it to NOT_SHOWN with the reason"
    )

    protocols = [p for p in Page.objects.live().specific() if isinstance(p, ProtocolContentMixin)]
    assert len(protocols) >= 2  # the national template and the organisation's protocol
    for page in protocols:
        url = page.get_url()
        article = re.search(r"<article.*?</article>", pages[url], re.S).group(0)
        response = client.get(url + page.reverse_subpage("pdf"))
        assert response.status_code == 200
        links = pdf_urls(response.content)
        assert not [url for url in links if "evil.example" in url], links  # no link to the probe
        text = flat(pdf_text(response.content))
        shown = {name: mark for name, mark in placed.items() if escaped.format(mark) in article}
        assert shown, f"the probe is not on {url}"
        not_in_pdf = [name for name, mark in shown.items() if typed.format(mark) not in text]
        assert not not_in_pdf, f"not drawn as text in the PDF of {url}: {not_in_pdf}"
