"""The topic taxonomy of prosecution practice.

Slugs are stable identifiers: publications from peer instances name topics by slug,
so a slug is never renamed or reused once it has shipped. Names and descriptions may
be reworded freely.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TopicSpec:
    slug: str
    name: str
    description: str
    children: tuple["TopicSpec", ...] = field(default=())


def _t(slug: str, name: str, description: str, *children: TopicSpec) -> TopicSpec:
    return TopicSpec(slug, name, description, tuple(children))


TAXONOMY: tuple[TopicSpec, ...] = (
    _t(
        "charging",
        "Charging",
        "How cases are screened and which charges are filed.",
        _t(
            "charging-standards",
            "Charging standards",
            "Written evidentiary and policy thresholds for filing.",
        ),
        _t(
            "charge-enhancements",
            "Enhancements and special allegations",
            "When enhancements and habitual-offender allegations are sought.",
        ),
        _t(
            "case-screening",
            "Case screening and intake",
            "Who reviews police referrals and how quickly.",
        ),
    ),
    _t(
        "declination",
        "Declination",
        "Categories of conduct the office declines to prosecute.",
        _t(
            "low-level-offenses",
            "Low-level offenses",
            "Declining driving-while-suspended, trespass, loitering and similar charges.",
        ),
        _t(
            "poverty-related-offenses",
            "Poverty-related offenses",
            "Offenses rooted in homelessness or inability to pay.",
        ),
    ),
    _t(
        "diversion",
        "Diversion",
        "Routes out of the traditional case process.",
        _t(
            "pre-charge-diversion",
            "Pre-charge diversion",
            "Diversion offered before any charge is filed.",
        ),
        _t(
            "post-charge-diversion",
            "Post-charge diversion",
            "Deferred prosecution and dismissal on completion.",
        ),
        _t(
            "restorative-justice",
            "Restorative justice",
            "Facilitated dialogue and repair between the harmed party and the responsible person.",
        ),
    ),
    _t(
        "bail-pretrial",
        "Bail and pretrial detention",
        "Release conditions and detention requests.",
        _t("cash-bail", "Cash bail", "Policies limiting or ending requests for money bail."),
        _t(
            "detention-motions",
            "Detention motions",
            "When the office asks a court to detain before trial.",
        ),
        _t(
            "pretrial-services",
            "Pretrial services and reminders",
            "Court reminders, supervision and support instead of detention.",
        ),
    ),
    _t(
        "plea-bargaining",
        "Plea bargaining",
        "How offers are made, reviewed and documented.",
        _t("plea-offers", "Plea offers", "Standard offers, offer review and supervisor approval."),
        _t("discovery", "Discovery", "Early and open-file disclosure to the defense."),
    ),
    _t(
        "sentencing",
        "Sentencing",
        "What the office recommends at sentencing.",
        _t(
            "sentencing-recommendations",
            "Sentencing recommendations",
            "Guidance on recommended terms and alternatives to incarceration.",
        ),
        _t(
            "mandatory-minimums",
            "Mandatory minimums",
            "When statutes with mandatory terms are charged.",
        ),
    ),
    _t(
        "juvenile-justice",
        "Juvenile justice",
        "Young people in the justice system.",
        _t(
            "juvenile-transfer",
            "Transfer to adult court",
            "Decisions to seek adult prosecution of a minor.",
        ),
        _t("youth-diversion", "Youth diversion", "Community-based responses for young people."),
        _t("emerging-adults", "Emerging adults", "Practice for people aged 18 to 25."),
    ),
    _t(
        "conviction-integrity",
        "Conviction integrity",
        "Review and remedy of wrongful convictions.",
        _t(
            "innocence-review",
            "Innocence claims review",
            "Investigation of claims of actual innocence.",
        ),
        _t(
            "forensic-review",
            "Forensic evidence review",
            "Re-examination of discredited forensic methods.",
        ),
    ),
    _t(
        "victim-services",
        "Victim services",
        "Support, notification and restitution for people harmed.",
        _t(
            "victim-notification", "Victim notification", "Keeping victims informed of case events."
        ),
        _t("restitution", "Restitution", "Setting and collecting restitution fairly."),
    ),
    _t(
        "immigration-consequences",
        "Immigration consequences",
        "Weighing collateral immigration consequences in charging and pleas.",
    ),
    _t(
        "drug-policy",
        "Drug policy",
        "Responses to drug possession and sale.",
        _t("cannabis", "Cannabis", "Possession charges and record clearing after legalization."),
        _t(
            "overdose-response",
            "Overdose response",
            "Good Samaritan protections and drug-induced homicide charging.",
        ),
    ),
    _t(
        "mental-health",
        "Mental health",
        "People with mental illness or cognitive disability.",
        _t(
            "competency",
            "Competency to stand trial",
            "Competency evaluations and restoration waitlists.",
        ),
        _t(
            "behavioral-health-diversion",
            "Behavioral health diversion",
            "Treatment-based alternatives and mental health courts.",
        ),
    ),
    _t(
        "police-accountability",
        "Police accountability",
        "Prosecuting and disclosing officer misconduct.",
        _t(
            "brady-disclosure",
            "Brady and Giglio disclosure",
            "Tracking and disclosing impeachment information about officers.",
        ),
        _t(
            "use-of-force-review",
            "Use-of-force review",
            "Independent review of police shootings and in-custody deaths.",
        ),
    ),
    _t(
        "racial-equity",
        "Racial equity",
        "Measuring and reducing racial disparities.",
        _t(
            "disparity-analysis",
            "Disparity analysis",
            "Decision-point analysis of disparities in office outcomes.",
        ),
        _t(
            "race-blind-charging",
            "Race-blind charging",
            "Redacting race-identifying information at case review.",
        ),
    ),
    _t(
        "data-transparency",
        "Data and transparency",
        "Publishing office data and measuring performance.",
        _t(
            "public-dashboards",
            "Public dashboards",
            "Open data portals and regular public reporting.",
        ),
        _t(
            "performance-indicators",
            "Performance indicators",
            "Choosing and tracking measures of office performance.",
        ),
    ),
    _t(
        "second-look",
        "Second look and resentencing",
        "Revisiting long sentences.",
        _t(
            "resentencing",
            "Prosecutor-initiated resentencing",
            "Motions to reduce sentences that no longer serve justice.",
        ),
        _t(
            "clemency-support",
            "Clemency support",
            "Supporting commutation and parole applications.",
        ),
    ),
)


def flatten(topics: tuple[TopicSpec, ...] = TAXONOMY) -> list[tuple[TopicSpec, str | None]]:
    """Every topic with its parent's slug, parents before children."""
    out: list[tuple[TopicSpec, str | None]] = []
    for top in topics:
        out.append((top, None))
        out.extend((child, top.slug) for child in top.children)
    return out
