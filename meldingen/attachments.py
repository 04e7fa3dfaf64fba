"""Checks on uploaded evidence: content type sniffed from the bytes against an allow-list,
size per file and number of files (limits in settings)."""

from __future__ import annotations

import hashlib
import re

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core import crypto

# Sniffed MIME type -> what we tell the user is allowed.
ALLOWED_TYPES = {
    "image/jpeg": "JPG",
    "image/png": "PNG",
    "image/heic": "HEIC",
    "image/webp": "WEBP",
    "application/pdf": "PDF",
    "audio/mpeg": "MP3",
    "audio/x-m4a": "M4A",
    "audio/mp4": "M4A",
    "video/mp4": "MP4",
}


# Polyglots: markup or script inside an otherwise allowed file (PDF/HTML, JPEG/HTML, ...).
MARKUP = re.compile(rb"<(script|html|svg|iframe|object|embed)\b|javascript:", re.IGNORECASE)
# PDF actions that run code or carry other files, and hex-escaped names that hide them.
PDF_ACTIVE = re.compile(
    rb"/(JavaScript|Launch|EmbeddedFile|RichMedia|XFA)\b|/JS\s*(\(|<|\d+\s+\d+\s+R)"
    rb"|/[A-Za-z]{2,}#[0-9A-Fa-f]{2}"
)
# Media files are scanned in their first bytes only: their compressed data is random enough to
# contain short markers by chance; PDFs are scanned whole.
MEDIA_SCAN_BYTES = 64 * 1024
OVERLAP = 64  # bytes carried across chunk boundaries so no marker is split


def allowed_formats() -> str:
    return ", ".join(sorted(set(ALLOWED_TYPES.values())))


def sniff(upload: UploadedFile) -> str | None:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def check_upload(upload: UploadedFile) -> tuple[str, str]:
    """Validate one upload; returns (content_type, sha256) or raises a Dutch ValidationError."""
    limit = settings.MELDING_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("'%(name)s' is te groot (%(size)s); het maximum is %(max)s per bestand.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "max": filesizeformat(limit),
            }
        )
    content_type = sniff(upload)
    if content_type not in ALLOWED_TYPES:
        raise ValidationError(
            _("'%(name)s' is geen toegestaan bestand. Toegestaan zijn: %(formats)s.")
            % {"name": upload.name, "formats": allowed_formats()}
        )
    digest, tail, scanned = hashlib.sha256(), b"", 0
    is_pdf = content_type == "application/pdf"
    for chunk in upload.chunks():
        digest.update(chunk)
        if is_pdf or scanned < MEDIA_SCAN_BYTES:
            window = tail + chunk[: None if is_pdf else MEDIA_SCAN_BYTES - scanned]
            if MARKUP.search(window) or (is_pdf and PDF_ACTIVE.search(window)):
                upload.seek(0)
                raise ValidationError(
                    _(
                        "'%(name)s' bevat scripts of verborgen inhoud en is daarom geweigerd. "
                        "Stuur een schermafbeelding of een gewone pdf."
                    )
                    % {"name": upload.name}
                )
            tail, scanned = window[-OVERLAP:], scanned + len(chunk)
    upload.seek(0)
    return content_type, digest.hexdigest()


def check_uploads(uploads: list[UploadedFile]) -> list[tuple[UploadedFile, str, str]]:
    """Validate all uploads, collecting every problem; returns (upload, type, sha256) each."""
    if len(uploads) > settings.MELDING_ATTACHMENT_MAX_FILES:
        raise ValidationError(
            _("U kunt maximaal %(max)d bestanden meesturen.")
            % {"max": settings.MELDING_ATTACHMENT_MAX_FILES}
        )
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append((upload, *check_upload(upload)))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def attachment_response(attachment) -> HttpResponse:
    """The decrypted file as a download named by the melding's reference (never the original
    name, which may hold personal data). The caller checks permission and audits."""
    try:
        with attachment.file.open("rb") as handle:
            content = crypto.decrypt_bytes(handle.read())
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = HttpResponse(content, content_type=attachment.content_type)
    filename = f"{attachment.melding.reference}-bijlage-{attachment.pk}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
