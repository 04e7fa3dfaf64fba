"""Demo content of the toolkit: national library, a local item per organisation, the
Stappenplan, the Checklist page, each organisation's term start, own checklist item and partly
filled progress. Idempotent."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from home.demo import ORGANISATIONS
from home.models import HomePage, OrganisationPage

from . import demo_content as content
from .checklist import load_audiences, load_checklist
from .models import (
    Audience,
    ChecklistHeading,
    ChecklistItem,
    ChecklistPage,
    ChecklistProgressChange,
    HiddenNationalResource,
    Moment,
    ResourceDocument,
    StappenplanPage,
    StappenplanStep,
    ToolkitIndexPage,
    ToolkitResourcePage,
)
from .progress import progress_records, update_progress
from .tasks import process_due_items

CHECKED_ON = datetime.date(2026, 11, 1)


def demo_pdf(title: str, text: str) -> bytes:
    """A minimal valid one-page PDF showing title and text (demo files only)."""

    def esc(value: str) -> str:
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = (
        f"BT /F1 18 Tf 72 760 Td ({esc(title)}) Tj ET\nBT /F1 11 Tf 72 730 Td ({esc(text)}) Tj ET"
    ).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _document(title: str, collection: Collection):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
        document = Document(title=title, collection=collection)
        document.file.save(
            f"{slug[:60]}.pdf",
            ContentFile(demo_pdf(title, "Demobestand van het platform Veilig Bestuur.")),
            save=False,
        )
        document.save()
    return document


def _publish_child(parent: Page, page: Page) -> Page:
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _resource(parent: ToolkitIndexPage, slug: str, spec: tuple, collection: Collection):
    title, kind, audiences, moments, summary, body, url, document_title = spec
    page = ToolkitResourcePage(
        title=title,
        slug=slug,
        kind=kind,
        summary=summary,
        body=body,
        external_url=url,
        last_checked=CHECKED_ON,
        for_before=Moment.BEFORE in moments,
        for_during=Moment.DURING in moments,
        for_after=Moment.AFTER in moments,
    )
    if parent.get_children().filter(slug=slug).exists():
        return parent.get_children().get(slug=slug).specific
    page.audiences.set(Audience.objects.filter(slug__in=audiences))
    if document_title:
        page.documents.add(ResourceDocument(document=_document(document_title, collection)))
    return _publish_child(parent, page)


def _national(home: HomePage) -> dict[str, ToolkitResourcePage]:
    index = _publish_child(
        home,
        ToolkitIndexPage(
            title="Toolkit Veilig Bestuur",
            slug="toolkit",
            intro=f"<p>{content.TOOLKIT_INTRO}</p>",
            show_in_menus=True,
        ),
    )
    for page in ToolkitResourcePage.objects.child_of(index).filter(slug__in=content.RETIRED):
        page.delete()
    root = Collection.get_first_root_node()
    return {
        slug: _resource(index, slug, spec, root)
        for slug, spec in content.NATIONAL_RESOURCES.items()
    }


def _stappenplan(home: HomePage, resources: dict[str, ToolkitResourcePage]) -> StappenplanPage:
    if StappenplanPage.objects.child_of(home).exists():
        return StappenplanPage.objects.child_of(home).get()
    page = StappenplanPage(
        title="Stappenplan Veilig Bestuur",
        slug="stappenplan",
        intro=f"<p>{content.STAPPENPLAN_INTRO}</p>",
        show_in_menus=True,
    )
    for role, moments in content.STAPPENPLAN.items():
        for moment, steps in moments.items():
            for title, slugs in steps:
                page.steps.add(
                    StappenplanStep(
                        role=role,
                        moment=moment,
                        title=title,
                        resources=[("resource", resources[slug]) for slug in slugs],
                    )
                )
    page = _publish_child(home, page)
    guide = resources["stappenplan-per-rol"]
    if 'linktype="page"' not in guide.body:
        guide.body += f'<p><a linktype="page" id="{page.pk}">Open het Stappenplan</a></p>'
        guide.save_revision().publish()
    return page


def local_toolkit(org: OrganisationPage, spec_slug: str) -> None:
    index = _publish_child(
        org,
        ToolkitIndexPage(
            title="Toolkit",
            slug="toolkit",
            intro="<p>Hulpmiddelen van onze eigen organisatie en de landelijke toolkit.</p>",
            show_in_menus=True,
        ),
    )
    title, summary, audiences, moments, document_title = content.LOCAL_RESOURCES[spec_slug]
    spec = (title, "handreiking", audiences, moments, summary, "", "", document_title)
    _resource(index, "eigen-" + spec_slug, spec, org.collection)
    for slug in content.HIDDEN.get(spec_slug, []):
        resource = ToolkitResourcePage.objects.get(slug=slug, locale=index.locale)
        if not index.hidden_resources.filter(resource=resource).exists():
            index.hidden_resources.add(HiddenNationalResource(resource=resource))
            index.save_revision().publish()


def _own_items(org: OrganisationPage, spec_slug: str) -> None:
    for heading_title, text, recurrence, explanation in content.OWN_ITEMS.get(spec_slug, []):
        heading = ChecklistHeading.objects.get(title=heading_title)
        last = (
            ChecklistItem.objects.filter(heading=heading)
            .order_by("-sort_order")
            .values_list("sort_order", flat=True)
            .first()
        )
        ChecklistItem.objects.get_or_create(
            heading=heading,
            organisation=org,
            text=text,
            defaults={
                "recurrence": recurrence,
                "explanation": explanation,
                "sort_order": (last or 0) + 1,
            },
        )


def _progress(org: OrganisationPage, spec_slug: str) -> None:
    if ChecklistProgressChange.objects.filter(progress__organisation=org).exists():
        return
    actor = get_user_model().objects.filter(username=f"{spec_slug}-coordinator").first()
    today = timezone.localdate()
    records = {r.item.text: r for r in progress_records(org)}
    for text, (status, days, note) in content.PROGRESS[spec_slug].items():
        record = records[text]
        if status == content.DONE:
            # In the past, so that recurring items come back with `manage.py checklist_due`.
            update_progress(
                record,
                actor,
                today=today - datetime.timedelta(days=days),
                status=status,
                owner=actor,
                note=note,
            )
        elif status == content.BUSY:
            due = today + datetime.timedelta(days=days) if days is not None else None
            update_progress(record, actor, status=status, owner=actor, due_date=due, note=note)
        else:
            update_progress(record, actor, status=status, note=note)


def load(stdout) -> list[tuple[str, str]]:
    load_audiences()
    load_checklist()
    home = HomePage.objects.get(locale__language_code="nl")
    resources = _national(home)
    _stappenplan(home, resources)
    _publish_child(
        home,
        ChecklistPage(
            title="Checklist Veilig Openbaar Bestuur",
            slug="checklist",
            intro=f"<p>{content.CHECKLIST_INTRO}</p>",
            show_in_menus=True,
        ),
    )
    for spec in ORGANISATIONS:
        org = OrganisationPage.objects.get(official_code=spec["code"], locale__language_code="nl")
        local_toolkit(org, spec["slug"])
        _own_items(org, spec["slug"])
        _progress(org, spec["slug"])
    # Recurring items finished long ago come back now, as the daily `checklist_due` would do.
    process_due_items()
    stdout.write(
        f"Toolkit: {len(resources)} landelijke hulpmiddelen, Stappenplan, Checklist en "
        f"voortgang voor {len(ORGANISATIONS)} organisaties geladen."
    )
    return []
