"""Object storage (S3 API through django-storages) chosen by environment variables; without
them the filesystem of settings.base stays. Used by settings.production; the tests build the
same settings against an S3 server on loopback.

- S3_MEDIA_BUCKET: public media, the "default" storage (Wagtail documents and images). Image
  renditions are linked directly (S3_MEDIA_DOMAIN, else the bucket's own address), so the
  Content-Security-Policy allows that origin for images. Documents are streamed by Wagtail's
  serve view after its privacy check (a collection may be restricted), never linked.
- S3_ATTACHMENTS_BUCKET: the "private" storage (melding attachments, evaluation reports) on
  core.storage.PrivateS3Storage, which has no URL at all.
- S3_ENDPOINT_URL, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: the connection for both.
  Without an endpoint it is Amazon S3; without keys boto3's own chain (AWS_* variables, an
  instance role) applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
PRIVATE_S3_BACKEND = "core.storage.PrivateS3Storage"


def _connection(environ: Mapping[str, str]) -> dict:
    options = {
        # Never overwrite: two documents uploaded under one name are two objects.
        "file_overwrite": False,
    }
    names = {
        "endpoint_url": "S3_ENDPOINT_URL",
        "region_name": "S3_REGION",
        "access_key": "S3_ACCESS_KEY_ID",
        "secret_key": "S3_SECRET_ACCESS_KEY",  # nosec B105 - the variable's name, not a secret
    }
    options.update({option: environ[name] for option, name in names.items() if environ.get(name)})
    if "endpoint_url" in options:
        # Every S3-compatible server (MinIO, Ceph, Garage, ...) understands path-style addresses.
        options["addressing_style"] = "path"
    return options


def media_origins(environ: Mapping[str, str]) -> list[str]:
    """Where browsers fetch public media from: the origin(s) image URLs point to."""
    if domain := environ.get("S3_MEDIA_DOMAIN"):
        return [f"https://{domain.split('/')[0]}"]
    if endpoint := environ.get("S3_ENDPOINT_URL"):
        parts = urlsplit(endpoint)
        return [f"{parts.scheme}://{parts.netloc}"]
    # Amazon S3: the bucket's global and (boto3 may choose either) regional host.
    bucket, region = environ["S3_MEDIA_BUCKET"], environ.get("S3_REGION")
    hosts = [f"{bucket}.s3.amazonaws.com"]
    if region:
        hosts.append(f"{bucket}.s3.{region}.amazonaws.com")
    return [f"https://{host}" for host in hosts]


def object_storage_settings(
    environ: Mapping[str, str], storages: dict, csp_policies: Mapping[str, dict]
) -> dict:
    """The settings to replace: STORAGES, and with public media on S3 the documents' serve
    method and the policies in csp_policies (setting name -> django-csp policy)."""
    media, attachments = environ.get("S3_MEDIA_BUCKET"), environ.get("S3_ATTACHMENTS_BUCKET")
    if media and media == attachments:
        raise ImproperlyConfigured(
            "S3_ATTACHMENTS_BUCKET must be a bucket of its own, not the media bucket."
        )
    changed, storages = {}, dict(storages)
    if media:
        options = {**_connection(environ), "bucket_name": media, "querystring_auth": False}
        if domain := environ.get("S3_MEDIA_DOMAIN"):
            options["custom_domain"] = domain
        storages["default"] = {"BACKEND": S3_BACKEND, "OPTIONS": options}
        changed["WAGTAILDOCS_SERVE_METHOD"] = "serve_view"
        origins = media_origins(environ)
        for name, policy in csp_policies.items():
            directives = {**policy["DIRECTIVES"]}
            directives["img-src"] = [*directives.get("img-src", []), *origins]
            changed[name] = {**policy, "DIRECTIVES": directives}
    if attachments:
        options = {**_connection(environ), "bucket_name": attachments}
        storages["private"] = {"BACKEND": PRIVATE_S3_BACKEND, "OPTIONS": options}
    if media or attachments:
        changed["STORAGES"] = storages
    return changed
