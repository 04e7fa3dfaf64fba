"""Contracts with Wagtail's workflow internals that workflows.wagtail_mail relies on: Wagtail's
e-mail handlers and their dispatch_uids. An upgrade that renames them fails here, by name."""

import inspect
import weakref

from wagtail.admin import signal_handlers
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected, workflow_submitted

from workflows.wagtail_mail import WAGTAIL_MAIL_UIDS

SIGNALS = {
    "submitted": workflow_submitted,
    "approved": workflow_approved,
    "rejected": workflow_rejected,
}


def test_wagtail_registers_its_workflow_mail_under_the_uids_we_replace():
    source = inspect.getsource(signal_handlers.register_signal_handlers)
    for uid in WAGTAIL_MAIL_UIDS.values():
        assert f'dispatch_uid="{uid}"' in source, uid


def test_only_our_melding_aware_handlers_answer_under_those_uids():
    for name, uid in WAGTAIL_MAIL_UIDS.items():
        signal = SIGNALS[name]
        receivers = [receiver for key, receiver, *_ in signal.receivers if key[0] == uid]
        assert len(receivers) == 1, name
        handler = receivers[0]
        if isinstance(handler, weakref.ReferenceType):
            handler = handler()
        assert "_unless_melding" in handler.__qualname__, name
        assert signal.has_listeners(WorkflowState)
