"""WAGTAIL_FINISH_WORKFLOW_ACTION. Imported while wagtail.models loads, so no model imports at
module level."""


def finish_workflow(workflow_state, user=None, **kwargs):
    """Pages and other objects publish as usual; a melding does not publish a revision (its
    status changes only through workflows.services)."""
    from wagtail.workflows import publish_workflow_state

    from meldingen.models import Melding

    if isinstance(workflow_state.content_object, Melding):
        return None
    return publish_workflow_state(workflow_state, user=user, **kwargs)
