"""Demo content for the prosecutor peer network: policies and practice briefs.

The texts below seed a demonstration instance with realistic-looking publications so
that search, topic browsing, revision history and metric links can be exercised. They
were written for this project, describe no real office, and are deliberately generic
("the office", "this county", "assistant prosecutors"): they contain no personal data
such as names, case numbers, dates of birth or contact details. Numbers quoted in the
briefs are illustrative, not findings.

Revisions are built from named Markdown sections. Each amendment lists only what
changed: a key replaces a section, a key starting with "+" appends to it, and the keys
"change", "title" and "summary" describe the revision itself.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PolicyRevisionText:
    title: str
    summary: str  # 1-2 sentences
    body: str  # Markdown, 150-400 words
    change_summary: str  # what changed from the previous revision


@dataclass(frozen=True)
class PolicyText:
    key: str  # unique snake_case
    topics: tuple[str, ...]  # 1-3 taxonomy slugs
    revisions: tuple[PolicyRevisionText, ...]  # oldest first


@dataclass(frozen=True)
class BriefRevisionText:
    title: str
    summary: str
    problem: str
    practice: str
    implementation: str
    outcomes: str
    cost_staffing: str
    evidence_level: str  # "ANECDOTAL", "DESCRIPTIVE", "QUASI_EXPERIMENTAL" or "EXPERIMENTAL"
    change_summary: str


@dataclass(frozen=True)
class BriefText:
    key: str
    topics: tuple[str, ...]
    linked_metrics: tuple[str, ...]  # keys of network.metrics.standard.STANDARD_METRICS
    revisions: tuple[BriefRevisionText, ...]  # oldest first


_META = ("change", "title", "summary")


def _apply(base: dict, changes: dict) -> dict:
    """Return ``base`` updated by ``changes`` ("+key" appends, other keys replace)."""
    out = dict(base)
    for key, value in changes.items():
        if key in _META:
            continue
        if key.startswith("+"):
            name = key[1:]
            old = out.get(name)
            if old is None:
                out[name] = value
            elif isinstance(old, str):
                out[name] = old + " " + value
            else:
                out[name] = type(old)((*old, *value))
        else:
            out[key] = value
    return out


def _markdown(sections: dict) -> str:
    """Render sections: a str is a paragraph, a tuple a bullet list, a list a numbered list."""
    lines: list[str] = []
    for heading, content in sections.items():
        lines += [f"## {heading}", ""]
        if isinstance(content, str):
            lines.append(content)
        elif isinstance(content, list):
            lines += [f"{n}. {item}" for n, item in enumerate(content, 1)]
        else:
            lines += [f"- {item}" for item in content]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _policy(
    key: str, topics: tuple[str, ...], title: str, summary: str, sections: dict, *amendments: dict
) -> PolicyText:
    revisions = [PolicyRevisionText(title, summary, _markdown(sections), "Initial version.")]
    for amendment in amendments:
        title = amendment.get("title", title)
        summary = amendment.get("summary", summary)
        sections = _apply(sections, amendment)
        revisions.append(
            PolicyRevisionText(title, summary, _markdown(sections), amendment["change"])
        )
    return PolicyText(key, topics, tuple(revisions))


def _brief(
    key: str, topics: tuple[str, ...], metrics: tuple[str, ...], first: dict, *updates: dict
) -> BriefText:
    fields = dict(first)
    revisions = [BriefRevisionText(change_summary="Initial version.", **fields)]
    for update in updates:
        fields = _apply(fields, update)
        fields["title"] = update.get("title", fields["title"])
        fields["summary"] = update.get("summary", fields["summary"])
        revisions.append(BriefRevisionText(change_summary=update["change"], **fields))
    return BriefText(key, topics, metrics, tuple(revisions))


POLICIES: tuple[PolicyText, ...] = (
    # ------------------------------------------------------------------ charging
    _policy(
        "felony_charging_standard",
        ("charging-standards", "charging"),
        "Felony Charging Standard",
        "Assistant prosecutors file a felony only when the admissible evidence would likely sustain a conviction at trial, not merely probable cause.",
        {
            "Purpose": "To make sure that every felony the office files is one it is prepared to prove, so that people are not held or pressured to plead on charges that would not survive trial.",
            "Scope": "All felony referrals received by the intake unit and the special victims, narcotics and economic crimes units. Misdemeanor filings are governed by a separate standard.",
            "Policy": (
                "A felony charge may be filed only when the reviewing prosecutor believes the admissible evidence, viewed objectively, is sufficient to obtain a conviction at trial.",
                "Probable cause alone is not a sufficient basis for filing. A reasonable belief that more evidence will be developed later is not a substitute for evidence in hand.",
                "The most serious charge filed must be one the office would be willing to take to verdict; charges may not be added only to create leverage for a plea.",
                "Where the evidence supports only a lesser offense, the lesser offense is filed and the reason is noted in the screening memo.",
            ),
            "Exceptions": (
                "When a suspect is in custody and the 48-hour charging deadline will expire before laboratory results or a key interview are available, a charge may be filed on probable cause with a written plan to re-evaluate within 21 days.",
            ),
            "Supervisor review": "A unit supervisor reviews every screening memo for charges at the two most serious felony levels before filing.",
            "Data collection": "The case management system records the charge referred by police, the charge filed and the screening attorney for each case, so that referral-to-filing changes can be reported.",
        },
        {
            "change": "Added mandatory re-evaluation outcome reporting and a dismissal review trigger.",
            "+Exceptions": (
                "If a charge filed under the custody exception has not been re-evaluated within 21 days, the case is flagged for the chief of the felony division.",
            ),
            "+Data collection": "Each quarter the data unit reports, by unit, the share of felonies filed under the custody exception and the share of felonies dismissed within 90 days of filing. Any unit whose 90-day dismissal rate exceeds 15 percent presents a case review at the next management meeting.",
        },
        {
            "change": "Replaced the single supervisor review with a two-level review for first- and second-degree felonies and added a training requirement.",
            "Supervisor review": "A unit supervisor reviews every screening memo for second-degree felonies. First-degree felonies and any charge carrying a mandatory prison term also require sign-off by the division chief before filing.",
            "Training": "New assistant prosecutors complete four hours of charging-standard training, including mock screening exercises, before screening felony referrals on their own.",
        },
    ),
    _policy(
        "misdemeanor_screening_documentation",
        ("charging-standards",),
        "Misdemeanor Screening and Documentation",
        "Requires a short written reason for every misdemeanor charging decision and sets the minimum contents of a misdemeanor referral.",
        {
            "Purpose": "Misdemeanors make up most of the office's volume, and decisions about them are often made in minutes. A brief written reason allows supervisors to see patterns and gives defense counsel and the court a clear record.",
            "Scope": "All misdemeanor and gross misdemeanor referrals, including citations forwarded by municipal police departments and the sheriff's office.",
            "Minimum referral contents": (
                "A narrative report signed by the arresting or citing officer.",
                "Names of civilian witnesses, recorded in the sealed witness field and not in the narrative.",
                "Any body-worn camera or dashboard video identifiers.",
                "For theft offenses, the value of the property and how it was determined.",
            ),
            "Policy": "The screening prosecutor selects one of the standard decision codes (file as referred, file reduced, decline, divert, return for investigation) and adds a reason of at least one sentence. Referrals missing any minimum contents are returned to the agency, not declined.",
            "Exceptions": "Domestic violence referrals are never returned for missing contents; they are screened on the information available and the domestic violence unit is notified.",
            "Supervisor review": "Supervisors audit ten randomly selected misdemeanor decisions per screener each month.",
            "Data collection": "Decision codes are reported monthly by referring agency.",
        },
        {
            "change": "Added a 10-business-day deadline for returned referrals and an agency feedback report.",
            "+Policy": "A returned referral that is not resubmitted within 10 business days is closed as declined for insufficient information, and the agency is notified.",
            "Data collection": "Decision codes and return reasons are reported monthly by referring agency. Each quarter, the office sends every agency a one-page summary of its returned and declined referrals, listing the most common missing items, to improve report quality.",
        },
    ),
    _policy(
        "habitual_offender_enhancements",
        ("charge-enhancements", "charging"),
        "Habitual-Offender Allegations",
        "Habitual-offender and prior-conviction enhancements are sought only for violent current offenses and only with division-chief approval.",
        {
            "Purpose": "Enhancements based on prior convictions can multiply a sentence several times over. The office reserves them for cases where the current offense and history show a real, continuing danger to others.",
            "Scope": "All allegations under the state's habitual-offender statute and any prior-conviction enhancement that increases the statutory maximum or triggers a mandatory term.",
            "Policy": (
                "An enhancement may be alleged only when the current offense is a violent felony as listed in the appendix.",
                "Prior convictions older than 10 years, measured from release from custody, are not counted unless the person was convicted of a violent felony in the intervening period.",
                "Prior convictions for drug possession and for offenses committed before age 18 are never counted.",
                "Enhancements are never alleged for the purpose of inducing a plea and then withdrawn as part of the bargain.",
            ),
            "Exceptions": "None. Requests to depart from this policy are decided by the first assistant in writing.",
            "Supervisor review": "The division chief approves each allegation using the enhancement worksheet, which records the current offense, each prior counted and the reason the enhancement is necessary.",
            "Data collection": "The office tracks the number of enhancements alleged, withdrawn and found true, by offense category and race and ethnicity of the defendant.",
        },
        {
            "change": "Shortened the look-back period from 10 to 7 years and required annual publication of enhancement data.",
            "summary": "Habitual-offender enhancements are limited to violent current offenses with recent priors and require division-chief approval; data are published yearly.",
            "Policy": (
                "An enhancement may be alleged only when the current offense is a violent felony as listed in the appendix.",
                "Prior convictions older than 7 years, measured from release from custody, are not counted unless the person was convicted of a violent felony in the intervening period.",
                "Prior convictions for drug possession and for offenses committed before age 18 are never counted.",
                "Enhancements are never alleged for the purpose of inducing a plea and then withdrawn as part of the bargain.",
            ),
            "+Data collection": "A summary table is published on the office's data page each January.",
        },
        {
            "change": "Added a mitigation review step and excluded priors that have since been reclassified as misdemeanors.",
            "+Policy": (
                "Priors for conduct that the legislature has since reduced to a misdemeanor or decriminalized are not counted.",
                "Before approval, defense counsel is invited to submit mitigation material, which the division chief must read and note on the worksheet.",
            ),
        },
    ),
    _policy(
        "firearm_enhancement_review",
        ("charge-enhancements",),
        "Firearm Enhancement Charging",
        "Sets when assistant prosecutors may allege a firearm-use enhancement and requires written justification for enhancements in cases with no discharge or injury.",
        {
            "Purpose": "Firearm enhancements add years of mandatory consecutive time. The office uses them to respond to actual gun violence rather than to mere proximity to a weapon.",
            "Scope": "Every allegation that a firearm was used, displayed or possessed during the commission of a felony.",
            "Policy": (
                "Where a firearm was discharged or a person was injured, the enhancement is alleged as a matter of course.",
                "Where a firearm was displayed or used to threaten but not fired, the enhancement may be alleged with the unit supervisor's written approval.",
                "Where a firearm was merely present, for example found in a vehicle or residence, the enhancement is not alleged.",
            ),
            "Exceptions": "A supervisor may approve an enhancement for a present-but-unused firearm when there is specific evidence it was kept to protect a drug-sale operation.",
            "Supervisor review": "Approval notes are attached to the charging file and reviewed by the division chief monthly.",
            "Data collection": "Enhancements are coded by category (discharged, displayed, present) so the office can report how often each is alleged and how often it survives to sentencing.",
        },
        {
            "change": "Added consideration of age and a prohibition on stacking multiple firearm enhancements from a single incident.",
            "+Policy": (
                "Only one firearm enhancement is alleged per incident, regardless of the number of counts.",
                "For defendants under 21, the supervisor must consider the emerging-adults guidance before approving any discretionary enhancement.",
            ),
        },
    ),
    _policy(
        "felony_intake_timelines",
        ("case-screening", "charging"),
        "Felony Intake Timelines",
        "Sets deadlines for screening felony referrals so that people are not left in custody or uncertainty while the office decides.",
        {
            "Purpose": "Delay at intake leaves arrested people in jail without charges, leaves victims without answers and lets evidence go stale. The office commits to decision deadlines it can meet.",
            "Scope": "All felony referrals, whether the suspect is in custody, released on citation or not yet arrested.",
            "Deadlines": [
                "In-custody referrals: charging decision before the first appearance calendar, and in no case later than 48 hours after arrest.",
                "Out-of-custody referrals with an identified suspect: decision within 30 days of receipt.",
                "Referrals awaiting laboratory or digital forensic results: decision within 30 days of receiving the results.",
            ],
            "Policy": "Every referral is assigned to a named screening attorney within one business day. The screening attorney may return a referral for further investigation once; a second return requires supervisor approval.",
            "Exceptions": "Homicide and officer-involved shooting referrals are screened by the responsible specialized unit and are not subject to the 30-day deadline.",
            "Supervisor review": "The intake supervisor reviews an aging report every Monday and reassigns any referral within five days of its deadline.",
            "Data collection": "The office reports the median days from receipt to decision, by custody status, in its quarterly performance report.",
        },
        {
            "change": "Shortened the out-of-custody deadline to 21 days and added victim notification of the decision.",
            "Deadlines": [
                "In-custody referrals: charging decision before the first appearance calendar, and in no case later than 48 hours after arrest.",
                "Out-of-custody referrals with an identified suspect: decision within 21 days of receipt.",
                "Referrals awaiting laboratory or digital forensic results: decision within 30 days of receiving the results.",
            ],
            "+Policy": "Victim services staff notify any identified victim of the charging decision within three business days of the decision.",
        },
        {
            "change": "Added an exception for mass-arrest events and a quarterly report on returned referrals.",
            "+Exceptions": "After a single event producing more than 25 arrests, the first assistant may extend in-custody deadlines only as far as the court allows and must document the extension.",
            "+Data collection": "It also reports the number of referrals returned for further investigation and how many were later filed.",
        },
        {
            "change": "Added a digital-evidence track after phone extractions became the main cause of missed deadlines.",
            "+Exceptions": "Referrals that depend on a phone or computer extraction may be placed on the digital-evidence track, with a decision due within 21 days of the extraction report; the screener must still decide within 48 hours for in-custody suspects.",
        },
    ),
    _policy(
        "weekend_custody_screening",
        ("case-screening", "bail-pretrial"),
        "Weekend and Holiday Custody Screening",
        "Provides on-call screening attorneys on weekends and holidays so that in-custody arrests are reviewed before the next court day.",
        {
            "Purpose": "People arrested on a Friday evening can otherwise wait until Monday or Tuesday before anyone in the office looks at their case. Many of those cases are later declined.",
            "Scope": "All in-custody arrests booked into the county jail between 5 p.m. Friday and 8 a.m. Monday, and on court holidays.",
            "Policy": (
                "Two attorneys staff the on-call rotation each weekend: one for felonies and one for misdemeanors.",
                "The on-call attorney reviews booking reports remotely at least three times each day and decides whether to file, decline or request more information.",
                "A declined in-custody case is communicated to the jail immediately so the person can be released.",
                "For charged cases, the on-call attorney records the office's release position for the first appearance attorney.",
            ),
            "Exceptions": "Homicide, sexual assault and domestic violence strangulation cases are referred to the unit on-call supervisor rather than decided by the rotation attorney.",
            "Supervisor review": "The intake supervisor reviews every weekend declination on the following Monday.",
            "Data collection": "The office logs the time from booking to decision for weekend arrests and the number of people released on weekend declinations.",
        },
        {
            "change": "Added compensatory time for rotation attorneys and a minimum review frequency on holidays.",
            "+Policy": (
                "Rotation attorneys receive one day of compensatory leave for each weekend worked.",
                "On court holidays falling on a Monday or Friday, reviews occur at least four times on the holiday itself.",
            ),
        },
    ),
    # ------------------------------------------------------------------ declination
    _policy(
        "driving_while_suspended_declination",
        ("low-level-offenses", "declination", "poverty-related-offenses"),
        "Driving While License Suspended for Non-Payment",
        "The office declines charges of driving with a license suspended only for unpaid fines, fees or child support, and refers drivers to a license restoration clinic.",
        {
            "Purpose": "Most license suspensions in this county stem from unpaid court debt rather than unsafe driving. Prosecuting these drivers adds new fines to old ones and makes it harder to keep a job.",
            "Scope": "Referrals where the only offense is driving while license suspended, revoked or cancelled, and the suspension was imposed for failure to pay, failure to appear on a traffic matter, or child-support arrears.",
            "Policy": (
                "These referrals are declined at intake with decision code DWS-NP.",
                "The declination letter includes information about the license restoration clinic held twice a month with the public defender and civil legal aid.",
                "If a citation has already been filed, the office moves to dismiss at the first setting.",
            ),
            "Exceptions": (
                "The suspension resulted from a DUI, reckless driving or vehicular assault conviction.",
                "The driving involved a collision causing injury.",
            ),
            "Supervisor review": "None required for declinations. Filing a covered case requires supervisor approval and a written reason.",
            "Data collection": "Monthly count of declinations under this policy.",
        },
        {
            "change": "Extended the policy to suspensions for unpaid tolls and parking tickets and added a count of clinic referrals.",
            "Scope": "Referrals where the only offense is driving while license suspended, revoked or cancelled, and the suspension was imposed for failure to pay fines, tolls or parking tickets, failure to appear on a traffic matter, or child-support arrears.",
            "Data collection": "Monthly count of declinations under this policy and of drivers who attended the restoration clinic after receiving a declination letter.",
        },
        {
            "change": "Added a repeat-referral exception after review of high-frequency cases.",
            "+Exceptions": (
                "The driver has been referred under this policy four or more times in 12 months and has declined to attend the clinic; the supervisor may then approve a filing with a diversion offer.",
            ),
        },
    ),
    _policy(
        "trespass_loitering_declination",
        ("low-level-offenses", "declination"),
        "Trespass, Loitering and Disorderly Conduct Referrals",
        "Presumptively declines stand-alone trespass, loitering and disorderly conduct referrals unless there is a victim, a threat, or a specific prior warning.",
        {
            "Purpose": "Stand-alone public-order charges rarely improve safety and often fall on people who have nowhere else to be. The office prefers that such incidents be handled by outreach workers and property owners.",
            "Scope": "Referrals in which the most serious charge is criminal trespass in the second degree, loitering, obstructing a sidewalk, or disorderly conduct, with no other charge.",
            "Policy": (
                "The referral is presumptively declined.",
                "The presumption is overcome if the conduct involved a threat of violence, property damage over $250, or trespass on a residence.",
                "The presumption is also overcome if the person received a written trespass warning for the same property within the past 90 days and returned anyway.",
            ),
            "Exceptions": "Trespass in schools, hospitals and critical infrastructure facilities is screened under the ordinary misdemeanor standard.",
            "Supervisor review": "Misdemeanor supervisors approve any filing under this policy.",
            "Data collection": "Declinations and filings are recorded with the reason the presumption was or was not overcome.",
        },
        {
            "change": "Lowered the property-damage threshold to $100 and required outreach referral information in declination letters.",
            "Policy": (
                "The referral is presumptively declined.",
                "The presumption is overcome if the conduct involved a threat of violence, property damage over $100, or trespass on a residence.",
                "The presumption is also overcome if the person received a written trespass warning for the same property within the past 90 days and returned anyway.",
                "Each declination letter lists the county's street outreach and shelter intake contacts.",
            ),
        },
    ),
    _policy(
        "necessity_theft_declination",
        ("poverty-related-offenses", "declination"),
        "Theft of Necessities",
        "Declines prosecution of first and second referrals for theft of food, infant formula, hygiene products or clothing valued at $150 or less.",
        {
            "Purpose": "Shoplifting of basic necessities is usually a sign of poverty rather than criminal enterprise. A conviction makes employment and housing harder to obtain and does not deter the underlying need.",
            "Scope": "Retail theft referrals in which all property taken falls within the necessities list and the total retail value is $150 or less.",
            "Necessities list": (
                "Food and non-alcoholic beverages.",
                "Infant formula, diapers and baby wipes.",
                "Soap, toothpaste, menstrual products and other hygiene items.",
                "Seasonal clothing and footwear.",
            ),
            "Policy": "First and second referrals within a two-year period are declined. A third referral is eligible for pre-charge diversion.",
            "Exceptions": "The policy does not apply when force or a threat was used, when a weapon was displayed, or when the items were clearly taken for resale.",
            "Supervisor review": "A supervisor must approve any filing in a case that meets the scope.",
            "Data collection": "Intake staff record the category and value of items so the office can report declinations under this policy by quarter.",
        },
        {
            "change": "Raised the value threshold to $250 and added referral to the county food assistance program.",
            "summary": "Declines prosecution of first and second referrals for theft of food, infant formula, hygiene products or clothing valued at $250 or less.",
            "Scope": "Retail theft referrals in which all property taken falls within the necessities list and the total retail value is $250 or less.",
            "+Policy": "The declination letter includes information about food assistance and emergency benefits enrollment.",
        },
        {
            "change": "Added over-the-counter medication to the necessities list and a retailer communication duty.",
            "Necessities list": (
                "Food and non-alcoholic beverages.",
                "Infant formula, diapers and baby wipes.",
                "Soap, toothpaste, menstrual products and other hygiene items.",
                "Seasonal clothing and footwear.",
                "Over-the-counter medication, excluding products containing pseudoephedrine.",
            ),
            "+Supervisor review": "The community prosecution unit meets twice a year with retailers' loss-prevention managers to explain the policy and hear concerns.",
        },
    ),
    _policy(
        "homelessness_related_offenses",
        ("poverty-related-offenses",),
        "Offenses Related to Homelessness",
        "The office does not prosecute sleeping, camping or storing property in public when the person has no access to shelter.",
        {
            "Purpose": "Criminal charges for the act of being unhoused create warrants and fines that make it harder to obtain housing. They do not reduce encampments.",
            "Scope": "Referrals for unlawful camping, sleeping in a public place, storing personal property on public land, and public urination where no restroom was available.",
            "Policy": (
                "Covered referrals are declined when the report does not establish that shelter space was actually available and offered to the person that night.",
                "When shelter was offered and refused, the case is still declined unless the person's conduct blocked an entrance, created a fire hazard or endangered others.",
                "Existing warrants on covered charges are reviewed quarterly, and the office moves to quash those that remain.",
            ),
            "Exceptions": "Conduct that damages property or threatens others is screened under the ordinary standard, without regard to housing status.",
            "Supervisor review": "The misdemeanor chief reviews all filings in covered cases.",
            "Data collection": "Declinations are counted monthly. The office does not record housing status in any field visible outside the screening unit.",
        },
        {
            "change": "Added outreach coordination and a requirement that shelter availability be verified with the county shelter line.",
            "+Policy": (
                "Screeners verify shelter availability claims against the nightly bed report published by the county housing agency.",
                "Each declined person is referred, with consent, to the coordinated entry outreach team.",
            ),
        },
    ),
    _policy(
        "fines_fees_inability_to_pay",
        ("poverty-related-offenses", "declination"),
        "Failure to Pay Fines and Fees",
        "The office will not seek warrants, contempt findings or jail for failure to pay court debt without a finding of willful non-payment.",
        {
            "Purpose": "Jailing people for being unable to pay court debt is unconstitutional and counter-productive. This policy sets the office's position at every hearing on unpaid fines, fees and costs.",
            "Scope": "Show-cause hearings, probation violation petitions and warrant requests based solely on non-payment of fines, fees, costs or supervision charges. Restitution to victims is addressed in the restitution policy.",
            "Policy": (
                "The office does not request a warrant for non-payment alone.",
                "At any hearing on non-payment, the office asks the court to conduct an ability-to-pay inquiry before any sanction.",
                "Where the person receives means-tested public benefits or earns below 200 percent of the federal poverty guideline, the office asks the court to convert outstanding fines and fees to community service or to waive them.",
                "The office does not oppose motions to remit fees older than three years.",
            ),
            "Exceptions": "None for warrants. A person who has the means to pay and has repeatedly refused may be the subject of a show-cause motion with supervisor approval.",
            "Supervisor review": "Any request for a jail sanction for non-payment requires approval from the chief of the misdemeanor division.",
            "Data collection": "The office counts waiver and conversion requests made and granted each quarter.",
        },
        {
            "change": "Raised the income threshold for waiver requests to 250 percent of the poverty guideline and added a data-sharing step with the court clerk.",
            "Policy": (
                "The office does not request a warrant for non-payment alone.",
                "At any hearing on non-payment, the office asks the court to conduct an ability-to-pay inquiry before any sanction.",
                "Where the person receives means-tested public benefits or earns below 250 percent of the federal poverty guideline, the office asks the court to convert outstanding fines and fees to community service or to waive them.",
                "The office does not oppose motions to remit fees older than three years.",
            ),
            "+Data collection": "Twice a year the office requests from the court clerk the number of active non-payment warrants originating from its cases and moves to recall them in bulk.",
        },
    ),
    # ------------------------------------------------------------------ diversion
    _policy(
        "pre_charge_diversion_eligibility",
        ("pre-charge-diversion", "diversion"),
        "Pre-Charge Diversion Eligibility",
        "Defines who is offered diversion before any charge is filed, so that successful participants never acquire a court record.",
        {
            "Purpose": "Diversion before filing avoids a public court record altogether. The office wants eligibility to be decided by written criteria, not by which screener happens to pick up the file.",
            "Scope": "All adult misdemeanor referrals and non-violent felony referrals in the property and drug categories.",
            "Eligibility": (
                "No conviction for a violent felony in the past 10 years.",
                "The referral does not involve a firearm, a sexual offense, or domestic violence.",
                "Loss to any victim does not exceed $2,500.",
                "The person has not completed pre-charge diversion more than once in the past five years.",
            ),
            "Policy": "Eligible referrals are offered diversion automatically by letter. The person has 30 days to enroll with the community partner. Program length is 90 days for misdemeanors and 6 months for felonies, with conditions limited to those addressing the conduct (restitution, a class, or treatment if assessed as needed).",
            "Exceptions": "A screener may decline to offer diversion to an eligible person only with supervisor approval and a written reason related to public safety.",
            "Supervisor review": "Supervisors review every non-offer monthly.",
            "Data collection": "Offers, enrollments, completions and terminations are reported monthly by offense category, race and ethnicity, sex and age band.",
        },
        {
            "change": "Raised the victim-loss ceiling to $5,000 and removed the limit on prior diversions for misdemeanor referrals.",
            "Eligibility": (
                "No conviction for a violent felony in the past 10 years.",
                "The referral does not involve a firearm, a sexual offense, or domestic violence.",
                "Loss to any victim does not exceed $5,000.",
                "For felony referrals only, the person has not completed pre-charge diversion more than once in the past five years.",
            ),
        },
        {
            "change": "Added a victim-consultation step and extended the enrollment window for people in treatment or custody on other matters.",
            "+Policy": "Where there is an identified victim, victim services staff explain the diversion offer to the victim and record any concerns before the letter is sent; victim objection is considered but is not a veto. The enrollment window is extended to 60 days for people in inpatient treatment or serving a short custodial term on another matter.",
        },
    ),
    _policy(
        "deferred_prosecution_agreements",
        ("post-charge-diversion", "diversion"),
        "Deferred Prosecution Agreements",
        "Governs post-filing agreements under which charges are dismissed after the defendant completes agreed conditions.",
        {
            "Purpose": "Some cases are not appropriate for diversion at intake but can be resolved without a conviction once more is known about the defendant and the harm. Deferred prosecution agreements provide that route.",
            "Scope": "Filed misdemeanor and felony cases, other than homicide, sexual offenses and offenses requiring sex-offender registration.",
            "Policy": (
                "The assigned prosecutor may offer a deferred prosecution agreement at any stage before trial.",
                "Agreements last no longer than 12 months for misdemeanors and 18 months for felonies.",
                "No guilty plea or stipulated facts are required as a condition of entry.",
                "Conditions must be individualized, realistic and no more than necessary; the standard form lists at most five conditions.",
                "On completion, the office moves to dismiss with prejudice within 14 days.",
            ),
            "Exceptions": "Stipulated facts may be required in felony cases involving a vulnerable victim, with supervisor approval.",
            "Supervisor review": "Felony agreements require supervisor approval. Terminations for non-compliance require supervisor approval in all cases.",
            "Data collection": "The office records entry date, conditions imposed, and outcome for each agreement.",
        },
        {
            "change": "Prohibited termination for technical non-compliance alone and required a compliance conference before any termination.",
            "+Policy": (
                "Missing a class, a late payment or a single positive drug test is not grounds for termination. Before seeking termination the prosecutor holds a compliance conference with the defendant and counsel and considers modifying the conditions.",
            ),
        },
        {
            "change": "Added a quarterly review of termination rates by race and ethnicity.",
            "Data collection": "The office records entry date, conditions imposed, and outcome for each agreement. The data unit reports quarterly on completion and termination rates by offense category, race and ethnicity, and age band, and flags any group whose termination rate is more than 10 percentage points above the overall rate.",
        },
    ),
    _policy(
        "diversion_fee_waiver",
        ("post-charge-diversion", "diversion"),
        "Diversion Program Fees",
        "No one may be denied or terminated from an office diversion program because they cannot pay a program fee.",
        {
            "Purpose": "Program fees turned diversion into an option available mainly to people with money. In the last review year, one in five terminations from office programs followed an unpaid balance. The office wants eligibility and completion to depend on conduct, not income.",
            "Scope": "All diversion and deferred prosecution programs run by or contracted with the office.",
            "Policy": (
                "The administrative fee for office-run programs is eliminated.",
                "Contracted providers may charge class or treatment fees only on a sliding scale approved by the office, starting at zero.",
                "Unpaid fees may not delay a dismissal or be a ground for termination.",
            ),
            "Exceptions": "Restitution to an identified victim is not a fee and remains a condition where ordered, subject to the restitution policy's ability-to-pay rules.",
            "Supervisor review": "The diversion program manager reviews provider fee schedules each year.",
            "Data collection": "Providers report monthly the number of participants who received full or partial fee waivers.",
        },
        {
            "change": "Added a provider reimbursement fund and a participant transport stipend.",
            "+Policy": (
                "The office reimburses contracted providers from its diversion budget for waived fees, up to $120 per participant.",
                "Participants who live more than five miles from the provider may receive transit passes for the length of the program.",
            ),
        },
    ),
    _policy(
        "restorative_justice_referrals",
        ("restorative-justice", "diversion"),
        "Restorative Justice Referrals",
        "Allows eligible cases to be resolved through a facilitated restorative circle when the person harmed agrees to take part.",
        {
            "Purpose": "A restorative circle brings together the person harmed, the responsible person and their supporters, with a trained facilitator, to agree on how to repair the harm. The office uses it where a conviction would do less for the victim than direct accountability.",
            "Scope": "Property offenses, non-domestic assaults without serious injury, and vandalism, including felony-level cases with supervisor approval.",
            "Policy": [
                "The assigned prosecutor identifies a potentially eligible case and consults the victim through victim services.",
                "If the victim agrees, the case is referred to the community facilitator and charges are held in abeyance for up to 120 days.",
                "The responsible person must accept responsibility for the harm during the circle, but statements made in the process cannot be used in any prosecution.",
                "If a repair agreement is reached and completed, the office declines or dismisses the case.",
            ],
            "Exceptions": "Not available for domestic violence, sexual assault, stalking, or cases where the victim is a minor without a participating guardian.",
            "Supervisor review": "The diversion supervisor approves every referral and every return of a case to prosecution.",
            "Data collection": "The office tracks referrals, circles held, agreements reached and completed, and victim satisfaction survey results.",
        },
        {
            "change": "Extended the abeyance period to 180 days and added a surrogate-victim option.",
            "Policy": [
                "The assigned prosecutor identifies a potentially eligible case and consults the victim through victim services.",
                "If the victim agrees, the case is referred to the community facilitator and charges are held in abeyance for up to 180 days.",
                "The responsible person must accept responsibility for the harm during the circle, but statements made in the process cannot be used in any prosecution.",
                "If a repair agreement is reached and completed, the office declines or dismisses the case.",
            ],
            "+Exceptions": "Where a business victim declines to participate but does not object, a trained community volunteer may take part as a surrogate for the harmed community.",
        },
        {
            "change": "Added confidentiality rules for facilitator notes and a requirement to report victim satisfaction results annually.",
            "Confidentiality": "Facilitator notes and the content of circle discussions are not requested, subpoenaed or retained by the office. Only the facilitator's completion certificate enters the case file.",
            "+Data collection": "Victim satisfaction results are summarized in the office's annual report.",
        },
    ),
    # ------------------------------------------------------------------ bail and pretrial
    _policy(
        "cash_bail_requests",
        ("cash-bail", "bail-pretrial"),
        "Requests for Money Bail",
        "Assistant prosecutors do not request cash bail for misdemeanors and most non-violent felonies; release conditions are argued instead.",
        {
            "Purpose": "Money bail detains people who cannot pay while releasing people who can, regardless of risk. The office bases its release positions on risk of flight and danger, not on the defendant's wealth.",
            "Scope": "All first appearance and bail review hearings.",
            "Policy": (
                "For misdemeanors, the office requests release on recognizance, with non-monetary conditions only when they address a specific risk.",
                "For non-violent felonies, the office requests release on recognizance or non-monetary conditions.",
                "For other felonies, the office may request a secured bond only after considering the defendant's ability to pay; where detention is truly warranted, the office files a detention motion rather than asking for an unaffordable bond.",
            ),
            "Exceptions": (
                "Domestic violence cases involving strangulation, a weapon or a violated protection order.",
                "Defendants with an active warrant for failure to appear on a felony in the past 12 months.",
            ),
            "Supervisor review": "Any request for money bail in a non-violent felony requires same-day supervisor approval, recorded in the case notes.",
            "Data collection": "The first appearance attorney records the release position requested for every case.",
        },
        {
            "change": "Required an ability-to-pay inquiry and capped any requested bond at an amount the defendant can pay within 48 hours.",
            "+Policy": (
                "When money bail is requested, the prosecutor asks the court to inquire into ability to pay and proposes an amount the defendant can post within 48 hours.",
            ),
        },
        {
            "change": "Added a 72-hour bail review duty for defendants still held on money bail.",
            "+Policy": (
                "The pretrial unit reviews every defendant still detained on money bail 72 hours after first appearance and, where the person remains held only because of inability to pay, moves to modify conditions.",
            ),
            "+Data collection": "The share of cases with a money bail request is reported monthly by offense severity and race and ethnicity.",
        },
        {
            "change": "Removed the failure-to-appear exception for defendants enrolled in court reminders and added a bond-source rule.",
            "Exceptions": (
                "Domestic violence cases involving strangulation, a weapon or a violated protection order.",
                "Defendants with an active warrant for failure to appear on a felony in the past 12 months, unless they have since enrolled in text-message court reminders and appeared at every later hearing.",
            ),
            "+Policy": (
                "Prosecutors may not ask the court to inquire into the source of bond money unless there is specific evidence it is proceeds of the charged offense.",
            ),
        },
    ),
    _policy(
        "pretrial_detention_motions",
        ("detention-motions", "bail-pretrial"),
        "Pretrial Detention Motions",
        "Sets the criteria and procedure for asking the court to hold a defendant without release pending trial.",
        {
            "Purpose": "Detention before trial is a serious deprivation of liberty for a person presumed innocent. The office seeks it only where clear and convincing evidence shows that no condition can reasonably protect the public or secure appearance.",
            "Scope": "All motions for detention without bail under the state pretrial statute.",
            "Policy": (
                "A detention motion may be filed only for the charges listed in the statute and only with a written proffer addressing the specific risk posed by the defendant.",
                "The proffer must explain why less restrictive conditions, including electronic monitoring and daily check-ins, would not be enough.",
                "A validated pretrial assessment score may be cited but is never the sole basis for the motion.",
                "Prosecutors share the proffer and any supporting reports with defense counsel before the hearing.",
            ),
            "Exceptions": "None. A motion filed outside business hours still requires the written proffer.",
            "Supervisor review": "A felony supervisor approves every motion before filing.",
            "Data collection": "The office tracks motions filed, granted and denied, and the length of detention for people detained on its motion.",
        },
        {
            "change": "Added a 30-day re-review of every detained defendant and a speedy-trial commitment.",
            "+Policy": (
                "Every detained defendant's case is reviewed 30 days after the detention order; the prosecutor either confirms readiness for trial within 90 days of detention or reconsiders the need for detention.",
            ),
        },
    ),
    _policy(
        "electronic_monitoring_requests",
        ("pretrial-services", "detention-motions"),
        "Electronic Monitoring as a Release Condition",
        "Limits requests for ankle monitors and GPS tracking to cases where a specific risk justifies them, and addresses monitoring fees.",
        {
            "Purpose": "An ankle monitor is less harmful than jail, but it is not harmless: it can cost a person their job, privacy and, where fees apply, hundreds of dollars a month. The office treats it as a serious restriction.",
            "Scope": "Requests for electronic monitoring, GPS tracking, alcohol-monitoring bracelets and home detention as conditions of pretrial release.",
            "Policy": (
                "Electronic monitoring is requested only when there is a specific, articulable risk, such as an identified victim who needs an exclusion zone.",
                "It is not requested as a default condition for any charge category.",
                "The office asks the court to order monitoring at no cost to the defendant where the defendant qualifies for appointed counsel.",
                "Monitoring requests must include a proposed review date no later than 60 days after release.",
            ),
            "Exceptions": "Exclusion-zone monitoring in domestic violence cases may be requested without a review date when a protection order is in effect.",
            "Supervisor review": "Requests for home detention with 24-hour lockdown require supervisor approval.",
            "Data collection": "The office records the number of monitoring requests and the number of people on monitors at month end.",
        },
        {
            "change": "Shortened the proposed review date to 45 days and added an obligation to seek removal after 90 days of compliance.",
            "Policy": (
                "Electronic monitoring is requested only when there is a specific, articulable risk, such as an identified victim who needs an exclusion zone.",
                "It is not requested as a default condition for any charge category.",
                "The office asks the court to order monitoring at no cost to the defendant where the defendant qualifies for appointed counsel.",
                "Monitoring requests must include a proposed review date no later than 45 days after release.",
                "After 90 days without a violation, the office does not oppose a motion to remove the monitor and will raise removal itself at the next hearing.",
            ),
        },
    ),
    _policy(
        "court_reminders_and_warrant_recall",
        ("pretrial-services", "bail-pretrial"),
        "Court Reminders and Failure-to-Appear Warrants",
        "Requires text-message court reminders for all released defendants and a grace period before the office requests a bench warrant.",
        {
            "Purpose": "Most missed court dates are caused by forgetting, confusion about dates, transportation or child care, not by flight. Reminders and a short grace period resolve most of them without a warrant or arrest.",
            "Scope": "All cases in which the defendant is released before trial.",
            "Policy": (
                "At first appearance, the prosecutor asks the court to enroll the defendant in text-message court reminders, sent seven days, two days and one day before each hearing.",
                "When a released defendant misses a hearing, the office asks the court to hold the warrant for 72 hours before issuance, except in violent felony cases.",
                "During the grace period, pretrial services attempts to contact the defendant to reschedule.",
                "The office does not oppose walk-in recall of a warrant when the person comes to court voluntarily within 30 days.",
            ),
            "Exceptions": "The grace period does not apply when there is information that the person has left the state or is intentionally avoiding prosecution.",
            "Supervisor review": "None required.",
            "Data collection": "The office reports monthly the failure-to-appear rate and the number of warrants held, issued and recalled.",
        },
        {
            "change": "Added reminders in the defendant's preferred language and a warrant-recall clinic every other month.",
            "+Policy": (
                "Reminders are sent in English, Spanish, Vietnamese or another language the defendant chooses at enrollment.",
                "The office staffs a walk-in warrant-recall session every other month at a community center, with the public defender and court clerk present.",
            ),
        },
        {
            "change": "Extended the grace period to five business days for misdemeanors and added transport assistance.",
            "Policy": (
                "At first appearance, the prosecutor asks the court to enroll the defendant in text-message court reminders, sent seven days, two days and one day before each hearing.",
                "When a released defendant misses a hearing, the office asks the court to hold the warrant for 72 hours in felony cases and five business days in misdemeanor cases, except in violent felony cases.",
                "During the grace period, pretrial services attempts to contact the defendant to reschedule.",
                "The office does not oppose walk-in recall of a warrant when the person comes to court voluntarily within 30 days.",
                "Reminders are sent in English, Spanish, Vietnamese or another language the defendant chooses at enrollment.",
                "The office staffs a walk-in warrant-recall session every other month at a community center, with the public defender and court clerk present.",
                "Pretrial services may issue a round-trip bus pass for any hearing on request.",
            ),
        },
    ),
    # ------------------------------------------------------------------ plea bargaining and discovery
    _policy(
        "written_plea_offers",
        ("plea-offers", "plea-bargaining"),
        "Written Plea Offers",
        "All plea offers must be in writing, conveyed through defense counsel, and remain open for a stated period.",
        {
            "Purpose": "Oral, shifting offers make it impossible for the defense, supervisors or the court to know what was offered and why. Written offers promote consistency and reduce the pressure of exploding deadlines.",
            "Scope": "All felony and misdemeanor cases in which the defendant is represented.",
            "Policy": (
                "Every offer is made on the standard offer form and uploaded to the case file.",
                "Each offer states the charge, the sentence recommendation and the date on which it expires.",
                "Offers remain open at least 14 days, or until the pretrial conference if sooner.",
                "Offers may not be conditioned on waiving the right to a preliminary hearing in a way that prevents review of the evidence.",
                "A later offer that is worse than an earlier one must state the new information that justifies the change.",
            ),
            "Exceptions": "Offers made on the record during a hearing may be documented within one business day.",
            "Supervisor review": "Supervisors review offers below the bottom of the office's offer guideline before they are conveyed.",
            "Data collection": "The form captures the guideline range so the office can report the rate of departures by unit.",
        },
        {
            "change": "Extended the minimum open period to 21 days for felonies and required that offers be conveyed before the defendant's first pretrial setting.",
            "Policy": (
                "Every offer is made on the standard offer form and uploaded to the case file.",
                "Each offer states the charge, the sentence recommendation and the date on which it expires.",
                "Offers remain open at least 14 days for misdemeanors and 21 days for felonies, or until the pretrial conference if sooner.",
                "An initial offer is conveyed before the first pretrial setting in every case.",
                "Offers may not be conditioned on waiving the right to a preliminary hearing in a way that prevents review of the evidence.",
                "A later offer that is worse than an earlier one must state the new information that justifies the change.",
            ),
        },
        {
            "change": "Prohibited offers conditioned on waiver of post-conviction claims of ineffective assistance or prosecutorial misconduct.",
            "+Policy": (
                "No offer may require the defendant to waive claims of ineffective assistance of counsel, prosecutorial misconduct or actual innocence.",
            ),
        },
    ),
    _policy(
        "plea_offer_guidelines",
        ("plea-offers",),
        "Plea Offer Guidelines and Departure Review",
        "Creates offer ranges for the 30 most common charges and requires documented reasons for departures above the range.",
        {
            "Purpose": "Similar cases should receive similar offers regardless of which assistant prosecutor is assigned. Offer ranges also make it easier to detect disparities.",
            "Scope": "The 30 most frequently filed charges, which together account for about 80 percent of the office's filings. The list is in the appendix.",
            "Policy": (
                "For each listed charge, the guideline gives a standard offer and a range based on criminal history category.",
                "Offers within the range may be made without further approval.",
                "Offers above the range require a written reason selected from the departure codes and supervisor approval.",
                "Offers below the range require only a brief note in the case file.",
            ),
            "Exceptions": "Cases involving a serious bodily injury or a child victim are outside the guideline and are handled by the assigned unit chief.",
            "Supervisor review": "Unit chiefs review the departure log monthly.",
            "Data collection": "The data unit reports departure rates quarterly, by unit and by race and ethnicity of the defendant, and the guideline ranges are re-examined every two years.",
        },
        {
            "change": "Expanded the guideline from 30 to 40 charges and published the offer ranges to the defense bar.",
            "Scope": "The 40 most frequently filed charges, which together account for about 88 percent of the office's filings. The list is in the appendix.",
            "+Policy": (
                "The guideline itself is shared with the public defender and the private defense bar.",
            ),
        },
    ),
    _policy(
        "open_file_discovery",
        ("discovery", "plea-bargaining"),
        "Open-File Discovery",
        "Gives defense counsel access to the entire investigative file early in the case, subject to narrow protective exceptions.",
        {
            "Purpose": "Defense counsel cannot advise a client on a plea offer without knowing the evidence. Full and early disclosure reduces wrongful convictions, speeds resolution and builds trust in offers.",
            "Scope": "All cases, at every stage, including cases resolved by plea.",
            "Policy": (
                "The full investigative file, including police reports, witness statements, recordings and forensic reports, is made available through the electronic discovery portal within 14 days of arraignment.",
                "Material received later is uploaded within five business days of receipt.",
                "Discovery is provided before any plea offer expires; an offer cannot expire earlier than 10 days after the initial discovery upload.",
            ),
            "Exceptions": (
                "Witness contact information may be withheld or redacted where there is a specific safety concern, with a protective order sought where required.",
                "Work product, such as internal memos and trial strategy notes, is not part of the open file.",
            ),
            "Supervisor review": "Redactions beyond contact information require supervisor approval and are logged.",
            "Data collection": "The portal logs upload dates so that the office can measure time from arraignment to initial disclosure.",
        },
        {
            "change": "Added body-worn camera footage deadlines and an audit of agency transmittal times.",
            "+Policy": (
                "Body-worn and in-car video is requested from the agency at filing and provided to the defense within 21 days of arraignment.",
            ),
            "+Data collection": "The office reports quarterly on the median days from request to receipt of video from each agency and raises persistent delays with agency leadership.",
        },
        {
            "change": "Added a continuing duty to disclose after conviction, including during plea negotiations and sentencing.",
            "+Policy": (
                "The duty to disclose favorable information continues after conviction. Information that casts doubt on a conviction is disclosed to the defense and to the conviction integrity unit within 10 business days.",
            ),
        },
    ),
    # ------------------------------------------------------------------ sentencing
    _policy(
        "sentencing_recommendations_alternatives",
        ("sentencing-recommendations", "sentencing"),
        "Sentencing Recommendations and Alternatives to Incarceration",
        "Directs assistant prosecutors to recommend the least restrictive sentence consistent with public safety and to state on the record the cost of any custodial term.",
        {
            "Purpose": "Sentencing recommendations carry great weight with the court. The office wants each recommendation to be proportionate, to consider alternatives, and to reflect the real costs of incarceration to the county and the family.",
            "Scope": "All sentencing hearings following a conviction by plea or trial, other than cases with a statutory mandatory term.",
            "Policy": (
                "Before recommending jail or prison, the prosecutor considers probation, treatment, community service and restorative options and notes why they are insufficient.",
                "The recommendation is at or below the midpoint of the applicable guideline range unless an aggravating factor is documented.",
                "When recommending custody, the prosecutor states on the record the estimated cost to the county, using the per-day figure published by the budget office.",
                "Probation terms recommended do not exceed 18 months for misdemeanors and 36 months for felonies.",
            ),
            "Exceptions": "Aggravated cases involving serious bodily injury, sexual offenses or repeated violence against the same victim.",
            "Supervisor review": "Recommendations above the guideline midpoint require supervisor approval.",
            "Data collection": "The office records the recommendation and the sentence imposed for every case so that recommendation-to-sentence gaps can be analyzed.",
        },
        {
            "change": "Reduced maximum recommended felony probation terms to 24 months and added early-termination support.",
            "Policy": (
                "Before recommending jail or prison, the prosecutor considers probation, treatment, community service and restorative options and notes why they are insufficient.",
                "The recommendation is at or below the midpoint of the applicable guideline range unless an aggravating factor is documented.",
                "When recommending custody, the prosecutor states on the record the estimated cost to the county, using the per-day figure published by the budget office.",
                "Probation terms recommended do not exceed 12 months for misdemeanors and 24 months for felonies.",
                "The office does not oppose early termination of probation after half the term has been served without a new offense.",
            ),
        },
        {
            "change": "Added consideration of family caregiving responsibilities and a requirement to review pre-sentence reports for collateral consequences.",
            "+Policy": (
                "Where the defendant is the primary caregiver of a minor child or dependent adult, the prosecutor addresses the impact on the dependent in the recommendation memo.",
            ),
            "+Supervisor review": "Supervisors also spot-check five recommendation memos per attorney each quarter for the alternatives analysis.",
        },
    ),
    _policy(
        "mandatory_minimum_charging",
        ("mandatory-minimums", "sentencing", "charging"),
        "Charging Offenses Carrying Mandatory Minimum Terms",
        "Mandatory-minimum counts are filed only when the facts show a significant role in serious harm, and never to increase plea leverage.",
        {
            "Purpose": "Mandatory minimums take sentencing discretion away from the court and place it with the charging prosecutor. The office accepts that responsibility and exercises it sparingly.",
            "Scope": "Drug quantity offenses, firearm possession offenses and any other charge that carries a statutory minimum custodial term.",
            "Policy": (
                "A mandatory-minimum charge may be filed only when the defendant had a leading or managerial role, used or threatened violence, or caused serious bodily injury or death.",
                "Weight thresholds alone do not justify a mandatory-minimum drug count; the defendant's role and the presence of violence are decisive.",
                "When the facts support both a mandatory and a non-mandatory charge, the non-mandatory charge is filed unless the criteria above are met.",
            ),
            "Exceptions": "The first assistant may authorize a mandatory count in an unusual case, with a memo stating why the policy criteria do not fit the facts.",
            "Supervisor review": "All mandatory-minimum filings require division-chief approval.",
            "Data collection": "The office reports annually the number of mandatory-minimum counts filed, dismissed, and resulting in conviction, by offense and race and ethnicity.",
        },
        {
            "change": "Added a safety-valve stipulation practice for defendants who meet the statutory criteria.",
            "+Policy": (
                "Where the state safety-valve provision applies, the prosecutor stipulates to the defendant's eligibility unless the record clearly contradicts it.",
            ),
        },
        {
            "change": "Added a retroactive review of pending cases filed before the policy took effect.",
            "Transition": "Pending cases with mandatory-minimum counts filed under earlier practice are reviewed by the assigned attorney within 60 days. If the counts would not be authorized under this policy, the attorney moves to amend or offers a resolution without the mandatory term.",
        },
    ),
    _policy(
        "probation_violation_positions",
        ("sentencing-recommendations",),
        "Positions on Probation Violations",
        "Limits requests for incarceration on technical probation violations and sets graduated responses.",
        {
            "Purpose": "A large share of jail admissions in this county come from probation violations, many for missed appointments or positive drug tests. The office wants responses to be proportionate and to keep people in treatment and work.",
            "Scope": "All hearings on alleged violations of probation or conditional discharge.",
            "Policy": (
                "For a first technical violation, the office recommends continuation of probation, with modified conditions if needed.",
                "For a second technical violation, the office may recommend up to 10 days of jail or a short-term residential program.",
                "Custody above 10 days for technical violations requires supervisor approval.",
                "A positive drug test alone is treated as a treatment issue, not a violation warranting custody.",
            ),
            "Exceptions": "Violations that consist of a new criminal offense, absconding for more than 60 days, or contact with a protected victim are handled under the ordinary sentencing policy.",
            "Supervisor review": "The probation unit supervisor reviews all requests for revocation.",
            "Data collection": "Violation hearings are coded as technical or new-offense, and outcomes are reported quarterly.",
        },
        {
            "change": "Defined absconding more narrowly and required a contact attempt before treating missed appointments as a violation.",
            "Exceptions": "Violations that consist of a new criminal offense, absconding for more than 90 days after at least three documented contact attempts, or contact with a protected victim are handled under the ordinary sentencing policy.",
        },
    ),
    # ------------------------------------------------------------------ juvenile justice
    _policy(
        "juvenile_transfer_review",
        ("juvenile-transfer", "juvenile-justice"),
        "Transfer of Minors to Adult Court",
        "Seeking adult prosecution of a minor requires a full review by a transfer committee and the elected prosecutor's approval.",
        {
            "Purpose": "Young people's brains are still developing, and they respond to age-appropriate intervention. Transfer to adult court exposes them to adult facilities and permanent records, and is reserved for the rarest cases.",
            "Scope": "All discretionary transfer motions and direct filings of charges against a person under 18 in adult court.",
            "Policy": [
                "The assigned juvenile prosecutor prepares a transfer memo covering the offense, the young person's history, school and family circumstances, any trauma or disability, and the services available in the juvenile system.",
                "The memo is reviewed by a transfer committee of the juvenile chief, a senior trial attorney and the office's youth development adviser.",
                "Defense counsel is invited to meet with the committee and submit materials before a decision.",
                "The elected prosecutor makes the final decision in writing.",
            ],
            "Exceptions": "None. Where a statute requires automatic adult filing, the office considers the available reverse-transfer procedures and does not oppose them in appropriate cases.",
            "Supervisor review": "The committee itself is the review; no transfer is sought without its recommendation.",
            "Data collection": "The office reports each year the number of transfers sought and granted, by age, offense and race and ethnicity.",
        },
        {
            "change": "Set a floor of age 16 for any discretionary transfer and required an independent psychological evaluation.",
            "+Policy": [
                "The office does not seek transfer of any child under 16 at the time of the alleged offense.",
                "A transfer memo must include an independent psychological evaluation; the office pays for it if the family cannot.",
            ],
        },
        {
            "change": "Added a 30-day decision deadline and quarterly publication of transfer data.",
            "+Policy": [
                "The committee decides within 30 days of the referral; the young person remains in the juvenile system while the decision is pending."
            ],
            "Data collection": "The office publishes quarterly the number of transfers sought, granted and denied, by age, offense category, sex and race and ethnicity, with narrative explanations where numbers are small enough to be read safely.",
        },
    ),
    _policy(
        "school_based_referrals",
        ("youth-diversion", "juvenile-justice"),
        "School-Based Referrals",
        "Keeps ordinary school discipline matters out of juvenile court by declining or diverting low-level referrals from school resource officers.",
        {
            "Purpose": "Many juvenile referrals from schools concern conduct that schools used to handle themselves: fights without injury, disruption, or possession of small amounts of cannabis. A court record can derail a young person's education.",
            "Scope": "All referrals of students for conduct that occurred on school grounds or at school events.",
            "Policy": (
                "Referrals for disorderly conduct, disrupting a school, simple assault without injury, and possession of cannabis or alcohol are returned to the school for handling under its discipline code.",
                "Referrals for theft or property damage under $500 are diverted to the community youth accountability board.",
                "Other referrals are screened by the juvenile unit under the ordinary standard.",
            ),
            "Exceptions": "Weapon possession, sexual misconduct and conduct causing bodily injury are always screened by the juvenile unit.",
            "Supervisor review": "The juvenile chief reviews any petition filed in a school-based case.",
            "Data collection": "School-based referrals are reported quarterly by school district, offense, and race and ethnicity of the student.",
        },
        {
            "change": "Added a vaping offense and a meeting requirement with school districts.",
            "Policy": (
                "Referrals for disorderly conduct, disrupting a school, simple assault without injury, vaping, and possession of cannabis or alcohol are returned to the school for handling under its discipline code.",
                "Referrals for theft or property damage under $500 are diverted to the community youth accountability board.",
                "Other referrals are screened by the juvenile unit under the ordinary standard.",
            ),
            "+Supervisor review": "The juvenile chief meets each semester with district safety leads to review referral trends.",
        },
    ),
    _policy(
        "youth_accountability_board",
        ("youth-diversion", "restorative-justice"),
        "Youth Accountability Board Diversion",
        "Refers eligible juvenile cases to volunteer neighborhood boards that agree a repair plan with the young person and family.",
        {
            "Purpose": "Neighborhood youth accountability boards let community members respond to youthful misconduct in a way that keeps the young person connected to school and family.",
            "Scope": "First and second juvenile referrals for misdemeanor offenses and non-violent felony property offenses.",
            "Eligibility": (
                "The young person is 10 to 17 years old at the time of the offense.",
                "The young person and a parent or guardian agree to attend.",
                "Any victim has been consulted and invited to attend or send a statement.",
            ),
            "Policy": "The board meets with the young person and family within 30 days and agrees a contract of up to 90 days. Typical terms include an apology letter, repair of damage, community service of up to 20 hours, and a mentoring or tutoring referral. Completed cases are closed with no petition filed.",
            "Exceptions": "Cases involving firearms, sexual misconduct or serious injury are not referred.",
            "Supervisor review": "A juvenile supervisor approves return of any case to the petition track for non-completion.",
            "Data collection": "Board coordinators report contracts signed, completed and returned each month.",
        },
        {
            "change": "Added a trained-facilitator requirement and removed the cap on prior referrals for property offenses.",
            "Scope": "Juvenile referrals for misdemeanor offenses and non-violent felony property offenses, without limit on the number of prior referrals for property offenses.",
            "Training": "Board volunteers complete 12 hours of training in adolescent development and restorative practice before sitting on a board.",
        },
    ),
    _policy(
        "emerging_adults_practice",
        ("emerging-adults", "juvenile-justice"),
        "Practice Guidance for Emerging Adults",
        "Directs assistant prosecutors to consider the developmental characteristics of people aged 18 to 25 in charging, offers and sentencing recommendations.",
        {
            "Purpose": "Research on brain development shows that impulse control and sensitivity to peer pressure continue to mature well into the mid-twenties. People in this group also desist from crime at high rates as they age.",
            "Scope": "All cases in which the defendant was aged 18 to 25 at the time of the offense.",
            "Policy": (
                "Screeners consider eligibility for diversion even where the person has one prior diversion.",
                "Plea offers may go below the offer guideline without further approval when youth is a significant mitigating factor.",
                "Sentencing recommendations address age, education and employment status, and peer influence.",
                "Where available, the case is referred to the emerging-adult docket.",
            ),
            "Exceptions": "Homicide and sexual offenses follow the ordinary policies, though youth is still considered in mitigation.",
            "Supervisor review": "None beyond ordinary review.",
            "Data collection": "Age band is captured at every decision point so outcomes for this group can be compared to other adults.",
        },
        {
            "change": "Added a referral path to the emerging-adult docket for probation violations and a training requirement.",
            "+Policy": (
                "Probation violation hearings for people under 26 are transferred to the emerging-adult docket where the judge agrees.",
            ),
            "Training": "All trial attorneys complete two hours of annual training on adolescent and young-adult development.",
        },
        {
            "change": "Extended the docket referral to people aged up to 25 at the time of referral rather than at the time of offense.",
            "Scope": "All cases in which the defendant was aged 18 to 25 at the time of the offense or at the time of referral.",
        },
    ),
    # ------------------------------------------------------------------ conviction integrity
    _policy(
        "conviction_integrity_unit_charter",
        ("innocence-review", "conviction-integrity"),
        "Conviction Integrity Unit Charter",
        "Establishes an independent unit to investigate credible claims of innocence and significant misconduct in past convictions.",
        {
            "Purpose": "The office has a duty to correct wrongful convictions it obtained. The unit investigates post-conviction claims without the defensiveness that naturally attaches to the trial team.",
            "Scope": "Convictions obtained by the office in any case, whether by plea or trial, and regardless of whether the sentence has been served.",
            "Policy": (
                "The unit reports directly to the elected prosecutor, not to any trial division.",
                "Any person may submit a claim; a lawyer is not required.",
                "Claims of actual innocence are accepted for review even if the defendant pleaded guilty.",
                "The unit may re-interview witnesses, order new forensic testing and obtain police records.",
                "No attorney who worked on the original prosecution may participate in the review.",
            ),
            "Exceptions": "Claims based solely on legal error without any factual innocence or misconduct component are referred to the appellate unit.",
            "Supervisor review": "An external advisory panel of a retired judge, a defense attorney and a forensic scientist reviews each denial of a claim that reached full investigation.",
            "Data collection": "The unit reports annually on claims received, screened out, investigated and resolved, including exonerations.",
        },
        {
            "change": "Set claim-acknowledgment and screening deadlines and added an open-file agreement with claimants' counsel.",
            "+Policy": (
                "Claims are acknowledged within 10 business days and screened within 90 days.",
                "Where a claim proceeds to full investigation, the unit shares its file with the claimant's counsel under a written agreement.",
            ),
        },
        {
            "change": "Added a victim-support protocol for cases under investigation.",
            "+Policy": (
                "Before any public filing, a victim advocate assigned to the unit informs the original victim or family of the review and its likely outcome.",
            ),
        },
    ),
    _policy(
        "forensic_method_review",
        ("forensic-review", "conviction-integrity"),
        "Review of Convictions Based on Discredited Forensic Methods",
        "Requires the conviction integrity unit to identify and review convictions that relied on forensic methods later found unreliable.",
        {
            "Purpose": "Bite-mark comparison, microscopic hair comparison, some arson indicators and certain shaken-baby assumptions have been discredited or substantially limited. Convictions that depended on them deserve a second look.",
            "Scope": "Convictions obtained by the office in which testimony or reports relied on a method listed in the appendix or identified in a notice from the state crime laboratory.",
            "Policy": [
                "The unit searches case files and laboratory records to identify affected convictions.",
                "Each affected case is triaged according to how central the forensic evidence was to the conviction.",
                "Where it was central, the unit notifies the defendant and defense counsel and reviews the case in full.",
                "Where modern testing can resolve the question, the office pays for it.",
            ],
            "Exceptions": "None.",
            "Supervisor review": "The unit chief signs each triage decision, and the advisory panel reviews all cases closed without relief.",
            "Data collection": "The number of cases identified, notified, reviewed and resolved is reported annually.",
        },
        {
            "change": "Added a standing duty to review crime laboratory disclosure notices and a notification deadline.",
            "+Policy": [
                "The unit reviews every disclosure notice from the state crime laboratory about analyst error or method changes within 30 days and adds affected cases to the triage list.",
                "Defendants in affected cases are notified within 60 days of identification, whether or not the case is judged central.",
            ],
        },
    ),
    # ------------------------------------------------------------------ victim services
    _policy(
        "victim_notification_standards",
        ("victim-notification", "victim-services"),
        "Victim Notification Standards",
        "Sets what victims are told, by whom, and how quickly, at every significant stage of a case.",
        {
            "Purpose": "Victims have a legal right to information and to be heard. They are often the last to learn about a plea, a continuance or a release.",
            "Scope": "All cases with an identified individual victim.",
            "Policy": (
                "An advocate contacts the victim within 14 days of filing to explain the process and the victim's rights.",
                "The victim is told of every hearing at which a release decision, plea or sentence may occur at least 5 days in advance, when possible.",
                "The victim's views on any plea offer in a felony case are sought before the offer is conveyed.",
                "The victim is told of the outcome of each significant hearing within two business days.",
                "Notifications are made in the victim's preferred language and by the victim's preferred method.",
            ),
            "Exceptions": "A victim may opt out of notifications at any time; the opt-out is recorded and honored.",
            "Supervisor review": "The victim services manager reviews a random sample of 20 cases per month for compliance.",
            "Data collection": "The case system records the date of first contact and of each notification.",
        },
        {
            "change": "Added automated text and email notifications of hearing dates alongside advocate contact.",
            "+Policy": (
                "Hearing dates and changes are also sent by automated text message or email when the victim opts in, in addition to personal contact by the advocate.",
            ),
        },
        {
            "change": "Required plea consultation in all cases with a victim, not only felonies, and added quarterly reporting.",
            "Policy": (
                "An advocate contacts the victim within 14 days of filing to explain the process and the victim's rights.",
                "The victim is told of every hearing at which a release decision, plea or sentence may occur at least 5 days in advance, when possible.",
                "The victim's views on any plea offer are sought before the offer is conveyed, in misdemeanor and felony cases alike.",
                "The victim is told of the outcome of each significant hearing within two business days.",
                "Notifications are made in the victim's preferred language and by the victim's preferred method.",
                "Hearing dates and changes are also sent by automated text message or email when the victim opts in, in addition to personal contact by the advocate.",
            ),
            "+Data collection": "The share of victims contacted within 14 days is reported quarterly by unit.",
        },
    ),
    _policy(
        "restitution_ability_to_pay",
        ("restitution", "victim-services"),
        "Restitution Requests and Ability to Pay",
        "Requires documented losses for every restitution request and realistic payment plans, and prioritizes payment to individual victims over agencies.",
        {
            "Purpose": "Unrealistic restitution orders leave victims unpaid and defendants in permanent debt. The office asks for what the victim actually lost, on terms the defendant can meet.",
            "Scope": "All restitution requests at sentencing, in diversion agreements and in deferred prosecution agreements.",
            "Policy": (
                "Advocates help victims document losses with receipts, estimates or insurance statements; an unsupported estimate may be used only when documents are unobtainable.",
                "The prosecutor proposes a monthly payment plan based on the defendant's financial declaration; the standard plan does not exceed 10 percent of net monthly income.",
                "Individual victims are paid before insurers and government agencies.",
                "Unpaid restitution is never, by itself, the basis for a request for incarceration.",
            ),
            "Exceptions": "Restitution for medical expenses in violent crimes may be requested in full even if payment will take many years.",
            "Supervisor review": "Requests over $25,000 are reviewed by the unit chief.",
            "Data collection": "The office tracks restitution ordered and collected, by offense category, in cooperation with the court clerk.",
        },
        {
            "change": "Added the crime victim compensation fund as a first resort and an annual collections report.",
            "+Policy": (
                "Advocates help victims apply to the state victim compensation fund at first contact, so that urgent losses are paid without waiting for a conviction.",
            ),
            "+Data collection": "An annual report compares restitution ordered with restitution collected, by year of order.",
        },
        {
            "change": "Lowered the chief-review threshold to $10,000 and allowed conversion of unpaid restitution owed to agencies into community service.",
            "Supervisor review": "Requests over $10,000 are reviewed by the unit chief.",
            "+Exceptions": "Restitution owed to a government agency may be converted to community service at the rate of $15 per hour when the defendant shows inability to pay.",
        },
    ),
    _policy(
        "victim_language_access",
        ("victim-services", "victim-notification"),
        "Language Access for Victims and Witnesses",
        "Guarantees qualified interpretation and translated materials to victims and witnesses who are not fluent in English.",
        {
            "Purpose": "A victim who cannot understand what the office is telling them cannot exercise their rights. Relying on children or family members to interpret is unsafe and unreliable, and in domestic violence cases the family member may be aligned with the person accused.",
            "Scope": "All communication between the office and victims or witnesses with limited English proficiency, including interviews, notifications and court preparation.",
            "Policy": (
                "Staff use qualified interpreters, in person or by video, for every substantive conversation.",
                "Children and family members are never used to interpret, except in an emergency to arrange an interpreter.",
                "Core notices and the victim rights brochure are available in the county's seven most common languages.",
                "Bilingual staff may interpret only after passing the office's language proficiency assessment.",
            ),
            "Exceptions": "None.",
            "Supervisor review": "The victim services manager reviews language access complaints monthly.",
            "Data collection": "The office records the preferred language for each victim and the number of interpreted contacts each month.",
        },
        {
            "change": "Added sign language interpretation and a stipend for certified bilingual staff.",
            "+Policy": (
                "Deaf and hard-of-hearing victims are offered a certified sign language interpreter or captioning, at their choice.",
                "Staff certified under the proficiency assessment receive a monthly language stipend.",
            ),
        },
    ),
    # ------------------------------------------------------------------ immigration consequences
    _policy(
        "immigration_consequences_plea_consideration",
        ("immigration-consequences", "plea-offers"),
        "Considering Immigration Consequences in Plea Offers",
        "Assistant prosecutors consider disproportionate immigration consequences when framing plea offers and may offer immigration-safe alternatives.",
        {
            "Purpose": "For a noncitizen, a minor conviction can mean mandatory detention, deportation and permanent separation from family, a consequence far beyond the intended punishment. The office aims for equivalent, not more favorable, outcomes.",
            "Scope": "All plea negotiations where defense counsel identifies the defendant as a noncitizen. Prosecutors do not ask defendants about immigration status.",
            "Policy": (
                "When defense counsel raises an immigration consequence, the prosecutor considers an alternative disposition with equivalent severity but without that consequence.",
                "Acceptable alternatives include pleading to a different statute of similar seriousness, adjusting a sentence to 364 days rather than one year, or restructuring the factual basis.",
                "Alternatives must not misrepresent the facts to the court.",
            ),
            "Exceptions": "Cases involving serious violence or sexual offenses, where the alternative would materially reduce accountability.",
            "Supervisor review": "Alternatives in felony cases require supervisor approval.",
            "Data collection": "Offers modified under this policy are coded so the number can be reported annually without recording any defendant's status.",
        },
        {
            "change": "Added an office immigration consultant and a rule that the office will not share status information with federal authorities beyond legal requirements.",
            "+Policy": (
                "Prosecutors may consult the office's immigration attorney consultant, who responds within three business days.",
                "The office does not record, ask about or share a defendant's immigration status except where required by law.",
            ),
        },
        {
            "change": "Extended the policy to diversion agreements that require admissions.",
            "+Policy": (
                "No diversion or deferred prosecution agreement for a noncitizen may require a written admission of guilt that would count as a conviction for immigration purposes.",
            ),
        },
    ),
    _policy(
        "immigrant_victim_certifications",
        ("immigration-consequences", "victim-services"),
        "Certifications for Immigrant Crime Victims",
        "Sets a timely, consistent process for certifying that a noncitizen victim helped the investigation or prosecution, for purposes of federal victim visa applications.",
        {
            "Purpose": "Federal law lets certain noncitizen crime victims apply for immigration relief if a certifying official confirms their helpfulness. Delays and inconsistent practice discourage immigrant victims from reporting crime.",
            "Scope": "All requests received by the office for U-visa and T-visa certification forms.",
            "Policy": (
                "Requests are reviewed by a designated certifying attorney within 30 days.",
                "Certification depends on helpfulness, not on whether charges were filed or a conviction obtained.",
                "Past helpfulness counts even if the case is closed.",
                "The office does not require the victim to testify as a condition of certification.",
            ),
            "Exceptions": "Certification is denied when the requester is a suspect in the underlying offense or the record shows refusal to provide reasonably requested help.",
            "Supervisor review": "Denials are reviewed by the chief of victim services before they are sent.",
            "Data collection": "The office reports annually the number of requests received, granted and denied, and the median processing time.",
        },
        {
            "change": "Shortened the processing deadline to 21 days for requests from victims in removal proceedings.",
            "+Policy": (
                "Requests from a victim who is in removal proceedings or detained are prioritized and decided within 21 days.",
            ),
        },
    ),
    # ------------------------------------------------------------------ drug policy
    _policy(
        "cannabis_possession_and_record_clearing",
        ("cannabis", "drug-policy"),
        "Cannabis Possession and Record Clearing",
        "The office no longer files simple cannabis possession charges and moves to vacate past possession convictions in bulk.",
        {
            "Purpose": "Adult cannabis use is now legal under state law up to the statutory limit, and past enforcement fell unevenly on Black and Latino residents. Old convictions continue to block jobs, housing and student aid.",
            "Scope": "Referrals and past convictions for possession of cannabis, cannabis paraphernalia, and possession of cannabis concentrate in personal-use amounts.",
            "Policy": (
                "New referrals for simple possession of cannabis by adults, in any amount up to four times the legal personal-use limit, are declined.",
                "Pending cases for such conduct are dismissed at the next setting.",
                "The office identifies past convictions from its own records and the state repository and files motions to vacate and seal them in batches, without requiring any application.",
            ),
            "Exceptions": (
                "Possession inside a correctional facility or school.",
                "Possession with clear evidence of intent to distribute, which is screened under the distribution policy.",
            ),
            "Supervisor review": "None required for declinations. The record-clearing project is supervised by the post-conviction unit.",
            "Data collection": "The office reports monthly the number of cannabis possession filings, which is expected to be zero, and the number of convictions vacated.",
        },
        {
            "change": "Added notification of people whose records were cleared and a help line with legal aid partners.",
            "+Policy": (
                "After each batch is granted, the office mails a plain-language notice to the last known address of each person and posts instructions for confirming the record change online.",
            ),
        },
        {
            "change": "Extended record clearing to convictions for possession with intent involving less than one ounce, where no weapon or sale to a minor was involved.",
            "Scope": "Referrals and past convictions for possession of cannabis, cannabis paraphernalia, and possession of cannabis concentrate in personal-use amounts, and past convictions for possession with intent to distribute involving less than one ounce with no weapon or sale to a minor.",
        },
    ),
    _policy(
        "overdose_good_samaritan",
        ("overdose-response", "drug-policy"),
        "Overdose Good Samaritan Protection and Drug-Induced Death Charging",
        "No one who seeks help for an overdose is charged with possession, and drug-induced homicide charges are reserved for commercial suppliers.",
        {
            "Purpose": "Fear of arrest keeps people from calling for help when a friend overdoses. Most fentanyl deaths in this county involve people using together, and prosecuting companions deters the calls that save lives.",
            "Scope": "Referrals arising from an overdose response, and any charge of drug-induced homicide or delivery resulting in death.",
            "Policy": (
                "The office does not charge possession of a controlled substance or paraphernalia against anyone who sought emergency help for an overdose, or against the person who overdosed.",
                "Fentanyl test strips, naloxone kits and sterile syringes are not treated as paraphernalia or as evidence of intent to distribute.",
                "Drug-induced homicide may be charged only against a person who supplied the drug as a commercial seller, not against people who shared drugs socially or used together.",
            ),
            "Exceptions": "A person who sought help may still be charged for offenses unrelated to drug possession, such as an outstanding violent felony warrant.",
            "Supervisor review": "Drug-induced homicide charges require approval of the first assistant.",
            "Data collection": "The office records the number of overdose-scene referrals declined under this policy and drug-induced homicide charges filed.",
        },
        {
            "change": "Added drug-checking equipment to the list of protected harm-reduction supplies and a liaison with public health.",
            "Policy": (
                "The office does not charge possession of a controlled substance or paraphernalia against anyone who sought emergency help for an overdose, or against the person who overdosed.",
                "Fentanyl test strips, xylazine test strips, drug-checking spectrometers operated by licensed programs, naloxone kits and sterile syringes are not treated as paraphernalia or as evidence of intent to distribute.",
                "Drug-induced homicide may be charged only against a person who supplied the drug as a commercial seller, not against people who shared drugs socially or used together.",
            ),
            "+Supervisor review": "The drug policy coordinator meets monthly with the county health department to review overdose trends and any referrals that appear to conflict with this policy.",
        },
    ),
    _policy(
        "small_quantity_drug_possession",
        ("drug-policy", "pre-charge-diversion"),
        "Possession of Small Quantities of Controlled Substances",
        "Routes personal-use possession referrals to treatment navigation instead of prosecution.",
        {
            "Purpose": "Criminal prosecution for personal-use possession has not reduced addiction or overdose. A connection to treatment at the moment of contact is more likely to help.",
            "Scope": "Referrals where the most serious charge is possession of a controlled substance, other than cannabis, in a quantity below the personal-use threshold set in the appendix.",
            "Policy": (
                "The referral is held for 60 days while a peer recovery navigator offers an assessment.",
                "If the person completes an assessment, the referral is declined regardless of whether treatment is recommended or accepted.",
                "If the person does not engage, the referral may be filed and is then eligible for post-charge diversion.",
            ),
            "Exceptions": "Possession in a school zone by an adult who is not a student, and possession while on felony probation for a drug sale, are screened under the ordinary standard.",
            "Supervisor review": "The narcotics supervisor reviews all filings after non-engagement.",
            "Data collection": "The office reports navigator referrals, assessments completed and subsequent filings quarterly.",
        },
        {
            "change": "Removed the filing option after non-engagement for first referrals.",
            "Policy": (
                "The referral is held for 60 days while a peer recovery navigator offers an assessment.",
                "If the person completes an assessment, the referral is declined regardless of whether treatment is recommended or accepted.",
                "First referrals are declined after 60 days even without engagement. For later referrals, non-engagement may lead to filing, and the case is then eligible for post-charge diversion.",
            ),
        },
    ),
    # ------------------------------------------------------------------ mental health
    _policy(
        "competency_evaluation_requests",
        ("competency", "mental-health"),
        "Competency Evaluations and the Restoration Waitlist",
        "Limits competency evaluation requests to genuine doubts and requires dismissal or diversion of low-level cases when restoration would take longer than the likely sentence.",
        {
            "Purpose": "People found incompetent to stand trial often wait months in jail for a bed at the state hospital. For low-level charges, the wait can exceed any sentence the charge could carry.",
            "Scope": "All cases in which competency to stand trial is raised by any party or the court.",
            "Policy": (
                "Prosecutors request an evaluation only when there is a good-faith doubt about the defendant's ability to understand the proceedings or assist counsel.",
                "In misdemeanor cases, once a defendant is found incompetent, the office moves to dismiss and asks the court to refer the person to civil mental health services.",
                "In non-violent felony cases, if the competency restoration waitlist exceeds 45 days, the prosecutor considers dismissal, diversion or outpatient restoration.",
            ),
            "Exceptions": "Cases involving serious violence, where the office seeks restoration and, if it fails, civil commitment proceedings.",
            "Supervisor review": "The mental health unit supervisor reviews every incompetent-defendant case monthly.",
            "Data collection": "The office tracks the number of defendants waiting for restoration and their days in custody since the finding.",
        },
        {
            "change": "Reduced the waitlist trigger to 30 days and added a jail-based outpatient alternative.",
            "Policy": (
                "Prosecutors request an evaluation only when there is a good-faith doubt about the defendant's ability to understand the proceedings or assist counsel.",
                "In misdemeanor cases, once a defendant is found incompetent, the office moves to dismiss and asks the court to refer the person to civil mental health services.",
                "In non-violent felony cases, if the competency restoration waitlist exceeds 30 days, the prosecutor considers dismissal, diversion or outpatient restoration.",
                "The office supports community-based restoration for released defendants where the treating provider confirms a stable placement.",
            ),
        },
        {
            "change": "Added a cap on total days in custody awaiting restoration relative to the presumptive sentence.",
            "+Policy": (
                "When a defendant's time in custody since the incompetency finding reaches two-thirds of the presumptive sentence for the charge, the office moves to dismiss or to release on conditions.",
            ),
            "+Data collection": "These figures are shared monthly with the county behavioral health agency and the state hospital liaison.",
        },
    ),
    _policy(
        "mental_health_court_referrals",
        ("behavioral-health-diversion", "mental-health"),
        "Mental Health Court Referrals",
        "Sets eligibility and the office's role for referring defendants with serious mental illness to the mental health court.",
        {
            "Purpose": "Treatment combined with judicial supervision reduces repeat arrests for people whose offenses are driven by serious mental illness. The office wants referrals to be early and consistent.",
            "Scope": "Defendants with a diagnosed serious mental illness, such as schizophrenia, bipolar disorder or major depression with psychotic features, charged with eligible offenses.",
            "Eligibility": (
                "Any misdemeanor other than DUI.",
                "Non-violent felonies.",
                "Violent felonies without serious bodily injury, with the victim's views considered.",
            ),
            "Policy": "The screening or first appearance attorney flags any defendant whose records or behavior suggest eligibility. The mental health court prosecutor reviews flagged cases within seven days. Participants may enter without a guilty plea; charges are dismissed on graduation. Sanctions for non-compliance are graduated, and jail is used only as a last resort and for no more than three days.",
            "Exceptions": "Defendants charged with sexual offenses or offenses involving a firearm are not eligible.",
            "Supervisor review": "The mental health unit supervisor approves admission of violent felony cases.",
            "Data collection": "The court team reports admissions, graduations and terminations quarterly, by offense and race and ethnicity.",
        },
        {
            "change": "Added co-occurring substance use disorders and traumatic brain injury to eligible diagnoses.",
            "Scope": "Defendants with a diagnosed serious mental illness, such as schizophrenia, bipolar disorder or major depression with psychotic features, including those with a co-occurring substance use disorder, and defendants with a documented traumatic brain injury, charged with eligible offenses.",
        },
        {
            "change": "Removed the absolute firearm exclusion in favor of supervisor review.",
            "Exceptions": "Defendants charged with sexual offenses are not eligible. Cases involving a firearm may be admitted with supervisor approval when no one was threatened or injured.",
        },
    ),
    _policy(
        "crisis_response_referrals",
        ("behavioral-health-diversion",),
        "Referrals From Crisis Response Teams",
        "Declines referrals for minor offenses that occurred during a behavioral health crisis when the person was connected to a crisis stabilization center.",
        {
            "Purpose": "When police or mobile crisis teams take a person in crisis to the stabilization center instead of jail, a later criminal referral for the same incident undoes the benefit of that choice.",
            "Scope": "Misdemeanor referrals arising from an incident in which the person was taken to, or voluntarily went to, the county crisis stabilization center.",
            "Policy": (
                "The referral is declined if the person stayed at the center until discharged by staff.",
                "Property damage up to $1,000 may be addressed through a restitution agreement without charges.",
                "If the person left before discharge, the referral is held for 30 days while a case manager attempts re-engagement, and then declined if engagement occurs.",
            ),
            "Exceptions": "Assaults causing injury to another person, including crisis staff, are screened under the ordinary standard with the crisis context considered in mitigation.",
            "Supervisor review": "Filings after a failed re-engagement require supervisor approval.",
            "Data collection": "The office counts referrals covered by this policy each month and the share declined.",
        },
        {
            "change": "Added referrals from the co-responder program and clarified confidentiality of clinical records.",
            "Scope": "Misdemeanor referrals arising from an incident in which the person was taken to, or voluntarily went to, the county crisis stabilization center, or was assessed on scene by a co-responder clinician.",
            "+Policy": (
                "The office does not request clinical records from the center; it relies on a one-line discharge confirmation only.",
            ),
        },
    ),
    # ------------------------------------------------------------------ police accountability
    _policy(
        "brady_list_disclosure",
        ("brady-disclosure", "police-accountability", "discovery"),
        "Law Enforcement Impeachment Disclosure (Brady List)",
        "Establishes a central database of impeachment information about law enforcement witnesses and a procedure for disclosing it.",
        {
            "Purpose": "The office must disclose information that could impeach a government witness, including officers. Individual prosecutors cannot know what colleagues have learned, so the office maintains a central record.",
            "Scope": "Sworn officers and civilian employees of any agency that refers cases to the office, and forensic analysts who testify for the prosecution.",
            "Policy": [
                "Agencies must report sustained findings of dishonesty, bias, excessive force and criminal conduct within 10 days of the finding.",
                "Prosecutors report any credibility finding by a court and any information they learn suggesting dishonesty.",
                "A disclosure committee decides within 30 days whether the information is potential impeachment material; the officer is given notice and may submit a written response.",
                "Information placed on the list is disclosed to the defense in every case in which the officer is a potential witness, regardless of whether the prosecutor believes it is material.",
            ],
            "Exceptions": "Pending, unsustained internal investigations are reviewed by the committee case by case and disclosed when they bear on the officer's credibility in the specific case.",
            "Supervisor review": "The committee consists of the ethics counsel and two senior supervisors; the first assistant decides appeals.",
            "Data collection": "The number of officers on the list, by agency and category of conduct, is reported annually.",
        },
        {
            "change": "Added an annual certification requirement from each agency and a policy of publishing the list.",
            "+Policy": [
                "Each agency head certifies in writing each January that all reportable findings from the past year have been sent.",
                "The list of officers, with agency and category of conduct, is published on the office's website; underlying records are provided only to defense counsel.",
            ],
        },
        {
            "change": "Added forensic laboratory proficiency-test failures as a reportable category.",
            "+Policy": [
                "Laboratories report failed proficiency tests and corrective action findings for testifying analysts on the same terms as agencies."
            ],
        },
    ),
    _policy(
        "use_of_force_review_protocol",
        ("use-of-force-review", "police-accountability"),
        "Review of Police Use of Deadly Force and In-Custody Deaths",
        "Assigns independent review of police shootings and deaths in custody to a dedicated team and sets deadlines for decisions and public reports.",
        {
            "Purpose": "Public trust requires that uses of deadly force be reviewed independently, thoroughly and within a reasonable time, with the reasoning made public.",
            "Scope": "Any discharge of a firearm by an officer that strikes a person, any use of force resulting in death or serious bodily injury, and any death in police or jail custody.",
            "Policy": [
                "A review attorney and investigator respond to the scene on notification, at any hour.",
                "Evidence is gathered by an investigative agency other than the employing agency.",
                "Attorneys on the review team do not handle other cases involving officers from the agency under review during the review.",
                "A charging decision is made within 120 days of receiving the complete investigative file.",
                "A public report explaining the decision and the legal standard is released with the decision.",
            ],
            "Exceptions": "The 120-day deadline may be extended by the elected prosecutor for pending forensic results, with public notice of the extension.",
            "Supervisor review": "The elected prosecutor approves every decision.",
            "Data collection": "The office publishes the number of incidents reviewed, time to decision and outcomes each year.",
        },
        {
            "change": "Added a family liaison and release of video within 45 days.",
            "+Policy": [
                "A victim advocate serves as liaison to the family of the person harmed and briefs them before any public release.",
                "The office asks the investigating agency to release available video within 45 days of the incident unless release would compromise a witness interview.",
            ],
        },
        {
            "change": "Extended scope to non-fatal uses of electronic control weapons and vehicle pursuits ending in serious injury.",
            "Scope": "Any discharge of a firearm by an officer that strikes a person, any use of force resulting in death or serious bodily injury, including serious injury from electronic control weapons or vehicle pursuits, and any death in police or jail custody.",
        },
    ),
    # ------------------------------------------------------------------ racial equity
    _policy(
        "race_blind_charging_review",
        ("race-blind-charging", "racial-equity", "charging"),
        "Race-Blind Initial Charging Review",
        "Initial charging decisions in eligible cases are made on redacted reports that omit race-identifying information.",
        {
            "Purpose": "Implicit bias can influence discretionary decisions even when no one intends it. Removing race-identifying details at the first review lets the office compare decisions made with and without that information.",
            "Scope": "Felony and misdemeanor referrals submitted electronically, other than homicide, sexual assault and cases where identity is the central issue.",
            "Policy": [
                "The redaction tool removes names, race and ethnicity fields, neighborhood names, officer and witness names, and physical descriptions from the narrative.",
                "The screening prosecutor makes a preliminary decision on the redacted report and records it.",
                "The prosecutor then reviews the full file, including video, and makes the final decision.",
                "If the final decision differs from the preliminary one, the prosecutor records the reason from a fixed list.",
            ],
            "Exceptions": "Cases requiring immediate in-custody decisions when the redaction tool is unavailable.",
            "Supervisor review": "Supervisors review every change from decline to charge.",
            "Data collection": "The data unit analyzes preliminary and final decisions quarterly, by race and ethnicity of the suspect.",
        },
        {
            "change": "Removed street names and school names from the redacted report after a review found they signalled neighborhood.",
            "Policy": [
                "The redaction tool removes names, race and ethnicity fields, neighborhood, street and school names, officer and witness names, and physical descriptions from the narrative.",
                "The screening prosecutor makes a preliminary decision on the redacted report and records it.",
                "The prosecutor then reviews the full file, including video, and makes the final decision.",
                "If the final decision differs from the preliminary one, the prosecutor records the reason from a fixed list.",
            ],
        },
    ),
    _policy(
        "decision_point_disparity_review",
        ("disparity-analysis", "racial-equity"),
        "Decision-Point Disparity Review",
        "Requires a twice-yearly analysis of racial and ethnic disparities at each major decision point and a written response from the leadership team.",
        {
            "Purpose": "Disparities can arise at intake, diversion, release positions, plea offers and sentencing. Looking at each decision point separately shows where the office's own choices contribute.",
            "Scope": "Case screening, diversion offers, release positions, initial plea offers, and sentencing recommendations.",
            "Policy": [
                "Twice a year the data unit calculates outcomes at each decision point by race and ethnicity, controlling for offense severity and criminal history category.",
                "Any decision point where the relative rate for a group differs by more than 1.2 from the comparison group is flagged.",
                "Leadership meets with unit chiefs within 30 days of each report to review flagged points and agree on corrective steps.",
            ],
            "Exceptions": "Groups with fewer than 30 cases at a decision point are reported as counts only.",
            "Supervisor review": "Unit chiefs report on agreed steps at the next review cycle.",
            "Data collection": "Race and ethnicity are taken from the arrest record and, where available, self-identification; the data unit documents how missing values are handled.",
        },
        {
            "change": "Added an external reviewer and a community briefing after each report.",
            "+Policy": [
                "A university research partner reviews the methods of each report before publication.",
                "The office presents each report at a public community meeting and takes questions.",
            ],
        },
        {
            "change": "Added sex and age band to the analysis and tightened the flag threshold to 1.15.",
            "Policy": [
                "Twice a year the data unit calculates outcomes at each decision point by race and ethnicity, sex and age band, controlling for offense severity and criminal history category.",
                "Any decision point where the relative rate for a group differs by more than 1.15 from the comparison group is flagged.",
                "Leadership meets with unit chiefs within 30 days of each report to review flagged points and agree on corrective steps.",
                "A university research partner reviews the methods of each report before publication.",
                "The office presents each report at a public community meeting and takes questions.",
            ],
        },
    ),
    # ------------------------------------------------------------------ data and transparency
    _policy(
        "public_data_release",
        ("public-dashboards", "data-transparency"),
        "Public Data Release",
        "Commits the office to publishing case-level data, with privacy protections, and a monthly public dashboard.",
        {
            "Purpose": "The public cannot judge the office's performance without data. Regular publication also improves data quality, because errors that are visible get fixed.",
            "Scope": "Data about referrals, charging decisions, diversion, release positions, dispositions and sentences.",
            "Policy": (
                "A dashboard is updated by the 15th of each month with the previous month's data.",
                "A de-identified case-level file is released quarterly under an open license.",
                "Names, case numbers, dates of birth and addresses are never published; dates are coarsened to the month and ages to five-year bands.",
                "Cells with fewer than 11 cases are suppressed in any breakdown by race, sex or age.",
            ),
            "Exceptions": "Sealed, juvenile and protected-victim cases are excluded from the case-level file but counted in aggregate totals.",
            "Supervisor review": "The data director reviews each release with the ethics counsel before publication.",
            "Data collection": "The office keeps a public changelog of definition changes and corrections.",
        },
        {
            "change": "Added a data dictionary, an API and a Spanish-language version of the dashboard.",
            "+Policy": (
                "Every field is documented in a public data dictionary.",
                "The case-level file is also available through a read-only API.",
                "The dashboard is offered in Spanish as well as English.",
            ),
        },
        {
            "change": "Added a disclosure-risk review after a researcher showed that small-town cells could be re-identified.",
            "+Policy": (
                "Before each quarterly release, the data unit runs a re-identification check combining geography, month and offense, and coarsens geography to the county region where any combination is unique.",
            ),
        },
    ),
    _policy(
        "performance_indicator_framework",
        ("performance-indicators", "data-transparency"),
        "Office Performance Indicator Framework",
        "Adopts a fixed set of performance indicators, reviewed monthly by leadership and quarterly with unit staff.",
        {
            "Purpose": "The office wants to manage by what matters - safety, fairness and community trust - rather than by conviction counts. A small, stable set of indicators lets the office see change over time.",
            "Scope": "All units of the office.",
            "Policy": (
                "The office tracks the network's standard monthly indicators, including declination, diversion offer and completion, detention and money bail requests, days to disposition, dismissal and plea rates, victim contact and felony caseload per attorney.",
                "Indicators are reviewed monthly at the leadership meeting and quarterly at unit meetings.",
                "Indicators are never used to evaluate individual attorneys' performance or for compensation.",
                "Each indicator has a named data steward responsible for its definition and quality.",
            ),
            "Exceptions": "None.",
            "Supervisor review": "The first assistant chairs the monthly indicator review.",
            "Data collection": "Definitions follow the network's standard metric catalogue; any local deviation is documented in a public methods note, and corrections to previously reported months are listed rather than silently overwritten.",
        },
        {
            "change": "Added a caseload alert threshold and community input on indicator selection.",
            "+Policy": (
                "If felony caseload per attorney exceeds 90 open cases for two consecutive months, the first assistant presents a workload plan to the elected prosecutor.",
                "Every two years the office holds a community session to review which indicators matter most to residents.",
            ),
        },
    ),
    # ------------------------------------------------------------------ second look
    _policy(
        "prosecutor_initiated_resentencing",
        ("resentencing", "second-look"),
        "Prosecutor-Initiated Resentencing",
        "Sets criteria for identifying long sentences the office will ask a court to reduce under the state's resentencing statute.",
        {
            "Purpose": "Some sentences the office obtained years ago would not be sought today, because laws or practices have changed or because the person has been transformed in prison. The legislature has given the office authority to ask for resentencing.",
            "Scope": "People serving sentences from cases prosecuted by the office.",
            "Review criteria": (
                "At least 10 years served.",
                "The sentence is substantially longer than the office would seek under current policy, including enhancements no longer used.",
                "The person was under 25 at the time of the offense, or is now 50 or older.",
                "A strong record of rehabilitation, including programming and a low rate of disciplinary violations in the past five years.",
                "A realistic reentry plan with housing.",
            ),
            "Policy": "The second-look unit screens eligible cases using corrections data and accepts referrals from the person, counsel or corrections staff. The unit prepares a memo; a review panel recommends; the elected prosecutor decides. Victims are consulted before any motion is filed.",
            "Exceptions": "Cases involving the murder of a child or of a peace officer are considered only on the elected prosecutor's referral.",
            "Supervisor review": "The review panel includes the second-look chief, a victim services supervisor and a senior trial attorney.",
            "Data collection": "The unit reports cases screened, motions filed, and outcomes annually.",
        },
        {
            "change": "Lowered the time-served threshold to 8 years for people who were under 21 at the time of the offense.",
            "Review criteria": (
                "At least 10 years served, or 8 years for people under 21 at the time of the offense.",
                "The sentence is substantially longer than the office would seek under current policy, including enhancements no longer used.",
                "The person was under 25 at the time of the offense, or is now 50 or older.",
                "A strong record of rehabilitation, including programming and a low rate of disciplinary violations in the past five years.",
                "A realistic reentry plan with housing.",
            ),
        },
        {
            "change": "Added a medical-frailty pathway and a reentry support partnership.",
            "+Review criteria": (
                "Alternatively, a serious medical condition that substantially limits the person's ability to care for themselves in custody, regardless of time served.",
            ),
            "+Policy": "For each person released, the unit coordinates with a reentry partner to arrange identification documents, benefits enrollment and a first medical appointment.",
        },
    ),
    _policy(
        "clemency_and_parole_positions",
        ("clemency-support", "second-look"),
        "Positions on Clemency Applications and Parole Hearings",
        "Sets how the office reviews and responds to commutation applications and parole hearings, including when it will write letters of support.",
        {
            "Purpose": "The office is regularly asked for its position when a person applies for commutation or comes before the parole board. Historically the office opposed by default; it now reviews each case on its current merits.",
            "Scope": "Requests for the office's position from the governor's clemency board, the parole board, and applicants or their counsel.",
            "Policy": (
                "The second-look unit reviews the institutional record, programming, disciplinary history and reentry plan.",
                "The victim or surviving family is consulted, and their views are conveyed to the board in their own words if they wish.",
                "The office takes one of three positions: support, no objection, or opposition with stated reasons.",
                "Opposition is not based solely on the nature of the original offense.",
            ),
            "Exceptions": "The office takes no position where the victim asks it not to weigh in and the person's record offers no basis for support.",
            "Supervisor review": "Letters of support and opposition are signed by the elected prosecutor.",
            "Data collection": "The unit records requests received and positions taken each year.",
        },
        {
            "change": "Added a proactive identification duty for older people and a limit on repeat opposition.",
            "+Policy": (
                "The unit reviews annually the list of people aged 60 or older serving sentences from this county and invites clemency applications where the review criteria for resentencing are met.",
                "Where the office opposed parole at a previous hearing, it does not oppose again on the same grounds without new information.",
            ),
        },
    ),
)


BRIEFS: tuple[BriefText, ...] = (
    _brief(
        "text_message_court_reminders",
        ("pretrial-services", "bail-pretrial"),
        ("pretrial_detention_request_rate", "median_days_to_disposition"),
        {
            "title": "Text-Message Court Reminders for Released Defendants",
            "summary": "Automated text reminders before each hearing cut missed court dates and the bench warrants that follow them.",
            "problem": "About one in five released defendants missed at least one hearing, and each miss produced a bench warrant, an arrest and often a new detention request. Most people who missed court told pretrial staff they had forgotten the date or had the wrong courtroom.",
            "practice": "Defendants are enrolled at first appearance in a reminder service that sends texts seven days, two days and one day before each hearing, with the courtroom, time and a link to a map. Replies of 'HELP' route to a pretrial services worker who can explain a date or arrange a bus pass.",
            "implementation": "The office worked with the court's IT staff to export hearing dates nightly to a commercial messaging vendor. Enrollment is opt-out, and the prosecutor asks for it on the record in every release. The first two months were spent cleaning phone numbers, about 15 percent of which were missing or invalid.",
            "outcomes": "In the first six months, the office observed the failure-to-appear rate among enrolled defendants fall from 21 percent to 14 percent. Bench warrant requests dropped by roughly 600 over the period, and the office filed fewer detention motions based on prior failures to appear.",
            "cost_staffing": "Messaging costs about $0.04 per text, or roughly $9,000 a year for the county's volume. A half-time data clerk maintains the phone-number file; no new attorney time is needed.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added results of a randomized test of message wording run with a university partner.",
            "title": "Text-Message Court Reminders: Wording Test Results",
            "outcomes": "Over 18 months, failure to appear among enrolled defendants averaged 13 percent against 21 percent before the program. In a randomized test of 4,200 defendants, messages that spelled out the consequences of missing court and offered a planning prompt reduced missed hearings by a further 2.6 percentage points compared with a plain date reminder.",
            "evidence_level": "EXPERIMENTAL",
        },
    ),
    _brief(
        "senior_attorney_intake_screening",
        ("case-screening", "charging"),
        ("declination_rate", "dismissal_rate", "cases_filed"),
        {
            "title": "Moving Senior Attorneys to Felony Intake",
            "summary": "Assigning experienced prosecutors to screen felony referrals reduced later dismissals and sped up decisions.",
            "problem": "Felony referrals were screened by the newest attorneys, who tended to file as referred and leave weak cases to be dismissed months later. About a third of felonies filed were dismissed or reduced to misdemeanors before the preliminary hearing.",
            "practice": "Three attorneys with at least eight years of trial experience now staff felony intake on a rotating basis, screening every in-custody referral and any out-of-custody referral above the third-degree level. Screeners use a one-page checklist covering corroboration, identification, lab results and video.",
            "implementation": "The rotation lasts nine months so that intake does not become a dead-end assignment. The office negotiated with the two largest police departments for a list of items to include in every felony packet, and screeners return incomplete packets with a specific request rather than filing.",
            "outcomes": "In the year after the change, the office saw the share of felonies dismissed before preliminary hearing fall from 33 percent to 19 percent. The felony declination rate rose from 12 to 18 percent, and the median time from referral to decision for out-of-custody cases fell from 41 to 17 days.",
            "cost_staffing": "No new positions were created; three senior attorneys moved from trial units, and their caseloads were redistributed. The office estimates the trial units absorbed about 150 additional open cases.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added second-year data and a comparison with the misdemeanor unit, which did not change its staffing.",
            "outcomes": "Two years in, the pre-preliminary-hearing dismissal rate has held at around 18 percent. Over the same period the misdemeanor unit, which kept its old staffing, saw no change in its dismissal rate, which the office takes as some evidence the improvement is not a countywide trend.",
            "evidence_level": "QUASI_EXPERIMENTAL",
        },
    ),
    _brief(
        "race_blind_charging_pilot",
        ("race-blind-charging", "racial-equity"),
        ("declination_rate", "cases_filed"),
        {
            "title": "Race-Blind Charging: Pilot in the General Felony Unit",
            "summary": "A redaction tool strips race-identifying details from police reports for a preliminary charging decision before the full file is reviewed.",
            "problem": "The office's disparity analysis found that referrals involving Black suspects were filed at a higher rate than referrals involving white suspects with similar charges and histories. Leadership wanted to know whether the screening decision itself contributed to the gap.",
            "practice": "For eligible referrals, screeners first see a redacted narrative with names, race, neighborhood, street names and physical descriptions removed, and record a preliminary decision. They then open the full file, including video, and record a final decision with a reason for any change.",
            "implementation": "The redaction tool was built by the office's IT team using the case system's existing fields and a keyword list; it took about four months to reach acceptable accuracy. Screeners received a two-hour training session, and a data analyst checks 5 percent of redactions each week for leaks.",
            "outcomes": "In the first 2,800 pilot referrals, the final decision differed from the preliminary decision in 7 percent of cases, most often because video changed the assessment. The office observed no meaningful difference by race in the direction of those changes.",
            "cost_staffing": "About 0.5 full-time developer for six months to build the tool and one analyst at 20 percent time for quality checks. Screeners report the two-step review adds two to three minutes per case.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added a comparison of filing disparities before and after the pilot and expanded redaction to school names.",
            "outcomes": "After a year, the gap in filing rates between referrals involving Black and white suspects in the pilot unit narrowed from 6 to 3 percentage points, while a comparison unit without redaction saw no change. The office cautions that the units handle different offense mixes and that the number of cases is modest.",
            "implementation": "The redaction tool was built by the office's IT team using the case system's existing fields and a keyword list; it took about four months to reach acceptable accuracy. After review, school names and street names were added to the redaction list. Screeners received a two-hour training session, and a data analyst checks 5 percent of redactions each week for leaks.",
            "evidence_level": "QUASI_EXPERIMENTAL",
        },
    ),
    _brief(
        "decision_point_disparity_dashboard",
        ("disparity-analysis", "public-dashboards", "racial-equity"),
        ("diversion_offered_rate", "incarceration_sentence_rate"),
        {
            "title": "Internal Disparity Dashboard by Decision Point",
            "summary": "A dashboard showing relative rates by race and ethnicity at each decision point helped unit chiefs find where disparities arise.",
            "problem": "The office published annual totals by race, but the numbers did not show where in the process differences were introduced, so no unit felt responsible for them. Discussions tended to end with a reference to police arrest patterns.",
            "practice": "The data unit built a dashboard that shows, for each decision point, outcomes by race and ethnicity alongside a relative rate index, with controls for offense severity and prior record. Unit chiefs review it monthly and are expected to explain any flagged point.",
            "implementation": "Building the dashboard required standardizing decision codes that had been entered as free text, which took a year. Race and ethnicity come from arrest records and are missing for about 8 percent of cases; the dashboard shows that rate prominently.",
            "outcomes": "The first full review showed that the largest disparity was in diversion offers: eligible Latino defendants were offered diversion at 0.78 times the rate of white defendants. After the diversion unit switched to automatic eligibility letters, the office observed the ratio rise to 0.94 within two quarters.",
            "cost_staffing": "One data analyst full-time for the first year and half-time thereafter, plus a $15,000 annual license for the visualization software. Unit chiefs spend about an hour a month preparing for the review.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Opened a public version of the dashboard with suppressed small cells.",
            "title": "Public and Internal Disparity Dashboards by Decision Point",
            "practice": "The data unit built a dashboard that shows, for each decision point, outcomes by race and ethnicity alongside a relative rate index, with controls for offense severity and prior record. Unit chiefs review it monthly. A public version, updated quarterly, suppresses cells below 11 cases and shows only the controlled relative rates.",
            "+outcomes": "In the year after the public launch, the office received 40 written questions from community groups, mostly about sentencing recommendations, which led to a new review of custody recommendations for drug sales.",
        },
    ),
    _brief(
        "juvenile_restorative_circles",
        ("restorative-justice", "youth-diversion", "juvenile-justice"),
        ("diversion_completion_rate", "victim_contact_rate"),
        {
            "title": "Restorative Circles for Youth Property Offenses",
            "summary": "Facilitated circles between young people, their families and the people they harmed resolved burglary and vandalism cases without a petition.",
            "problem": "Residential burglaries and vandalism by teenagers were handled by petition, probation and sometimes detention. Victims told advocates they never heard an explanation or apology, and reoffending within a year was around 30 percent.",
            "practice": "Eligible cases are referred to a community nonprofit that prepares each participant separately and then holds a restorative circle. The circle agrees on a repair plan, such as paying for a window, working alongside the owner, or volunteering at a community garden. Completion closes the case.",
            "implementation": "The office signed a data-sharing and confidentiality agreement with the nonprofit, which trained eight facilitators. Juvenile prosecutors flag cases at intake; victim advocates make the first approach to the harmed party, and about 60 percent agree to participate.",
            "outcomes": "Of the first 64 young people referred, 52 completed their repair agreements. Victim surveys showed 88 percent of participating victims would recommend the process. The office observed that 11 percent of completers were referred again within a year.",
            "cost_staffing": "The nonprofit contract is $140,000 a year for up to 80 referrals, about $1,750 per case. One victim advocate spends about a third of their time on referrals.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Updated outcomes with a matched comparison group and added a note on victim preparation time.",
            "outcomes": "After three years and 210 referrals, completion stands at 79 percent. Using a matched comparison group of similar youth handled by petition before the program started, the office estimates one-year re-referral at 14 percent for circle participants and 29 percent for the comparison group.",
            "+implementation": "Facilitators found that victims needed two to three preparation meetings, not one, before a circle.",
            "evidence_level": "QUASI_EXPERIMENTAL",
        },
        {
            "change": "Added a cost comparison with formal processing.",
            "+cost_staffing": "The county budget office estimates formal processing and probation for a comparable case at about $6,400.",
        },
    ),
    _brief(
        "competency_waitlist_triage",
        ("competency", "mental-health"),
        ("median_days_to_disposition", "pretrial_detention_request_rate"),
        {
            "title": "Triage of the Competency Restoration Waitlist",
            "summary": "Weekly review of every defendant waiting for a state hospital bed reduced jail days for people charged with minor offenses.",
            "problem": "The competency restoration waitlist for the state hospital grew to more than 100 days. People found incompetent on trespass or shoplifting charges were spending longer in jail waiting for a bed than they could have been sentenced to.",
            "practice": "A mental health unit prosecutor, a defense attorney and a county clinician meet weekly to review every person on the waitlist. For each case, the group considers dismissal with a civil referral, outpatient restoration, or diversion to the mental health court.",
            "implementation": "The office obtained a weekly list from the jail medical provider and built a simple tracking sheet showing days waited and the presumptive sentence. The public defender agreed to a standing meeting slot; the county behavioral health agency assigned a clinician at 10 hours a week.",
            "outcomes": "Within eight months, the number of people from this county on the waitlist fell from 47 to 19, and the office dismissed 63 misdemeanor cases with civil referrals. Average jail days for people found incompetent on misdemeanors fell from 88 to 26.",
            "cost_staffing": "About 20 percent of one prosecutor's time. The clinician is funded by the county behavioral health agency.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added outpatient restoration results and a caveat about readmissions.",
            "+outcomes": "Of 22 defendants sent to outpatient restoration, 15 were restored within 90 days. The office also noticed that seven people whose cases were dismissed were rearrested within six months, usually while waiting for a community treatment slot.",
            "+practice": "The group now checks for an open community treatment slot before recommending dismissal.",
        },
    ),
    _brief(
        "brady_database_build",
        ("brady-disclosure", "police-accountability"),
        ("dismissal_rate",),
        {
            "title": "Building a Centralized Brady List Database",
            "summary": "The office replaced scattered spreadsheets and memos about officer credibility with one database checked automatically at filing.",
            "problem": "Information about officers with sustained dishonesty findings was kept in three different spreadsheets and several memos. Line prosecutors often learned of it only when defense counsel raised it, and two cases were reversed on appeal for non-disclosure.",
            "practice": "A single database records each officer with potential impeachment information, the category of conduct and the supporting documents. When a case is filed, the case management system checks listed officers against the witnesses and alerts the assigned prosecutor, who discloses the material with the first discovery batch.",
            "implementation": "The ethics counsel spent five months collecting and verifying existing records. Agencies were asked to certify their sustained findings; the largest agency took nine months to respond. Officers receive notice and can submit a response before listing.",
            "outcomes": "The database launched with 41 officers across nine agencies. In the first year, the office made 620 automated disclosures and observed no appellate reversals for non-disclosure. The office also dismissed 14 cases in which a listed officer was the only witness to the key facts.",
            "cost_staffing": "About 0.5 of the ethics counsel's time for the first year and a one-time $25,000 for case-system changes. Ongoing maintenance takes roughly four hours a week of paralegal time.",
            "evidence_level": "ANECDOTAL",
        },
        {
            "change": "Added data on agency reporting after the annual certification requirement and publication of the list.",
            "evidence_level": "DESCRIPTIVE",
            "outcomes": "By the end of the second year the list held 58 officers. After the office began requiring annual agency certification, the number of findings reported per year rose from 11 to 27, which the office reads as earlier under-reporting rather than a rise in misconduct. Automated disclosures reached about 1,100 a year.",
        },
    ),
    _brief(
        "automated_cannabis_record_clearing",
        ("cannabis", "drug-policy"),
        ("cannabis_possession_filings",),
        {
            "title": "Automated Clearing of Cannabis Possession Convictions",
            "summary": "The office identified and vacated thousands of old cannabis possession convictions in batches, without requiring anyone to apply.",
            "problem": "After legalization, only a few hundred people had used the petition process to clear old possession convictions, though the office estimated over 9,000 eligible convictions in its own records. Most eligible people did not know they qualified or could not afford help.",
            "practice": "The office matched its closed-case records against the state repository to identify eligible convictions, then filed consolidated motions to vacate and seal in batches of about 500. The court agreed to hear the batches on the papers.",
            "implementation": "A data analyst wrote matching rules, and two paralegals reviewed every case that the rules flagged as uncertain, about 12 percent of the total. The court clerk's office updated records in the state repository after each order.",
            "outcomes": "Over 14 months, the office vacated 8,300 convictions, while monthly cannabis possession filings, already falling, reached zero after the no-file policy took effect. The office received about 200 calls from people confirming their records had been cleared.",
            "cost_staffing": "About one analyst-year and 1.5 paralegal-years in total, absorbed within existing budgets, plus $6,000 for mailing notices. The court clerk's office estimated a similar amount of its own staff time.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Extended to small-quantity possession-with-intent convictions and reported on data errors found.",
            "+outcomes": "A second phase added 1,150 possession-with-intent convictions under one ounce. Manual review found that about 3 percent of records had the wrong statute code, which the office corrected with the clerk before filing.",
        },
    ),
    _brief(
        "conviction_integrity_startup",
        ("innocence-review", "conviction-integrity"),
        ("exonerations",),
        {
            "title": "Starting a Conviction Integrity Unit in a Mid-Size Office",
            "summary": "Lessons from the first two years of a small conviction integrity unit: intake, screening, and working with claimants' counsel.",
            "problem": "Post-conviction claims were handled by the appellate unit, which defended convictions in the same courts. There was no process for investigating new evidence of innocence, and a backlog of over 100 letters had gone unanswered.",
            "practice": "A unit of one attorney, one investigator and a paralegal reports directly to the elected prosecutor. Claims are screened within 90 days for a plausible innocence or misconduct theory; those that pass are investigated jointly with claimants' counsel under an open-file agreement.",
            "implementation": "The unit first answered every backlog letter and created a simple online intake form. An advisory panel including a retired judge and a defense attorney reviews decisions to close investigated cases. The office set aside $40,000 a year for DNA and other forensic testing.",
            "outcomes": "In two years the unit received 186 claims, screened out 140, and investigated 31. Three convictions were vacated and dismissed, two based on DNA testing and one on an undisclosed witness deal. Most closed cases involved claims of legal error with no innocence component.",
            "cost_staffing": "About $290,000 a year in salary and benefits, plus the testing budget. A federal grant covered the first two years.",
            "evidence_level": "ANECDOTAL",
        },
        {
            "change": "Added third-year results and the unit's reasons for closing cases.",
            "outcomes": "After three years the unit had received 264 claims and investigated 47; five convictions were vacated. The most common reasons for closing investigated cases were that new testing confirmed the original result or that a claimed new witness could not be corroborated. Median time from intake to screening decision was 71 days.",
            "evidence_level": "DESCRIPTIVE",
        },
    ),
    _brief(
        "second_look_resentencing_unit",
        ("resentencing", "second-look"),
        ("resentencing_motions_filed", "median_sentence_days"),
        {
            "title": "A Second-Look Unit for Long Sentences",
            "summary": "A small unit screened thousands of long sentences and brought resentencing motions for people who would be sentenced very differently today.",
            "problem": "Nearly 900 people were serving sentences of 15 years or more from this county, many under enhancements the office no longer seeks. The new state resentencing law gave the office authority to act, but there was no process for finding eligible cases.",
            "practice": "The unit uses corrections data to screen every long sentence against the office's criteria: time served, age at offense, current age, conduct record and the sentence the office would seek today. Promising cases receive a full review, including an interview and a reentry plan, and a panel recommends whether to file a motion.",
            "implementation": "Corrections agreed to a quarterly data extract. The unit partnered with a reentry nonprofit to prepare housing and employment plans. Victim advocates contact survivors early, before a decision is made, which added about six weeks per case but reduced surprise opposition at hearings.",
            "outcomes": "In the first 18 months the unit screened 870 sentences, fully reviewed 95 and filed 38 motions, of which 31 were granted. The median sentence reduction was about six years. None of the 24 people released so far has been convicted of a new offense.",
            "cost_staffing": "Two attorneys, one investigator and a half-time social worker, about $420,000 a year. The office estimates avoided incarceration costs at over $3 million.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Updated counts after three years and added a finding on victim participation.",
            "outcomes": "After three years the unit had filed 71 motions, 60 of them granted. Of 52 people released, two were convicted of new misdemeanors and none of a felony. Survivors took part in about 40 percent of reviews, and in roughly half of those they supported or did not oppose the motion.",
        },
    ),
    _brief(
        "restitution_payment_plans",
        ("restitution", "victim-services"),
        ("restitution_collected",),
        {
            "title": "Realistic Restitution Payment Plans",
            "summary": "Proposing payment plans based on actual income increased how much restitution victims received.",
            "problem": "Restitution was routinely ordered in full, due immediately, regardless of the defendant's means. Fewer than a third of individual victims received any payment within a year, and unpaid balances led to violation hearings that helped no one.",
            "practice": "Before sentencing, defense counsel provides a one-page financial declaration. The prosecutor proposes a monthly amount of no more than 10 percent of net income, with payments going to individual victims before insurers. Victim advocates explain the expected timeline to the victim.",
            "implementation": "The office developed the financial declaration with the public defender and trained attorneys in a one-hour session. The court clerk agreed to send monthly payment reports by case, which advocates use to contact defendants who fall behind before any violation is filed.",
            "outcomes": "In the first year, the share of individual victims who received any restitution within 12 months rose from 31 to 58 percent. Total restitution collected on the office's cases rose from about $1.3 million to $1.7 million, even though total amounts ordered fell slightly.",
            "cost_staffing": "No new staff. Advocates spend about two hours a week on payment follow-up.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added results of routing victims to the compensation fund at first contact.",
            "+practice": "Advocates now help victims apply to the state victim compensation fund at first contact.",
            "+outcomes": "After advocates began filing compensation claims at first contact, median time to any payment for victims of violent crime fell from 11 months to 10 weeks.",
        },
    ),
    _brief(
        "early_victim_advocate_contact",
        ("victim-notification", "victim-services"),
        ("victim_contact_rate",),
        {
            "title": "Advocate Contact Within 14 Days of Filing",
            "summary": "Assigning an advocate at filing and tracking a 14-day contact target raised the share of victims who heard from the office early.",
            "problem": "Victims were usually first contacted just before trial, if at all. Many learned of plea agreements after the fact, and victim surveys showed low trust in the office.",
            "practice": "Every case with an identified victim is automatically assigned an advocate at filing. The advocate attempts contact by phone, text and letter within 14 days, explains rights and next steps, and records preferences for language and contact method.",
            "implementation": "The case management system was configured to create an advocate task at filing and to show a red flag after 10 days without contact. Advocates were reorganized by court rather than by unit so they could attend hearings alongside the prosecutors they support.",
            "outcomes": "The share of victims contacted within 14 days rose from 38 percent to 81 percent in the first year. Among surveyed victims, the share who said they understood what would happen next rose from 45 to 77 percent.",
            "cost_staffing": "Two additional advocate positions funded by a state victim assistance grant, about $140,000 a year. The case-system changes were made by existing IT staff in about three weeks.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added opt-in automated hearing notifications and their effect on advocate workload.",
            "+practice": "Victims can opt in to automated text or email alerts for hearing dates, freeing advocates for personal contact.",
            "outcomes": "The 14-day contact rate has stayed above 80 percent for two years. After automated alerts launched, about 55 percent of victims opted in, and advocates reported spending about a quarter less time on routine date calls.",
        },
    ),
    _brief(
        "electronic_discovery_portal",
        ("discovery", "plea-bargaining"),
        ("median_days_to_disposition", "plea_rate"),
        {
            "title": "An Electronic Discovery Portal With Tracked Upload Dates",
            "summary": "Moving discovery from paper and discs to a tracked portal shortened the time to first disclosure and to case resolution.",
            "problem": "Discovery was delivered on paper and discs through court mailboxes. Defense attorneys routinely asked for continuances because they had not received video, and nobody could say when material had actually been provided.",
            "practice": "All discovery is uploaded to a secure portal that logs the date and content of each upload and notifies defense counsel. Body-worn camera footage is requested from agencies at filing and linked directly in the portal.",
            "implementation": "The office procured a portal compatible with the case management system and negotiated direct video transfer with the three largest agencies. Paralegals were trained over two weeks and paper delivery was phased out over four months.",
            "outcomes": "The median time from arraignment to first discovery upload fell from 34 to 9 days. The office observed median days to disposition for misdemeanors fall from 118 to 87, largely from fewer continuances for missing discovery.",
            "cost_staffing": "About $95,000 a year in licensing and storage. The office reallocated two clerks previously assigned to copying and delivery.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added felony results and a note on plea timing.",
            "+outcomes": "For felonies, median days to disposition fell from 212 to 176. Pleas now happen earlier in the case, but the overall plea rate has been essentially unchanged at about 94 percent of convictions.",
        },
    ),
    _brief(
        "retail_theft_precharge_diversion",
        ("pre-charge-diversion", "diversion"),
        ("diversion_offered_rate", "diversion_completion_rate"),
        {
            "title": "Pre-Charge Diversion for First-Time Retail Theft",
            "summary": "Automatic diversion letters for first-time shoplifting referrals increased offers and kept most participants out of court.",
            "problem": "First-time retail theft referrals were filed, resolved by plea, and left people with theft convictions that blocked jobs in retail and care work. Diversion existed but depended on individual screeners remembering to offer it.",
            "practice": "Eligible referrals trigger an automatic diversion letter. Participants complete a four-hour online or in-person class, pay restitution if any, and avoid new referrals for 90 days. The case is closed without a charge.",
            "implementation": "The case system was configured to detect eligibility from the referral and prior record fields and generate the letter. A community provider runs the class with a sliding-scale fee that starts at zero.",
            "outcomes": "Diversion offers for eligible retail theft referrals rose from 41 to 93 percent. Of 1,400 people offered diversion in the first year, 71 percent enrolled and 86 percent of those completed.",
            "cost_staffing": "The provider contract is about $60,000 a year. The office estimates each diversion saves about three hours of attorney time compared with a filed case.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added a comparison of new referrals with a pre-program cohort.",
            "+outcomes": "Comparing participants with people who had similar records and charges in the year before the program, the office found new theft referrals within one year of 9 percent for participants and 15 percent for the earlier cohort.",
            "evidence_level": "QUASI_EXPERIMENTAL",
        },
    ),
    _brief(
        "diversion_fee_elimination",
        ("post-charge-diversion", "diversion", "poverty-related-offenses"),
        ("diversion_completion_rate",),
        {
            "title": "Eliminating Fees in Deferred Prosecution",
            "summary": "Removing the $300 deferred prosecution fee raised completion rates, especially for participants with appointed counsel.",
            "problem": "The deferred prosecution program charged a $300 administrative fee. Participants with appointed counsel completed at much lower rates than those with retained counsel, and many terminations were for non-payment.",
            "practice": "The office eliminated the administrative fee and required contracted providers to offer classes free to anyone who qualifies for appointed counsel. Unpaid fees can no longer delay dismissal.",
            "implementation": "The budget office agreed to replace lost fee revenue, about $180,000 a year, from the general fund after the office showed that most of it was never collected. Providers are reimbursed up to $120 per participant for waived class fees.",
            "outcomes": "Completion rose from 64 to 79 percent in the first year. The gap between participants with appointed and retained counsel narrowed from 22 to 7 percentage points.",
            "cost_staffing": "Net cost about $110,000 a year after accounting for fees that had not been collected. No staffing change.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added a second year of completion data and removed a claim about recidivism that could not be supported.",
            "outcomes": "Completion was 79 percent in the first year and 81 percent in the second. The gap between participants with appointed and retained counsel is now 5 percentage points. An earlier draft reported lower reoffending among completers; the office has withdrawn that figure because the comparison did not account for differences in prior record.",
        },
    ),
    _brief(
        "emerging_adult_docket",
        ("emerging-adults", "juvenile-justice"),
        ("diversion_offered_rate", "incarceration_sentence_rate"),
        {
            "title": "An Emerging-Adult Docket for People Aged 18 to 25",
            "summary": "A dedicated docket and prosecution team for young adults increased diversion and reduced jail sentences without a rise in new arrests.",
            "problem": "Young adults aged 18 to 25 made up 30 percent of the office's felony filings and had the highest rates of re-arrest. The adult system treated them the same as older defendants, and many lost jobs or school places because of jail time.",
            "practice": "Eligible cases are assigned to two prosecutors who work with a single judge, a dedicated public defender and a youth-serving case manager. Plans focus on school, work, mentoring and family, and most participants are offered deferred prosecution.",
            "implementation": "The court agreed to hold the docket two afternoons a week. The office trained the team on young-adult development, and a workforce nonprofit reserved 25 apprenticeship slots for participants.",
            "outcomes": "In the first year, the diversion offer rate for this age group rose from 19 to 46 percent, and the share of sentenced cases receiving jail fell from 48 to 29 percent. The office observed no increase in new arrests among participants compared with young adults in the prior year.",
            "cost_staffing": "Two attorneys were reassigned from general felony, and the case manager is funded by a foundation grant of $85,000 a year. The team's caseload is capped at 60 open cases per attorney.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added an evaluation comparing participants with eligible young adults on other dockets.",
            "outcomes": "An evaluation by a university partner compared 310 participants with 290 eligible young adults handled on regular dockets during a period of limited capacity. One-year re-arrest was 22 percent for participants and 31 percent for the comparison group; the share sentenced to jail was 27 and 45 percent respectively.",
            "evidence_level": "QUASI_EXPERIMENTAL",
        },
        {
            "change": "Added probation violation hearings to the docket.",
            "+practice": "Since the second year, probation violation hearings for young adults are also heard on the docket.",
        },
    ),
    _brief(
        "juvenile_transfer_committee",
        ("juvenile-transfer", "juvenile-justice"),
        ("juvenile_transfer_count",),
        {
            "title": "A Review Committee for Adult-Court Transfers",
            "summary": "Requiring committee review and the elected prosecutor's sign-off sharply reduced the number of minors sent to adult court.",
            "problem": "Transfer decisions were made by individual juvenile prosecutors, often within days of arrest and with little information about the young person. About 40 minors a year were transferred, and Black youth made up 70 percent of them.",
            "practice": "Any proposed transfer goes to a committee of the juvenile chief, a senior trial attorney and a youth development adviser. The committee reviews a memo covering the young person's history, school, trauma and service options, and meets with defense counsel before making a recommendation.",
            "implementation": "The office created a transfer memo template and an agreement with the juvenile probation department to share social histories. The committee meets weekly, and decisions are due within 30 days.",
            "outcomes": "Transfers fell from about 40 a year to 11 in the first full year. The office observed that most young people who would previously have been transferred were instead handled under extended juvenile jurisdiction.",
            "cost_staffing": "About four hours a week of senior staff time. The youth development adviser position is a half-time contract of $45,000 a year.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added race and ethnicity results and a note on committee decisions against transfer.",
            "+outcomes": "In the second year there were eight transfers, and the committee declined to recommend transfer in 23 of 31 cases referred to it. The share of transferred youth who were Black remains high, at 6 of 8, and the office is reviewing police referral patterns with the juvenile court.",
        },
    ),
    _brief(
        "immigration_consultant_for_plea_offers",
        ("immigration-consequences", "plea-offers"),
        ("plea_rate",),
        {
            "title": "An Immigration Consultant for Plea Negotiations",
            "summary": "Giving prosecutors quick access to immigration law advice made it easier to craft equivalent, immigration-safe offers.",
            "problem": "Prosecutors were willing to consider immigration consequences but did not know the law well enough to judge defense claims. Negotiations stalled, and some cases went to trial solely because no one could agree on a safe plea.",
            "practice": "The office contracts with an immigration attorney who answers prosecutors' questions within three business days. When defense counsel raises a consequence, the prosecutor can ask the consultant for alternative statutes or sentence structures with comparable severity.",
            "implementation": "The consultant prepared a quick-reference chart of the 25 most common charges and their immigration consequences, now used in training. Questions are submitted through a form in the case system, and the office never records the defendant's immigration status.",
            "outcomes": "In the first year, prosecutors sent 210 questions. The office observed that 85 percent of cases where a question was asked were resolved by plea, compared with about 70 percent in the year before in cases where immigration was raised.",
            "cost_staffing": "The consultant contract is $60,000 a year. Training on the reference chart takes 90 minutes and is part of new-attorney orientation.",
            "evidence_level": "ANECDOTAL",
        },
        {
            "change": "Added data on offer modifications and a training outcome.",
            "+outcomes": "Prosecutors modified 160 offers under the policy in the second year, most often by adjusting a sentence to 364 days or substituting a non-theft property offense. After training, questions to the consultant fell by a third as prosecutors used the chart directly.",
        },
    ),
    _brief(
        "overdose_harm_reduction_partnership",
        ("overdose-response", "drug-policy"),
        ("declination_rate",),
        {
            "title": "Working With Public Health on Overdose Scenes",
            "summary": "A Good Samaritan declination policy and a liaison with the health department encouraged calls for help at overdose scenes.",
            "problem": "Outreach workers reported that people who witnessed overdoses often did not call for help for fear of arrest, especially after two companions were charged with drug-induced homicide. Fentanyl deaths in the county had doubled in three years.",
            "practice": "The office declines possession charges arising from overdose scenes and does not treat fentanyl test strips or naloxone as paraphernalia. A drug policy coordinator meets monthly with the health department to review overdose data and any referrals that conflict with the policy, and the office publicizes the policy through outreach teams.",
            "implementation": "The office briefed every patrol shift in the three largest agencies and printed wallet cards explaining the protection, distributed by syringe service programs. Police agreed to flag overdose-scene referrals so that screeners would recognize them.",
            "outcomes": "In the first year, the office declined 74 referrals under the policy, and drug-induced homicide charges fell from six to one. The health department reported that the share of fatal overdoses where a bystander called for help rose from 38 to 52 percent, though many other factors changed at the same time.",
            "cost_staffing": "The coordinator is a part-time role held by an existing narcotics attorney, about 10 hours a month. Wallet cards cost about $2,000.",
            "evidence_level": "ANECDOTAL",
        },
        {
            "change": "Added drug-checking equipment to the protected list and updated outcomes.",
            "+practice": "The protected list now includes xylazine test strips and drug-checking equipment operated by licensed programs.",
            "outcomes": "Over two years, the office declined 160 overdose-scene referrals. The health department reports bystander calls in 55 percent of fatal overdoses, and outreach workers say fear of arrest is now rarely mentioned as a reason not to call.",
            "evidence_level": "DESCRIPTIVE",
        },
    ),
    _brief(
        "mental_health_court_expansion",
        ("behavioral-health-diversion", "mental-health"),
        ("diversion_completion_rate", "pretrial_detention_request_rate"),
        {
            "title": "Expanding Mental Health Court to Felonies",
            "summary": "Opening the mental health court to non-violent and some violent felonies doubled participation and reduced detention of people with serious mental illness.",
            "problem": "The mental health court accepted only misdemeanors, so people with serious mental illness charged with felonies stayed in jail, often for months, and returned after release with no treatment plan. Jail medical staff reported that about a fifth of the felony population had a serious mental illness diagnosis.",
            "practice": "The court now accepts non-violent felonies and violent felonies without serious injury, with victim input. Participants enter without a guilty plea and charges are dismissed on graduation. First appearance prosecutors flag likely candidates and do not seek detention while eligibility is assessed.",
            "implementation": "The county added a second forensic case manager and ten supportive housing slots. The office designated one prosecutor for the court and trained first appearance attorneys to recognize signs of eligibility.",
            "outcomes": "Admissions rose from 60 to 128 a year. The office observed that detention requests for people later admitted fell from 35 percent of cases to 12 percent. Graduation rates were 61 percent, similar to the misdemeanor track.",
            "cost_staffing": "One prosecutor, about $130,000 a year. Case management and housing are funded by the county behavioral health agency at about $600,000 a year.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added co-occurring disorders and reported on jail days.",
            "+practice": "Eligibility now includes people with co-occurring substance use disorders.",
            "+outcomes": "Jail days in the year after admission fell by 68 percent compared with the year before admission for felony participants.",
        },
    ),
    _brief(
        "weighted_caseload_staffing",
        ("performance-indicators", "data-transparency"),
        ("felony_caseload_per_attorney", "median_days_to_disposition"),
        {
            "title": "Weighted Caseloads for Staffing Decisions",
            "summary": "Weighting cases by complexity gave leadership a more honest picture of attorney workload and supported a budget request.",
            "problem": "Raw case counts made units with many simple cases look overloaded and units with homicides look idle. Attorneys in the violent crime unit were carrying workloads that led to continuances and turnover.",
            "practice": "Each case type carries a weight derived from a time study: for example, a misdemeanor theft counts as 1, a residential burglary as 3, and a homicide as 25. The office reports weighted and unweighted felony caseload per attorney monthly and reviews it at the leadership meeting.",
            "implementation": "Attorneys logged time for six weeks in 15-minute increments. The data unit calculated weights and validated them with unit chiefs. Weights are reviewed every three years.",
            "outcomes": "Weighted caseloads showed the violent crime unit at 140 percent of target while general felony was at 95 percent. The office moved two positions and used the data to win three new attorney positions in the next budget. Median days to disposition for violent felonies fell from 310 to 265 over the following year.",
            "cost_staffing": "About 200 hours of data unit time for the study, plus the time attorneys spent logging. Monthly reporting is automated and needs little ongoing effort.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added an alert threshold and turnover observations.",
            "+practice": "An alert goes to the first assistant when any unit exceeds 110 percent of target for two months.",
            "+outcomes": "Attorney turnover in the violent crime unit fell from five departures to one in the year after rebalancing.",
        },
    ),
    _brief(
        "misdemeanor_cash_bail_ending",
        ("cash-bail", "bail-pretrial"),
        ("cash_bail_request_rate", "pretrial_detention_request_rate"),
        {
            "title": "Ending Cash Bail Requests in Misdemeanor Cases",
            "summary": "The office stopped asking for money bail in misdemeanors and saw fewer people held pretrial with no change in appearance rates.",
            "problem": "On a typical day, about 180 people were held in the county jail on misdemeanor charges because they could not pay bail of $500 or less. Many pleaded guilty at arraignment to get out.",
            "practice": "First appearance prosecutors request release on recognizance in misdemeanor cases, adding non-monetary conditions only where a specific risk is documented. Domestic violence cases with strangulation or a protection order violation are handled separately.",
            "implementation": "The policy was announced to the bench and defense bar a month before taking effect. Supervisors reviewed first appearance notes daily for the first six weeks and gave feedback to attorneys who requested bail.",
            "outcomes": "The share of misdemeanor first appearances with a money bail request fell from 42 percent to 4 percent. The average daily misdemeanor jail population fell from about 180 to 70. The office observed the misdemeanor failure-to-appear rate stay at about 15 percent.",
            "cost_staffing": "No additional cost. Supervisors spent about an hour a day on review during rollout.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added new-arrest data and a comparison with a neighboring period.",
            "+outcomes": "New arrests during the pretrial period were 12 percent of released misdemeanor defendants, compared with 13 percent in the year before the policy.",
            "evidence_level": "QUASI_EXPERIMENTAL",
        },
    ),
    _brief(
        "detention_motion_proffer_template",
        ("detention-motions", "bail-pretrial"),
        ("pretrial_detention_request_rate",),
        {
            "title": "A Written Proffer Template for Detention Motions",
            "summary": "Requiring a structured written proffer made detention motions rarer and more successful.",
            "problem": "Detention motions were often filed on a one-line form citing the charge alone. Judges denied many of them, and defense counsel complained they could not respond to arguments they first heard in court.",
            "practice": "Prosecutors complete a two-page template setting out the specific risk, the evidence supporting it, and why each less restrictive condition, including an ankle monitor and daily check-ins, would not suffice. The proffer is shared with the defense before the hearing.",
            "implementation": "The template was developed with felony supervisors and introduced with a one-hour training. Supervisors must approve every motion, and the template is stored in the case file.",
            "outcomes": "Detention motions fell from 9 percent to 5 percent of in-custody felony filings, while the share granted rose from 48 to 71 percent. The office reads this as fewer weak motions rather than stricter courts.",
            "cost_staffing": "Each template takes about 30 minutes to complete. No new staff.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added a 30-day re-review and reported its effect.",
            "+practice": "Every detained defendant's case is re-reviewed 30 days after the order.",
            "+outcomes": "At 30-day re-review, prosecutors agreed to release on conditions in about one in six cases, usually because a co-defendant's statement or lab results weakened the original risk assessment.",
        },
    ),
    _brief(
        "sentencing_cost_statement",
        ("sentencing-recommendations", "sentencing"),
        ("incarceration_sentence_rate", "median_sentence_days"),
        {
            "title": "Stating the Cost of Incarceration at Sentencing",
            "summary": "Prosecutors now state the county's estimated cost of any custodial recommendation on the record, prompting more consideration of alternatives.",
            "problem": "Custodial recommendations were made without any discussion of cost or alternatives. Sentencing memos rarely mentioned treatment or community options even when they were available.",
            "practice": "When recommending jail or prison, the prosecutor states the estimated cost using the budget office's per-day figure, currently $142 per jail day, and explains why alternatives are insufficient. A recommendation memo with an alternatives section is required for felonies.",
            "implementation": "The budget office publishes the per-day figure each year. The office trained attorneys on available community programs and added a checklist of alternatives to the memo template.",
            "outcomes": "In the first year, the office observed the share of sentenced felony cases with a custodial sentence fall from 57 to 49 percent, and median jail sentences for felonies fall from 180 to 150 days. Some judges said the cost statement was helpful; others said it was irrelevant to their decision.",
            "cost_staffing": "No new cost. Memos take an estimated 20 extra minutes per case.",
            "evidence_level": "ANECDOTAL",
        },
        {
            "change": "Added an analysis separating the effect of the cost statement from a concurrent probation-term change.",
            "+outcomes": "A later analysis found that most of the reduction in custodial sentences came in cases where an alternative program had an open slot, suggesting that availability of alternatives matters more than the cost statement itself.",
            "evidence_level": "DESCRIPTIVE",
        },
    ),
    _brief(
        "license_restoration_clinic",
        ("low-level-offenses", "poverty-related-offenses", "declination"),
        ("declination_rate", "cases_filed"),
        {
            "title": "Declining Suspended-License Cases and Running a Restoration Clinic",
            "summary": "Declining driving-while-suspended cases caused by unpaid debt, and pairing the declination with a license restoration clinic, cut filings and helped drivers regain licenses.",
            "problem": "Driving while suspended was the single most common misdemeanor the office filed, about 350 cases a month. Most suspensions were for unpaid fines, and convictions added more fines and longer suspensions.",
            "practice": "Covered referrals are declined at intake with a letter inviting the driver to a twice-monthly clinic where the public defender and legal aid help with payment plans, fee waivers and reinstatement paperwork. Drivers with suspensions for safety reasons are not covered.",
            "implementation": "The office negotiated with the state licensing agency for a staff member to attend the clinic with access to driving records. Clinics are held in the evening at a library branch.",
            "outcomes": "Driving-while-suspended filings fell from about 350 to 40 a month. About 1,900 drivers attended the clinic in the first year, and legal aid reported 1,100 licenses reinstated. The overall misdemeanor declination rate rose from 14 to 22 percent.",
            "cost_staffing": "The office contributes one paralegal for each clinic evening. Legal aid and the public defender staff their own participation.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added a note on repeat referrals and a change to the letter.",
            "+outcomes": "About 8 percent of declined drivers were referred again within six months; after the letter was rewritten in plain language with a map to the clinic, clinic attendance among declined drivers rose from 21 to 30 percent.",
        },
    ),
    _brief(
        "crime_lab_audit_review",
        ("forensic-review", "conviction-integrity"),
        ("exonerations",),
        {
            "title": "Reviewing Convictions After a Crime Laboratory Audit",
            "summary": "After an audit found errors by a former drug chemist, the office reviewed every affected conviction and vacated those that depended on the analyst's work.",
            "problem": "A state audit found that a former laboratory chemist had reported results without running confirmatory tests over a period of several years. More than 2,000 convictions from this county relied on the chemist's reports.",
            "practice": "The conviction integrity unit identified every case with a report from the analyst, notified defendants and the public defender, and triaged cases by whether the analyst's result was necessary to the conviction. Where retesting was possible and the evidence still existed, the office paid for it.",
            "implementation": "The unit hired two temporary paralegals and used the laboratory's case index to match reports to convictions. The public defender created a team to take referrals, and the court set aside a weekly calendar for the motions.",
            "outcomes": "The office identified 2,340 affected convictions, agreed to vacate 1,610 where the analyst's result was the only proof of the substance, and retested evidence in 190 cases. Six people were released from custody.",
            "cost_staffing": "About $210,000 for temporary staff and retesting over 14 months. The state reimbursed about half of the retesting cost.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added a standing process for laboratory disclosure notices.",
            "+practice": "The unit now reviews every laboratory disclosure notice within 30 days as a matter of routine.",
            "+outcomes": "Since then, the unit has reviewed 14 smaller notices, most involving a single analyst's documentation errors, and identified 85 additional cases, none requiring vacatur.",
        },
    ),
    _brief(
        "clemency_support_letters",
        ("clemency-support", "second-look"),
        ("resentencing_motions_filed",),
        {
            "title": "Reviewing Clemency Applications on Current Merits",
            "summary": "Replacing automatic opposition with case-by-case review led the office to support a number of commutation applications from older people in prison.",
            "problem": "For decades the office opposed every commutation application from this county as a matter of course, usually with a form letter describing the original offense. The clemency board gave the office's letters heavy weight.",
            "practice": "The second-look unit now reviews each request, including the prison record, programming and a reentry plan, and consults the victim or surviving family. The office takes one of three positions: support, no objection, or opposition with specific reasons.",
            "implementation": "The unit developed a review checklist shared with the resentencing process. It also reviews annually the list of people aged 60 or older from this county and invites applications where appropriate.",
            "outcomes": "In the first year, the office reviewed 48 requests, supported 12, took no position on 19, and opposed 17. The governor granted 7 of the applications the office supported.",
            "cost_staffing": "The work is absorbed by the second-look unit. A full review takes about 15 hours.",
            "evidence_level": "ANECDOTAL",
        },
        {
            "change": "Added second-year figures and a note on victim participation.",
            "+outcomes": "In the second year, the office supported 15 of 52 requests. Surviving family members took part in 21 reviews; several asked that their views be conveyed in their own words, which the office now attaches to its letters.",
        },
    ),
    _brief(
        "mandatory_minimum_charging_audit",
        ("mandatory-minimums", "charge-enhancements", "sentencing"),
        ("median_sentence_days",),
        {
            "title": "Auditing Mandatory-Minimum and Enhancement Charging",
            "summary": "A review of three years of mandatory-minimum and enhancement filings showed they were used mainly as plea leverage, and led to new approval rules.",
            "problem": "Leadership suspected that mandatory-minimum drug counts and firearm enhancements were filed routinely and then dropped in plea bargaining. If so, they were creating pressure to plead rather than reflecting the seriousness of the conduct.",
            "practice": "The data unit reviewed every case with a mandatory-minimum count or firearm enhancement over three years, recording the defendant's role, whether violence was involved, and whether the count survived to sentencing. Division-chief approval is now required for any such count.",
            "implementation": "Two analysts coded about 900 cases over four months, with a sample double-coded to check agreement. The findings were presented to all trial attorneys before the approval rule took effect.",
            "outcomes": "The audit found that 72 percent of mandatory-minimum counts were dismissed in plea bargaining, and that only 30 percent of defendants charged with them had a leading role or used violence. In the year after the approval rule, such filings fell by 58 percent and the median custodial sentence for drug sales fell from 730 to 540 days.",
            "cost_staffing": "About 1,000 analyst hours for the audit. Approval takes roughly 15 minutes per case for division chiefs.",
            "evidence_level": "DESCRIPTIVE",
        },
        {
            "change": "Added data on plea rates after the rule and a note on trial outcomes.",
            "+outcomes": "The office observed no change in the share of drug-sale cases resolved by plea, and trial conviction rates in these cases were unchanged, suggesting the counts had not been needed to secure convictions.",
        },
    ),
)
