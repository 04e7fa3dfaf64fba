"""An organisation's restricted document collection: only its own people can download."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from home.models import OrganisationPage

from .progress import ORGANISATION_GROUPS

RESTRICTED_NAME = "Vertrouwelijk"


@transaction.atomic
def restricted_collection(organisation: OrganisationPage) -> Collection:
    """The organisation's "Vertrouwelijk" collection (created when missing), under its own
    collection so the organisation's media permissions apply, viewable only by its groups."""
    if organisation.collection is None:
        raise ValueError("Organisation is not provisioned: it has no collection.")
    parent = organisation.collection
    collection = parent.get_children().filter(name=RESTRICTED_NAME).first()
    if collection is None:
        collection = parent.add_child(name=RESTRICTED_NAME)
    restriction = CollectionViewRestriction.objects.filter(
        collection=collection, restriction_type=BaseViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=BaseViewRestriction.GROUPS
        )
    groups = [getattr(organisation, attr) for attr in ORGANISATION_GROUPS]
    restriction.groups.set([g for g in groups if g is not None])
    return collection
