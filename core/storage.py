"""Private storage: files only the application reads (melding attachments, evaluation reports).

They never get a URL, public or signed: the permission-checked views read them and stream
them (meldingen.attachments.attachment_response, the evaluation download). url() refuses, so
a template or view that tries to link one fails loudly instead of leaking an address.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage
from storages.backends.s3 import S3Storage


class NoURL:
    def url(self, name, *args, **kwargs):
        raise NotImplementedError(
            "Private files have no URL; serve them through a view that checks permission."
        )


class PrivateFileSystemStorage(NoURL, FileSystemStorage):
    """Outside MEDIA_ROOT (PRIVATE_MEDIA_ROOT): the web server never serves it."""


class PrivateS3Storage(NoURL, S3Storage):
    """A bucket of its own (S3_ATTACHMENTS_BUCKET). Objects are written without an ACL, so only
    the bucket owner can read them (S3's default, and the only choice a bucket with ACLs
    disabled accepts); the bucket itself blocks public access (docs/deployment.md)."""

    default_acl = None
    custom_domain = None

    def __init__(self, **settings):
        super().__init__(**settings)
        if self.default_acl or self.custom_domain:
            raise ImproperlyConfigured(
                "The private storage takes neither an ACL nor a custom domain: its objects "
                "stay readable by the bucket owner only."
            )
