"""Synthetic corpora for the benchmark: N realistic 7-minute briefings, and a bare MkDocs twin.

``python bench/generate.py 1000`` writes ``bench/corpus/1000/``:

- ``site_config.yml`` and ``briefings/*.md``: N briefings of 500-900 words (body), each with
  3-5 of 20 themes, recommendations, discussion prompts and all five body sections, for
  ``briefings build``;
- ``bare/mkdocs.yml`` and ``bare/docs/``: the same briefings as plain Markdown pages (title,
  summary, the same body, themes, recommendations and prompts as lists) for a stock
  ``mkdocs build`` with Material, its search plugin and the pages left out of the nav, so the
  benchmark compares like with like.

The text is made from a phrase bank by a seeded random generator: the same N and seed always
give the same files. It is written to look like real briefings (a few thousand distinct words,
agencies, roles, concerns) but names no real person, place or review.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
AS_OF = date(2026, 6, 1)  # the date every benchmark build treats as today

THEMES = {
    "risk-assessment": ("Risk assessment", "Professional practice"),
    "lived-experience": ("The lived experience of the child", "Professional practice"),
    "professional-curiosity": ("Professional curiosity", "Professional practice"),
    "information-sharing": ("Information sharing", "Professional practice"),
    "pre-birth-assessment": ("Pre-birth assessment", "Professional practice"),
    "multi-agency-working": ("Multi-agency working", "Professional practice"),
    "escalation-and-challenge": ("Escalation and challenge", "Professional practice"),
    "voice-of-the-child": ("Voice of the child", "Professional practice"),
    "supervision": ("Supervision and reflection", "Professional practice"),
    "disguised-compliance": ("Disguised compliance", "Parental factors"),
    "fathers-and-men": ("Fathers and hidden men", "Parental factors"),
    "parental-mental-health": ("Parental mental health", "Parental factors"),
    "parental-substance-misuse": ("Parental substance misuse", "Parental factors"),
    "domestic-abuse": ("Domestic abuse", "Parental factors"),
    "neglect": ("Neglect", "Family and environment"),
    "safe-sleeping": ("Safe sleeping", "Family and environment"),
    "housing-and-poverty": ("Housing and poverty", "Family and environment"),
    "non-accidental-injury": ("Non-accidental injury in babies", "Child factors"),
    "child-exploitation": ("Child exploitation", "Child factors"),
    "disabled-children": ("Disabled children", "Child factors"),
}

TYPES = ["SCR", "CSPR", "LCSPR", "rapid-review", "thematic"]
BOARDS = [f"{place} Safeguarding Children Partnership" for place in (
    "Northmoor", "Eastfield", "Westbridge", "Southvale", "Highcombe", "Lowmarsh", "Ashdown", "Brackenfold",
    "Coldharbour", "Dunmere", "Elmstead", "Fernhill", "Greystone", "Hollowford", "Ironbridge", "Kingsmead",
    "Larkhill", "Millbrook", "Netherwood", "Oakhurst", "Pinecroft", "Queensford", "Redmarsh", "Stonebury",
)]
AGENCIES = ["Children's social care", "Health visiting", "Midwifery", "GP practices", "Police", "Schools",
            "Early help", "Adult mental health services", "Substance misuse services", "Housing",
            "Emergency department", "Probation", "Youth justice", "CAMHS", "Children's centres", "Ambulance service"]
ROLES = ["the health visitor", "the allocated social worker", "the school nurse", "the GP", "the midwife",
         "the family support worker", "the designated safeguarding lead", "the police officer",
         "the housing officer", "the team manager", "the early help practitioner", "the paediatrician",
         "the probation officer", "the youth worker", "the mental health nurse", "the teacher"]
FAMILY = ["the mother", "the father", "the mother's partner", "the grandmother", "an older sibling",
          "the baby", "the child", "a family friend", "the stepfather", "a maternal aunt"]
CONCERNS = ["bruising that was not explained", "missed health appointments", "poor school attendance",
            "a house that was cold and unclean", "arguments overheard by neighbours", "heavy drinking at weekends",
            "a father who was rarely seen", "low mood after the birth", "repeated calls to the police",
            "a baby who was not gaining weight", "unsafe sleeping arrangements", "cannabis use in the home",
            "rent arrears and the threat of eviction", "a child who was often hungry at school",
            "injuries described as accidents", "a partner with a history of violence", "self-harm in the teenage years",
            "periods of going missing overnight", "older men offering lifts and gifts", "untreated dental decay",
            "frequent moves between addresses", "a parent's own experience of care", "isolation from family support",
            "a disability that made communication hard", "withdrawal from nursery", "a pattern of cancelled visits"]
ACTIONS = ["shared the concern with the allocated worker", "recorded the visit but did not follow it up",
           "made a referral that lacked detail", "accepted the explanation given", "asked to see the child alone",
           "checked the history held by other agencies", "called a strategy discussion", "closed the case after one visit",
           "offered early help support", "escalated the disagreement to a manager", "completed a risk assessment",
           "did not know who else lived in the home", "relied on the parent's account", "arranged a follow-up visit",
           "invited the GP to the core group", "asked about the men in the household", "noted the change in behaviour",
           "updated the chronology", "discussed the case in supervision", "wrote to the family but had no reply"]
TIMES = ["During the pregnancy", "In the weeks after the birth", "Over the following months", "At the first home visit",
         "Later that year", "When the family moved", "At the review conference", "By the time of the incident",
         "In the months before", "Early in the review period", "Towards the end of the period under review",
         "After the second referral", "At the child's two-year check", "During the school holidays"]
REFLECTIONS = [
    "Practitioners were busy and the information arrived in pieces, so no one held the whole picture.",
    "The review found that each agency saw a part of the family's life but nobody put those parts together.",
    "Assessments described the parents' needs in detail but said little about the child's day-to-day experience.",
    "Workers were reassured by a parent who was warm and engaged, even though nothing changed for the child.",
    "The threshold for a child protection enquiry was discussed more than once but was never clearly decided.",
    "Records were accurate but did not show what the worker had made of what they saw and heard.",
    "Professionals felt sympathy for a parent who had been let down as a child, and it softened their judgement.",
    "Language such as 'engaging well' hid how rarely the child had been seen.",
    "Managers signed off plans without asking what difference the plan had made.",
    "Opportunities to challenge decisions made by other agencies were not taken.",
    "The family's history was available but was not read or used in the assessment.",
    "Agencies used different words for the same meeting, which caused confusion about who was responsible.",
    "Nobody asked the child what life at home was like, and the child's behaviour was explained away.",
    "Men who were important in the child's life were not known to services and were never assessed.",
    "The impact of poverty and poor housing was recognised but not linked to the risk to the child.",
    "Workload pressures meant that reflective supervision was often cancelled or cut short.",
]
LEARNING = [
    "Reassess risk whenever circumstances change, not only at planned reviews.",
    "See the child, alone where possible, and record what they say and how they seem.",
    "Find out who lives in the household and who visits, including partners and fathers.",
    "Read the history: earlier concerns and previous children matter to today's assessment.",
    "Share information early; consent is not needed when a child may be at risk of significant harm.",
    "Write referrals that say what you are worried about and why, not only what support is needed.",
    "Be curious when explanations do not fit the injury or the pattern of events.",
    "Use supervision to test your own judgement and the way a family makes you feel.",
    "Escalate when you disagree with another agency's decision and the child is still at risk.",
    "Look for change in the child's life, not just cooperation from the parents.",
    "Consider how poverty, housing and debt affect the parents' capacity to care.",
    "Ask directly about domestic abuse, drinking and drug use, and record the answer.",
    "Make sure safe sleeping advice is repeated and checked, not only given once.",
    "Plan early for vulnerable unborn babies so that support is in place before the birth.",
    "Adjust communication for disabled children so that their views are heard.",
    "Treat missing episodes and older associates as signs of possible exploitation.",
    "Agree one plan with clear roles, and check that every agency knows its part.",
    "Record decisions and the reasons for them so that the next worker understands the case.",
]
DOING = [
    "Talk about this briefing in your next team meeting and agree one change you will make.",
    "Check that your assessments describe a typical day for the child in their own words where possible.",
    "Use the escalation procedure when a concern is not resolved, and tell your manager you have done so.",
    "Make sure every referral sets out the history, the current worry and what you want to happen next.",
    "Invite every agency that knows the family to planning meetings, including GPs and schools.",
    "When a parent cancels visits, ask what that means for the child and arrange to see them soon.",
    "Review your open cases for men who are important to the child but not known to services.",
    "Book reflective supervision and protect the time for it.",
    "Use the local neglect toolkit to describe the child's experience over time, not only on the day.",
    "Repeat safe sleeping advice at every contact in the first months of a baby's life.",
]
PROMPTS = [
    "What do we know about the men in this child's life, and who has asked?",
    "How would we know if a family's cooperation was not leading to change for the child?",
    "When did we last see this child alone, and what did they tell us?",
    "What would we do if we disagreed with another agency's decision?",
    "Which parts of the family's history have we read, and which have we not?",
    "How does our referral explain why we are worried?",
    "What gets in the way of reflective supervision in our team?",
    "How do poverty and housing affect the families we work with?",
    "How do we hear the views of children who do not use words to communicate?",
    "What signs of exploitation might we be explaining away?",
    "Who holds the whole picture for this family?",
    "What language do we use that might hide the child's experience?",
]
RECOMMENDATIONS = [
    "Revise the pre-birth assessment guidance and train staff in its use.",
    "Introduce a checklist for identifying every adult in the household.",
    "Audit referrals for the quality of safeguarding information they contain.",
    "Make escalation procedures easier to find and use, and report on their use.",
    "Ensure GPs are invited to, and receive minutes of, child protection meetings.",
    "Provide training on recognising disguised compliance.",
    "Review the use of chronologies in assessments across agencies.",
    "Strengthen the response to missing episodes and possible exploitation.",
    "Promote safe sleeping messages at every contact with families of babies.",
    "Protect time for reflective supervision in frontline teams.",
]
CONNECTORS = ["However,", "At the same time,", "As a result,", "In practice,", "Looking back,", "Even so,",
              "On several occasions,", "Importantly,", "For example,", "In the review's view,"]


def _sentence(rng: random.Random) -> str:
    form = rng.randrange(5)
    if form == 0:
        return f"{rng.choice(TIMES)}, {rng.choice(ROLES)} {rng.choice(ACTIONS)}."
    if form == 1:
        return f"{rng.choice(ROLES).capitalize()} noticed {rng.choice(CONCERNS)} and {rng.choice(ACTIONS)}."
    if form == 2:
        return (f"{rng.choice(CONNECTORS)} {rng.choice(FAMILY)} spoke about {rng.choice(CONCERNS)}, "
                f"but {rng.choice(ROLES)} {rng.choice(ACTIONS)}.")
    if form == 3:
        return rng.choice(REFLECTIONS)
    return f"There were reports of {rng.choice(CONCERNS)} and of {rng.choice(CONCERNS)}; {rng.choice(ROLES)} {rng.choice(ACTIONS)}."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _words(text: str) -> int:
    return len(text.split())


def briefing(i: int, seed: int) -> tuple[str, dict, str]:
    """(slug, front matter, body) of synthetic briefing number ``i``."""
    rng = random.Random(seed * 1_000_003 + i)
    letters = "ABCDEFGHJKLMNPRSTVWXYZ"
    letter = rng.choice(letters)
    name, slug = f"Child {letter}{i}", f"child-{letter.lower()}{i}"
    themes = rng.sample(sorted(THEMES), rng.randint(3, 5))
    main = THEMES[themes[0]][0].lower()
    published = AS_OF - timedelta(days=rng.randrange(30, 12 * 365))
    target = rng.randint(500, 850)  # the last paragraph may add up to 50
    meta = {
        "title": f"{name}: {main} and {THEMES[themes[1]][0].lower()}",
        "summary": f"{_sentence(rng)} The review asks what {main} means for everyday practice.",
        "review": {"name": name, "type": rng.choice(TYPES), "board": rng.choice(BOARDS),
                   "published": published.isoformat()},
        "themes": themes,
        "agencies": sorted(rng.sample(AGENCIES, rng.randint(2, 6))),
        "recommendations": [],
        "discussion_prompts": rng.sample(PROMPTS, rng.randint(2, 4)),
    }
    if i % 2:
        meta["review"]["report"] = f"https://reports.example.org/{slug}.pdf"
    for n, text in enumerate(rng.sample(RECOMMENDATIONS, rng.randint(2, 5))):
        if n % 2:
            meta["recommendations"].append(text)
        else:
            due = published + timedelta(days=rng.randrange(60, 400))
            meta["recommendations"].append({"text": text, "agency": rng.choice(AGENCIES), "due": due.isoformat(),
                                            "status": rng.choice(["open", "in-progress", "complete"])})
    learning = rng.sample(LEARNING, rng.randint(4, 7))
    doing = " ".join(rng.sample(DOING, 3))
    further = [f"The local procedures on {THEMES[t][0].lower()}." for t in themes[:3]]
    sections = {
        "Background": [_paragraph(rng, 4), _paragraph(rng, 3)],
        "Why it matters": [_paragraph(rng, 3)],
        "Key learning": ["\n".join(f"- {point}" for point in learning)],
        "What should we do?": [doing],
        "Further information": ["\n".join(f"- {item}" for item in further)],
    }
    # Grow the narrative sections until the body reaches its target length (500-900 words).
    grow = ["Background", "Why it matters", "Background", "What should we do?"]
    step = 0
    while _words(_body(sections)) < target:
        key = grow[step % len(grow)]
        sections[key].append(_paragraph(rng, 2) if key != "What should we do?" else _sentence(rng))
        step += 1
    return slug, meta, _body(sections)


def _body(sections: dict[str, list[str]]) -> str:
    return "\n".join(f"## {heading}\n\n" + "\n\n".join(parts) + "\n" for heading, parts in sections.items())


def site_config(n: int) -> dict:
    return {
        "site_name": f"Benchmark Learning Briefings ({n:,})",
        "site_url": "https://learning.example.org/",
        "board": {"name": "Benchmark Safeguarding Children Partnership", "email": "learning@example.org",
                  "phone": "01632 960 000"},
        "publication": {"keep_months": 36, "after_expiry": "keep"},
        "themes": {slug: {"title": title, "category": category} for slug, (title, category) in THEMES.items()},
    }


def bare_page(meta: dict, body: str) -> str:
    """The same briefing as a plain Markdown page for stock MkDocs."""
    review = meta["review"]
    recs = [r if isinstance(r, str) else r["text"] for r in meta["recommendations"]]
    return "\n".join([
        f"# {meta['title']}", "", meta["summary"], "",
        f"Review: {review['name']}, {review['type']}, {review['board']}, published {review['published']}.", "",
        body,
        "## Themes", "", *[f"- {THEMES[t][0]}" for t in meta["themes"]], "",
        "## Recommendations", "", *[f"- {r}" for r in recs], "",
        "## Questions for your team", "", *[f"1. {p}" for p in meta["discussion_prompts"]], "",
    ])


BARE_MKDOCS = """site_name: {name}
site_url: https://learning.example.org/
theme:
  name: material
  font: false
  features: [navigation.tabs]
plugins:
  - search
nav:
  - Home: index.md
not_in_nav: |
  /briefings/**
"""


def write_corpus(n: int, seed: int = 7, root: Path = CORPUS) -> Path:
    """Write corpus ``n`` (replacing any old one) and return its folder."""
    folder = root / str(n)
    for part in ("briefings", "bare", "site", "site-bare"):
        shutil.rmtree(folder / part, ignore_errors=True)
    (folder / "briefings").mkdir(parents=True)
    docs = folder / "bare" / "docs"
    (docs / "briefings").mkdir(parents=True)
    (folder / "site_config.yml").write_text(yaml.safe_dump(site_config(n), sort_keys=False), encoding="utf-8")
    (folder / "bare" / "mkdocs.yml").write_text(BARE_MKDOCS.format(name=f"Bare MkDocs twin ({n:,})"), encoding="utf-8")
    (docs / "index.md").write_text(f"# Bare MkDocs twin\n\n{n:,} briefings, left out of the navigation.\n", encoding="utf-8")
    for i in range(1, n + 1):
        slug, meta, body = briefing(i, seed)
        text = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body
        (folder / "briefings" / f"{slug}.md").write_text(text, encoding="utf-8")
        (docs / "briefings" / f"{slug}.md").write_text(bare_page(meta, body), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int, help="how many briefings, e.g. 100 1000 3000")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    for n in args.sizes:
        print(f"wrote {write_corpus(n, args.seed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
