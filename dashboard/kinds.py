"""The kinds of record an analyst sees and an editor reviews: event, loss and pledge.

One entry per kind says everything the dashboard needs to know about it: the model,
the review form (whose fields are also what a Revision records), the permission an
editor needs, the label a card reads, and the URL name and file of its CSV export.
The URLs, the review, the views and the template tags read this registry; a new
kind of record is an entry here (plus its export lines and its card's body).
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from articles.models import AidPledge, Event, LossReport
from dashboard.forms import EventReviewForm, LossReviewForm, PledgeReviewForm


@dataclass(frozen=True)
class RecordKind:
    name: str  # in review URLs, DOM ids and Revision.kind
    plural: str  # the export's name: export/<plural>.csv, exports.EXPORTS[plural]
    label: str
    model: type[Event] | type[LossReport] | type[AidPledge]
    review_form: type[forms.ModelForm]
    permission: str  # to review it (articles/roles.py gives it to editors)

    @property
    def export_url_name(self) -> str:
        return f"export_{self.plural}"

    @property
    def reviewed_fields(self) -> list[str]:
        """The fields an editor may change, and that a Revision records."""
        return list(self.review_form._meta.fields or ())


KINDS: dict[str, RecordKind] = {
    kind.name: kind
    for kind in (
        RecordKind("event", "events", "Event", Event, EventReviewForm, "articles.change_event"),
        RecordKind("loss", "losses", "Loss", LossReport, LossReviewForm, "articles.change_lossreport"),
        RecordKind("pledge", "pledges", "Pledge", AidPledge, PledgeReviewForm, "articles.change_aidpledge"),
    )
}

# For the review URLs' <kind:...> converter.
KIND_PATTERN = "|".join(KINDS)
