"""CSV and XLSX exports of the filtered listing. Personal fields only when the caller has
established that the user is entitled to them and asked for the purpose; such a file carries a
watermark line above the header and its own file name. The caller records the export in the
audit trail (core.audit)."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.choices import choice_labels
from meldingen.models import Melding, MeldingPersonalData
from meldingen.services import PERSONAL_FIELDS
from reporting import xlsx

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _columns(personal: bool) -> list[tuple[str, str]]:
    columns = [
        ("reference", _("Kenmerk")),
        ("organisation", _("Organisatie")),
        ("status", _("Status")),
        ("occurred_at", _("Tijdstip incident")),
        ("created_at", _("Ontvangen op")),
        ("kinds", _("Soorten gedrag")),
        ("severity", _("Ernst")),
        ("urgent", _("Spoed")),
        ("channel", _("Kanaal")),
        ("place", _("Plaats")),
        ("reporter_role", _("Rol melder")),
    ]
    if personal:
        columns += [
            (
                f"personal.{name}",
                str(capfirst(MeldingPersonalData._meta.get_field(name).verbose_name)),
            )
            for name in PERSONAL_FIELDS
        ]
    return columns


def _getter(key: str) -> Callable[[Melding], str]:
    """How a column's text is read from a melding."""
    if key.startswith("personal."):
        name = key.split(".", 1)[1]

        def personal(melding: Melding) -> str:
            data = getattr(melding, "personal", None)
            return getattr(data, name, "") if data else ""

        return personal
    if key == "organisation":
        return lambda melding: melding.organisation.title
    if key == "kinds":
        kinds = choice_labels(Melding.behaviours.rel.related_model._meta.get_field("kind"))
        return lambda melding: ", ".join(
            kinds.get(b.kind, b.kind) for b in melding.behaviours.all()
        )
    if key in ("occurred_at", "created_at"):
        return lambda melding: timezone.localtime(getattr(melding, key)).strftime("%Y-%m-%d %H:%M")
    if key == "urgent":
        yes, no = _("ja"), _("nee")
        return lambda melding: yes if melding.urgent else no
    if Melding._meta.get_field(key).choices:
        labels = choice_labels(Melding._meta.get_field(key))
        return lambda melding: str(labels.get(getattr(melding, key), getattr(melding, key)))
    return lambda melding: str(getattr(melding, key))


CHUNK = 2000  # meldingen per database round trip while streaming
DERIVED = ("organisation", "kinds")  # columns not read from a field of the melding


def rows(meldingen: QuerySet[Melding], personal: bool) -> tuple[list[str], Iterator[list[str]]]:
    """Header and rows, read from the database in chunks while the file is written (memory
    does not grow with the selection); a fixed number of queries per chunk."""
    columns = _columns(personal)
    behaviours = Melding.behaviours.rel.related_model.objects.only("melding_id", "kind")
    fields = [key for key, _label in columns if "." not in key and key not in DERIVED]
    queryset = meldingen.select_related("organisation").prefetch_related(
        Prefetch("behaviours", queryset=behaviours)
    )
    if personal:
        queryset = queryset.select_related("personal")
        fields += [key.replace(".", "__") for key, _label in columns if "." in key]
    # Only what the columns show: a melding or organisation page in full costs far more.
    ordered = queryset.only(*fields, "organisation__title").order_by("occurred_at", "pk")
    getters = [_getter(key) for key, _label in columns]
    body = ([get(m) for get in getters] for m in ordered.iterator(CHUNK))
    return [label for _key, label in columns], body


FORMULA_START = set("=+-@\t\r") | {"\u2212"}  # U+2212 minus sign


def _safe(value: str) -> str:
    """Spreadsheet formula injection: a cell may not start with a formula character, also not in
    a full-width or small form (＝ ＋ － ＠ ﹦ ...: NFKC folds them) or after spaces."""
    first = unicodedata.normalize("NFKC", value.lstrip(" ")[:1])
    return f"'{value}" if first[:1] and first[0] in FORMULA_START else value


def watermark(user, purpose: str, moment=None) -> str:
    """The line above the header of a file with personal data: who, when and what for."""
    moment = timezone.localtime(moment)
    return _(
        "Vertrouwelijk: persoonsgegevens. Geëxporteerd door %(name)s op %(date)s om %(time)s "
        "voor: %(purpose)s."
    ) % {
        "name": user.get_full_name() or user.get_username(),
        "date": date_format(moment, "j F Y"),
        "time": date_format(moment, "H:i"),
        "purpose": purpose,
    }


def filename(fmt: str, *, personal: bool, organisation=None, moment=None) -> str:
    """meldingen-<stamp>.<fmt>; with personal data meldingen-persoonsgegevens-<organisation>-
    <stamp>.<fmt> (the organisation when the file holds one), so the two never mix up."""
    stamp = timezone.localtime(moment).strftime("%Y%m%d-%H%M")
    if not personal:
        return f"meldingen-{stamp}.{fmt}"
    parts = ["meldingen-persoonsgegevens", organisation.slug if organisation else ""]
    return "-".join(p for p in [*parts, stamp] if p) + f".{fmt}"


def _print_header(mark: str) -> str:
    """mark as a page header: "&" starts a control code there, and Excel takes 255 characters."""
    text = mark.replace("&", "&&")[:255]
    return text[:-1] if (len(text) - len(text.rstrip("&"))) % 2 else text


def stream(
    fmt: str, header: list[str], body: Iterable[list[str]], mark: str = ""
) -> Iterator[bytes]:
    """The file in pieces, as the rows come; mark (see watermark()) becomes its first line, the
    header directly below."""
    if fmt == "csv":
        return _csv(header, body, mark)
    return xlsx.stream(
        _("Meldingen"),
        header,
        ([_safe(v) for v in row] for row in body),
        mark and _safe(mark),
        _print_header(mark),
    )


def _csv(header: list[str], body: Iterable[list[str]], mark: str) -> Iterator[bytes]:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    out.write("\ufeff")  # BOM: Excel opens it as UTF-8
    if mark:
        writer.writerow([_safe(mark)])
    writer.writerow(header)
    yield out.getvalue().encode()  # at once, before the first row is read
    out.seek(0)
    out.truncate()
    for number, row in enumerate(body, 1):
        writer.writerow([_safe(v) for v in row])
        if number % 500 == 0:
            yield out.getvalue().encode()
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode()
