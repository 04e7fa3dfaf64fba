"""Signals of the melding aggregate, for the apps built on it (workflows starts moderation)."""

from django.dispatch import Signal

# Sent inside submit_melding's transaction, with melding=: receivers that queue work do so in
# the same transaction (outbox).
melding_submitted = Signal()

# Sent inside the transaction that closed (melding=) or reopened (melding=, to_status=) a
# melding: workflows ends or restarts the moderation so its state agrees with the status.
melding_closed = Signal()
melding_reopened = Signal()
# Sent inside add_information's transaction (melding=, addition=): partners tells the
# partners that already have the case.
information_added = Signal()
