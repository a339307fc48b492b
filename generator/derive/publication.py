"""Publication rules: what is public at the as-of date, and when a review's report expires.

Working Together: a report stays on the board's website for at least 12 months, then is
available on request; some are held back until criminal proceedings end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from dateutil.relativedelta import relativedelta

from generator.model.briefing import Briefing


class State(str, Enum):
    DRAFT = "draft"
    EMBARGOED = "embargoed"  # embargo_until after the as-of date
    SCHEDULED = "scheduled"  # published date after the as-of date
    PUBLISHED = "published"


def expiry_date(published: date, keep_months: int) -> date:
    """Calendar months, not days: 2019-01-31 + 12 -> 2020-01-31; 2016-02-29 -> 2017-02-28."""
    return published + relativedelta(months=keep_months)


def state(briefing: Briefing, as_of: date) -> State:
    review = briefing.review
    if briefing.meta.draft:
        return State.DRAFT
    if review.embargo_until and review.embargo_until > as_of:
        return State.EMBARGOED
    if review.published and review.published > as_of:
        return State.SCHEDULED
    return State.PUBLISHED


def is_archived(published: date, as_of: date, keep_months: int) -> bool:
    """Archived from the expiry date itself onwards."""
    return as_of >= expiry_date(published, keep_months)


@dataclass(frozen=True)
class HeldBack:
    """What may be said of a briefing kept out: never its content. The build summary (which
    ends up in logs) gives counts and dates only; `briefings check` also names the file."""

    state: State
    until: date | None
    source: str = ""  # the file, as the board sees it


def held_back(briefing: Briefing, as_of: date) -> HeldBack:
    s = state(briefing, as_of)
    review = briefing.review
    until = None
    if s is State.EMBARGOED:
        until = max(d for d in (review.embargo_until, review.published) if d)
    elif s is State.SCHEDULED:
        until = review.published
    return HeldBack(s, until, briefing.source)
