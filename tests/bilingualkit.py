"""A bilingual (English and Welsh) site: some briefings translated, one not, an embargoed one
with a translation, per-language settings and theme guidance in both languages."""

from __future__ import annotations

import copy

from tests.sitekit import BASE_CONFIG, SiteFolder, briefing_text

AS_OF = "2026-01-01"
WELSH_BODY = """## Cefndir
Cafodd babi ei anafu gartref. Roedd sawl asiantaeth yn adnabod y teulu.

## Pam mae’n bwysig
Ni all babanod siarad drostynt eu hunain.

## Dysgu allweddol
- Rhaid ailasesu risg pan fydd amgylchiadau’n newid.
- Gofynnwch am bob oedolyn yn y cartref.

## Beth ddylem ni ei wneud?
Defnyddiwch y protocol cyn geni.

## Rhagor o wybodaeth
Darllenwch y gweithdrefnau lleol.
"""
#: A word only the embargoed briefing's two files contain: it must reach no output file.
SECRET = "Zephyrine"


def config() -> dict:
    data = copy.deepcopy(BASE_CONFIG)
    data["translations"] = ["cy"]
    data["site_name"] = {"en": "Testshire Learning Briefings", "cy": "Briffiau Dysgu Swydd Brawf"}
    data["board"]["name"] = {"en": "Testshire Safeguarding Children Partnership", "cy": "Partneriaeth Diogelu Plant Swydd Brawf"}
    data["themes"]["risk-assessment"] = {"title": {"en": "Risk assessment", "cy": "Asesu risg"},
                                         "category": {"en": "Professional practice", "cy": "Ymarfer proffesiynol"},
                                         "summary": {"en": "Assessing and reassessing risk.", "cy": "Asesu ac ailasesu risg."}}
    data["themes"]["neglect"] = {"title": {"en": "Neglect", "cy": "Esgeulustod"},
                                 "category": {"en": "Family and environment", "cy": "Teulu ac amgylchedd"}}
    data["themes"] = {k: v for k, v in data["themes"].items() if k in ("risk-assessment", "neglect")}
    data["review_types"] = {"SCR": {"en": "Serious Case Review", "cy": "Adolygiad Achos Difrifol"},
                            "CPR": {"en": "Child Practice Review", "cy": "Adolygiad Ymarfer Plant"}}
    data["accessibility"] = {"known_issues": [{"en": "Some old PDFs are not tagged.", "cy": "Nid yw rhai hen ffeiliau PDF wedi’u tagio."}]}
    return data


def welsh(stem: str, **extra) -> str:
    meta = {
        "title": f"Plentyn {stem[-1].upper()}: dysgu o’r adolygiad",
        "summary": f"Beth a ddysgodd adolygiad Plentyn {stem[-1].upper()} i ni.",
        "review": {"name": f"Plentyn {stem[-1].upper()}"},
        "agencies": ["Gofal cymdeithasol plant"],
        "recommendations": ["Ailgyhoeddi’r canllawiau."],
        "discussion_prompts": ["Beth fydden ni wedi’i wneud?"],
        **extra,
    }
    return briefing_text(meta, WELSH_BODY)


def bilingual_site(root) -> SiteFolder:
    folder = SiteFolder(root, config())
    folder.add("child-a", themes=["risk-assessment", "neglect"], review={"type": "CPR", "published": "2025-06-01"})
    folder.write("briefings/child-a.cy.md", welsh("child-a"))
    folder.add("child-b", themes=["neglect"], review={"published": "2025-03-01"})
    folder.write("briefings/child-b.cy.md", welsh("child-b"))
    folder.add("child-c", themes=["risk-assessment"], review={"published": "2024-11-01"})  # not translated
    folder.add("child-e", title=f"{SECRET}: held back", review={"published": "2025-09-01", "embargo_until": "2026-06-01"})
    folder.write("briefings/child-e.cy.md", welsh("child-e", title=f"{SECRET}: wedi’i ddal yn ôl"))
    folder.write("guidance/risk-assessment.md", "## Why risk changes\nRisk is not fixed.\n")
    folder.write("guidance/risk-assessment.cy.md", "## Pam mae risg yn newid\nNid yw risg yn sefydlog.\n")
    folder.write("guidance/neglect.md", "## Seeing neglect\nLook at the whole day.\n")  # untranslated guidance
    return folder
