"""The review types of each UK nation, as ``briefings init --nation`` writes them into site_config.yml.

Each nation has its own statutory reviews, so a new site starts with the ones its board really
publishes. One table, one row a review type: the key authors write in ``review.type``, the full
display name readers see, and a note kept as a comment beside it in site_config.yml.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config.settings import DEFAULT_REVIEW_TYPES
from generator.i18n.language import Language


@dataclass(frozen=True)
class ReviewType:
    key: str
    name: str
    note: str = ""


@dataclass(frozen=True)
class Nation:
    title: str
    review_types: tuple[ReviewType, ...]
    example_type: str  # the review type of the starter's example briefing
    #: Further languages the nation's boards must publish in (Welsh Language Standards: Welsh).
    translations: tuple[str, ...] = ()

    def review_type_names(self) -> dict[str, str]:
        return {t.key: t.name for t in self.review_types}

    def review_type_display(self, t: ReviewType) -> str | dict[str, str]:
        """The name as site_config.yml writes it: a mapping by language on a bilingual site, the
        further languages' names taken from the shipped catalogue (drafts a board's speaker reviews)."""
        if not self.translations:
            return t.name
        return {"en": t.name, **{code: Language(code).gettext(t.name) for code in self.translations}}


#: England's reviews (the defaults also hold the Welsh ones, for any board to use).
_ENGLAND = ("SCR", "CSPR", "LCSPR", "NATIONAL", "thematic", "rapid-review", "SAR", "DHR")
_ENGLAND_NOTES = {
    "SCR": "until 2019 (Working Together 2015)",
    "CSPR": "from 2019 (Working Together 2018)",
    "LCSPR": "from 2019, commissioned by the local partnership",
    "NATIONAL": "commissioned by the national Child Safeguarding Practice Review Panel",
    "rapid-review": "within 15 working days of a serious incident",
    "SAR": "under the Care Act 2014",
    "DHR": "under the Domestic Violence, Crime and Victims Act 2004",
}

NATIONS: dict[str, Nation] = {
    "england": Nation("England", tuple(ReviewType(key, DEFAULT_REVIEW_TYPES[key], _ENGLAND_NOTES.get(key, ""))
                                       for key in _ENGLAND), "CSPR"),
    "wales": Nation("Wales", (
        ReviewType("CPR", "Child Practice Review", "before October 2024"),
        ReviewType("APR", "Adult Practice Review", "before October 2024"),
        ReviewType("SUSR", "Single Unified Safeguarding Review", "in force from October 2024"),
        ReviewType("DHR", "Domestic Homicide Review", "before October 2024"),
        ReviewType("thematic", "Thematic review"),
    ), "SUSR", translations=("cy",)),
    "scotland": Nation("Scotland", (
        ReviewType("learning-review", "Learning Review", "from the 2021 national guidance"),
        ReviewType("SCR", "Significant Case Review", "before the 2021 national guidance"),
        ReviewType("thematic", "Thematic review"),
    ), "learning-review"),
    "northern-ireland": Nation("Northern Ireland", (
        ReviewType("CMR", "Case Management Review", "commissioned by the Safeguarding Board for Northern Ireland"),
        ReviewType("thematic", "Thematic review"),
    ), "CMR"),
}

DEFAULT_NATION = "england"
