"""The briefing front-matter schema. Field names are the public format: keep them exactly."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool, StringConstraints, field_validator, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _written_date(value):
    """A date is written YYYY-MM-DD; a bare number (2017, a Unix time) is refused, not guessed."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f"{value} is not a date; write it as YYYY-MM-DD, e.g. 2019-03-14")
    return value


Day = Annotated[date, BeforeValidator(_written_date)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Recommendation(_Strict):
    text: Text
    agency: Text | None = None
    due: Day | None = None
    status: Literal["open", "in-progress", "complete"] = "open"


class Review(_Strict):
    name: Text
    type: Text
    board: Text | None = None
    published: Day | None = None
    report: Text | None = None
    embargo_until: Day | None = None


class FrontMatter(_Strict):
    title: Text
    summary: Text
    slug: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")] | None = None
    review: Review
    themes: list[Text] = Field(min_length=1)
    agencies: list[Text] = []
    recommendations: list[Recommendation] = []
    discussion_prompts: list[Text] = Field(min_length=1)
    draft: StrictBool = False
    allow: list[Text] = []

    @field_validator("recommendations", mode="before")
    @classmethod
    def _plain_recommendations(cls, value):
        """A recommendation may be a plain string: the common case in a board's notes."""
        if isinstance(value, list):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value

    @model_validator(mode="after")
    def _published_unless_draft(self):
        if not self.draft and self.review.published is None:
            raise ValueError("review.published is required unless the briefing is a draft (draft: true)")
        return self
