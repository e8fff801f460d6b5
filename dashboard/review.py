"""Review of one extracted record by an editor: confirm, edit, reject or restore it.

Every change sets reviewed_by / reviewed_at, moves review_state away from
"machine" (so re-extraction keeps the record) and writes a Revision with the
values before and after.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from articles.models import AidPledge, Event, LossReport, ReviewState, Revision

RECORD_MODELS = {"event": Event, "loss": LossReport, "pledge": AidPledge}

# The fields an editor may change, and that a Revision records.
REVIEWED_FIELDS = {
    "event": ["type", "date", "precision", "summary", "places", "countries"],
    "loss": ["side", "category", "min", "max", "period", "date", "place", "reported_by"],
    "pledge": ["donor", "recipient", "item", "category", "quantity", "amount", "currency", "status", "date"],
}

# What each action leaves the record as.
ACTION_STATES = {
    Revision.Action.CONFIRM: ReviewState.CONFIRMED,
    Revision.Action.EDIT: ReviewState.EDITED,
    Revision.Action.REJECT: ReviewState.REJECTED,
    Revision.Action.RESTORE: ReviewState.CONFIRMED,
}


def _json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return list(value)
    return value


def snapshot(kind: str, record) -> dict:
    """The record's reviewed values and state, ready for Revision.before / after (JSON)."""
    values = {name: _json_value(getattr(record, name)) for name in REVIEWED_FIELDS[kind]}
    values["review_state"] = record.review_state
    return values


def apply_review(kind: str, pk: int, action: str, user, form_class=None, data=None):
    """Apply one review action; returns (record, form). form is None unless editing.

    The row is locked (select_for_update) inside the transaction so that two
    editors acting at once cannot both read the same "before" and lose one
    change from the history.
    """
    model = RECORD_MODELS[kind]
    with transaction.atomic():
        record = model.objects.select_for_update().get(pk=pk)
        before = snapshot(kind, record)
        form = None
        if action == Revision.Action.EDIT:
            form = form_class(data, instance=record)
            if not form.is_valid():
                return record, form
            record = form.save(commit=False)
        record.review_state = ACTION_STATES[action]
        record.reviewed_by = user
        record.reviewed_at = timezone.now()
        record.save()
        Revision.objects.create(
            kind=kind,
            record_id=record.pk,
            action=action,
            user=user,
            at=record.reviewed_at,
            before=before,
            after=snapshot(kind, record),
        )
    return record, form


def history(kind: str, pk: int):
    """The record's revisions, newest first, with who made them."""
    return Revision.objects.filter(kind=kind, record_id=pk).select_related("user").order_by("-at", "-id")


def changes(revision: Revision) -> list[tuple[str, object, object]]:
    """The fields a revision changed, as (field, before, after)."""
    return [
        (name, revision.before.get(name), after)
        for name, after in revision.after.items()
        if revision.before.get(name) != after
    ]
