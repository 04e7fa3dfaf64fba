"""Signals of the melding aggregate, for the apps built on it (workflows starts moderation)."""

from django.dispatch import Signal

# Sent inside submit_melding's transaction, with melding=: receivers that queue work do so in
# the same transaction (outbox).
melding_submitted = Signal()
