"""Object storage on a real S3 server on loopback (moto in server mode), configured the way
settings.production configures it from S3_* environment variables
(site/settings/object_storage.py): melding attachments encrypted in a private bucket and only
served through the permission checks, public media in another bucket, the purge removes the
object, and another process reads what this one stored."""

from __future__ import annotations

import contextlib
import hashlib
import io
import uuid
from dataclasses import dataclass

import boto3
import pytest
from botocore.exceptions import ClientError
from django.apps import apps
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db.models import FileField
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from moto.server import ThreadedMotoServer
from PIL import Image
from veiligbestuur.settings import base
from veiligbestuur.settings.object_storage import object_storage_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core import crypto
from core.storage import PrivateFileSystemStorage, PrivateS3Storage
from meldingen.models import Attachment, Melding, Status
from meldingen.services import change_status
from tests import factories
from tests.home.test_demo import production_env
from tests.home.test_settings import run
from tests.meldingen.steps import post_melding
from tests.meldingen.test_melding_intake import PNG, upload, valid_data
from toolkit.documents import restricted_collection

pytestmark = pytest.mark.django_db

REGION = "eu-west-1"
CSP_SETTINGS = ("CONTENT_SECURITY_POLICY", "ADMIN_CONTENT_SECURITY_POLICY")


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@dataclass
class Buckets:
    env: dict[str, str]
    endpoint: str
    media: str
    attachments: str
    client: object

    def keys(self, bucket: str) -> list[str]:
        found = self.client.list_objects_v2(Bucket=bucket).get("Contents", [])
        return sorted(item["Key"] for item in found)

    def read(self, bucket: str, key: str) -> bytes:
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()

    def exists(self, bucket: str, key: str) -> bool:
        try:
            self.client.head_object(Bucket=bucket, Key=key)
        except ClientError:
            return False
        return True


@contextlib.contextmanager
def storage_fields_reloaded():
    """Django calls a field's storage callable once, when the model loads (at start-up with the
    process's settings); call it again under the overridden STORAGES, and back after."""
    fields = [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, FileField) and hasattr(field, "_storage_callable")
    ]
    before = [field.storage for field in fields]
    for field in fields:
        field.storage = field._storage_callable()
    try:
        yield
    finally:
        for field, storage in zip(fields, before, strict=True):
            field.storage = storage


@pytest.fixture
def buckets(s3_endpoint) -> Buckets:
    """Two fresh buckets, and the settings production builds from these variables."""
    suffix = uuid.uuid4().hex[:10]
    env = {
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_REGION": REGION,
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test",
        "S3_MEDIA_BUCKET": f"media-{suffix}",
        "S3_ATTACHMENTS_BUCKET": f"bijlagen-{suffix}",
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id="test",
        aws_secret_access_key="test",  # noqa: S106 - the loopback server's  # nosec B106
    )
    for bucket in (env["S3_MEDIA_BUCKET"], env["S3_ATTACHMENTS_BUCKET"]):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
    changed = object_storage_settings(
        env, settings.STORAGES, {name: getattr(settings, name) for name in CSP_SETTINGS}
    )
    with override_settings(**changed), storage_fields_reloaded():
        yield Buckets(
            env, s3_endpoint, env["S3_MEDIA_BUCKET"], env["S3_ATTACHMENTS_BUCKET"], client
        )


def submit_with_attachment(client, org, reporter) -> Attachment:
    """Through the organisation's Melden page, as the office holder does."""
    client.force_login(reporter)
    page = factories.melden_page(org)
    response = post_melding(client, page, valid_data(attachments=[upload("scherm.png", PNG)]))
    assert response.status_code == 302
    client.logout()
    return Attachment.objects.get(melding=Melding.objects.get(organisation=org))


def png_image() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(out, "PNG")
    return out.getvalue()


def read_in_another_process(buckets: Buckets, name: str):
    """A separate process with the production settings and the same environment reads the
    object back with the field keys."""
    env = {
        **production_env(),
        **buckets.env,
        "FIELD_ENCRYPTION_KEYS": ",".join(settings.FIELD_ENCRYPTION_KEYS),
    }
    env.setdefault("RATELIMIT_REDIS_URL", "redis://127.0.0.1:6379/15")
    code = (
        "import hashlib; from django.core.files.storage import storages; from core import crypto; "
        f"f = storages['private'].open({name!r}, 'rb'); "
        "print(type(storages['private']).__name__, type(storages['default']).__name__, "
        "hashlib.sha256(crypto.decrypt_bytes(f.read())).hexdigest())"
    )
    return run(["manage.py", "shell", "--no-imports", "-c", code], env)


def test_attachment_is_encrypted_in_its_bucket_and_served_only_through_permission_checks(
    client, buckets, org_a, make_user, coordinator_a, coordinator_b
):
    attachment = submit_with_attachment(client, org_a, make_user("raadslid-a"))

    # In the attachments bucket, under a name without the original file name, encrypted.
    assert buckets.keys(buckets.attachments) == [attachment.file.name]
    assert "scherm" not in attachment.file.name
    stored = buckets.read(buckets.attachments, attachment.file.name)
    assert PNG[:8] not in stored and stored != PNG
    assert crypto.decrypt_bytes(stored) == PNG
    assert buckets.keys(buckets.media) == []
    # Written without an ACL: readable by the bucket owner only, nobody else is granted.
    grants = buckets.client.get_object_acl(Bucket=buckets.attachments, Key=attachment.file.name)
    assert [g["Permission"] for g in grants["Grants"]] == ["FULL_CONTROL"]
    assert "URI" not in grants["Grants"][0]["Grantee"]  # no AllUsers / AuthenticatedUsers
    # The private storage has no URL of any kind.
    assert isinstance(storages["private"], PrivateS3Storage)
    with pytest.raises(NotImplementedError):
        storages["private"].url(attachment.file.name)

    # The coordinator: the case page links the download view, never the bucket.
    download = reverse("melding_attachment", args=[attachment.pk])
    client.force_login(coordinator_a)
    page = client.get(reverse("melding_detail", args=[attachment.melding_id])).content.decode()
    assert download in page
    assert buckets.endpoint not in page and buckets.attachments not in page
    response = client.get(download)
    assert response.status_code == 200 and response.content == PNG
    # (The policy header names the endpoint for public images, never the attachments bucket.)
    headers = " ".join(f"{k}: {v}" for k, v in response.headers.items())
    assert buckets.attachments not in headers

    # A partner the melding is routed to downloads it through its own checked view.
    partner_user = make_user("vc-a")
    vc = factories.partner(
        org_a, factories.partner_kinds()["vc"], "Veiligheid A", "vc@example.test", partner_user
    )
    factories.triage_and_route(attachment.melding, coordinator_a, [vc])
    partner_download = reverse(
        "partner_attachment", args=[attachment.melding.notices.get().pk, attachment.pk]
    )
    client.force_login(partner_user)
    response = client.get(partner_download)
    assert response.status_code == 200 and response.content == PNG

    # Nobody else.
    client.force_login(coordinator_b)
    assert client.get(download).status_code == 404
    assert client.get(partner_download).status_code == 404
    client.logout()
    for url in (download, partner_download):
        response = client.get(url)
        assert response.status_code == 302 and PNG not in response.content

    # Another process with the production settings and the same variables reads it back.
    result = read_in_another_process(buckets, attachment.file.name)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "PrivateS3Storage",
        "S3Storage",
        hashlib.sha256(PNG).hexdigest(),
    ]


def test_documents_and_images_go_to_the_media_bucket(
    client, buckets, org_a, make_user, redacteur_a
):
    client.force_login(redacteur_a)
    for title, collection in (
        ("Openbaar", org_a.collection),
        ("Intern", restricted_collection(org_a)),
    ):
        response = client.post(
            "/admin/documents/add/",
            {
                "title": title,
                "collection": collection.pk,
                "file": SimpleUploadedFile(f"{title}.txt", f"tekst {title}".encode()),
            },
        )
        assert response.status_code == 302
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Logo",
            "collection": org_a.collection.pk,
            "file": SimpleUploadedFile("logo.png", png_image(), content_type="image/png"),
        },
    )
    assert response.status_code == 302

    documents = {
        d.title: d for d in get_document_model().objects.filter(title__in=["Openbaar", "Intern"])
    }
    image = get_image_model().objects.get(title="Logo")
    keys = buckets.keys(buckets.media)
    assert documents["Openbaar"].file.name in keys and documents["Intern"].file.name in keys
    assert image.file.name in keys and image.file.name.startswith("original_images/")
    assert buckets.keys(buckets.attachments) == []

    # Documents are streamed by Wagtail after its privacy check, never a link to the bucket.
    client.logout()
    response = client.get(documents["Openbaar"].url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"tekst Openbaar"
    response = client.get(documents["Intern"].url)
    assert response.status_code == 302 and buckets.endpoint not in response["Location"]
    client.force_login(make_user("coordinator-a", org_a.coordinators_group))
    response = client.get(documents["Intern"].url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"tekst Intern"

    # Image renditions are linked on the bucket: the policy lets browsers load them.
    rendition = image.get_rendition("original")
    assert rendition.url.startswith(f"{buckets.endpoint}/{buckets.media}/images/")
    assert rendition.file.name in buckets.keys(buckets.media)
    policy = client.get("/").headers["Content-Security-Policy"]
    img_src = next(d for d in policy.split(";") if d.strip().startswith("img-src"))
    assert buckets.endpoint in img_src


def test_purge_removes_the_object_from_the_bucket(
    client, buckets, org_a, make_user, monkeypatch, django_capture_on_commit_callbacks
):
    attachment = submit_with_attachment(client, org_a, make_user("raadslid-a"))
    name = attachment.file.name
    assert buckets.exists(buckets.attachments, name)
    change_status(attachment.melding, Status.CLOSED)

    later = timezone.now() + timezone.timedelta(days=3 * 365)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with django_capture_on_commit_callbacks(execute=True):  # objects go after the commit
        call_command("purge_personal_data")

    assert not Attachment.objects.filter(pk=attachment.pk).exists()
    assert not buckets.exists(buckets.attachments, name)
    assert buckets.keys(buckets.attachments) == []


def test_key_rotation_rewrites_the_object_in_the_bucket(
    client, buckets, org_a, make_user, settings
):
    attachment = submit_with_attachment(client, org_a, make_user("raadslid-a"))
    before = buckets.read(buckets.attachments, attachment.file.name)
    new_key = crypto.generate_key()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, *settings.FIELD_ENCRYPTION_KEYS]
    call_command("rotate_encryption_keys")

    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # the old key is gone
    after = buckets.read(buckets.attachments, attachment.file.name)
    assert after != before and crypto.decrypt_bytes(after) == PNG
    assert buckets.keys(buckets.attachments) == [attachment.file.name]


def test_filesystem_without_buckets_and_never_a_private_url(settings):
    """Without S3_* variables production keeps the filesystem of settings.base, where private
    files have no URL either."""
    assert object_storage_settings({}, base.STORAGES, {}) == {}
    assert base.STORAGES["private"]["BACKEND"] == "core.storage.PrivateFileSystemStorage"
    private = PrivateFileSystemStorage(location=settings.MEDIA_ROOT)
    with pytest.raises(NotImplementedError):
        private.url("meldingen/1/abc")
