"""Standard monthly performance metrics for prosecutor offices.

A fixed catalogue of measures that participating offices can report each month and
compare with peers. The definitions are the network's own wording, modelled loosely
on the Prosecutorial Performance Indicators, Measures for Justice and Justice Counts;
they are not quotations from those projects. ``typical`` gives a plausible range of
monthly values for a mid-size office serving roughly 500,000 residents and is used
for demo data and sanity checks, not as a benchmark.
"""

from dataclasses import dataclass

CASE = (
    "A case: all charges against one defendant arising from one incident, counted once "
    "and classified by its most serious charge."
)
DOMAINS: tuple[str, ...] = ("capacity_efficiency", "community_safety", "fairness_justice")
# Counting units for measures whose cells do not count cases.
PARTICIPANT = (
    "A diversion participant: one person's enrollment in one diversion program, counted once "
    "when it ends and classified by the most serious charge of the diverted matter."
)
ENROLLEE = (
    "A person enrolled in a diversion program, counted once per enrollment even when the "
    "enrollment covers several cases, and classified by the most serious charge diverted."
)
SENTENCED_CASE = (
    "A sentenced case: one defendant's case that received a custodial sentence, counted once "
    "and classified by its most serious charge of conviction."
)
RESTITUTION_PAYMENT = (
    "A case with restitution collected: the money received during the month on one case, "
    "summed over every payment on it and classified by the case's most serious charge."
)
OPEN_FELONY_CASE = (
    "An open felony case assigned to a line attorney (numerator) and a full-time-equivalent "
    "attorney carrying felony cases (denominator), both counted on the last day of the month."
)
OPEN_MISDEMEANOR_CASE = (
    "An open misdemeanor case assigned to a line attorney (numerator) and a full-time-equivalent "
    "attorney carrying misdemeanor cases (denominator), both counted on the last day of the month."
)
YOUNG_PERSON = (
    "A young person under 18 moved to adult court, counted once per transfer decision and "
    "classified by the most serious charge transferred."
)
VACATED_CONVICTION = (
    "A vacated conviction: one person's conviction in one case, counted once even when several "
    "counts are vacated, and classified by the most serious charge vacated."
)
RESENTENCING_MOTION = (
    "A resentencing motion: one motion filed for one person on one case, classified by the most "
    "serious charge of the sentence it asks to reduce."
)
STAFF_MEMBER = (
    "A staff member: one attorney or non-attorney employee of the office, counted once "
    "regardless of hours worked."
)


@dataclass(frozen=True)
class MetricSpec:
    key: str  # snake_case, stable
    name: str
    description: str
    unit: str  # one of "COUNT", "RATE", "DAYS", "RATIO", "MONEY"
    numerator: str  # plain-language definition ("" for counts/days/money)
    denominator: str  # plain-language definition ("" if none)
    exclusions: str
    frequency: str  # "MONTHLY" (all of them monthly here)
    desired_direction: str  # "UP", "DOWN" or "NEUTRAL"
    rationale: str
    disaggregations: tuple[str, ...]  # subset of DISAGGREGATIONS
    topic: str  # a taxonomy slug
    source: str  # the measurement framework the metric is modelled on
    typical: tuple[float, float]  # plausible monthly range for a mid-size office
    # Which Prosecutorial Performance Indicators domain the measure belongs to.
    domain: str = "capacity_efficiency"  # one of DOMAINS
    counting_unit: str = CASE
    companions: tuple[str, ...] = ()  # keys of metrics to read beside this one
    # Dimensions whose cells need not add up to the total (for example when one
    # person can fall in several categories); every other dimension must.
    non_additive: tuple[str, ...] = ()
    # A relative rate index is computed from the released race cells of this rate
    # metric, never uploaded: `derived_from` names it, `reference` the comparison group.
    derived_from: str = ""
    reference: str = ""


UNITS: tuple[str, ...] = ("COUNT", "RATE", "DAYS", "RATIO", "MONEY")
DIRECTIONS: tuple[str, ...] = ("UP", "DOWN", "NEUTRAL")
DISAGGREGATIONS: tuple[str, ...] = (
    "severity",
    "offense_category",
    "race_ethnicity",
    "sex",
    "age_band",
)

_ALL = DISAGGREGATIONS
_PPI = "Prosecutorial Performance Indicators"
_MFJ = "Measures for Justice"
_JC = "Justice Counts"

STANDARD_METRICS: tuple[MetricSpec, ...] = (
    MetricSpec(
        key="cases_referred",
        name="Cases referred",
        description=(
            "Number of new cases received by the office during the month from law enforcement agencies "
            "and other referring authorities, counted once per defendant per incident."
        ),
        unit="COUNT",
        numerator="",
        denominator="",
        exclusions=(
            "Supplemental reports on cases already received; warrant-only requests with no suspect identified; "
            "civil, child-support and traffic-infraction matters; cases transferred in from another county "
            "after charging."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Referral volume is driven mostly by police activity rather than office decisions. It is the "
            "starting point for every downstream rate and the main signal for staffing and workload planning."
        ),
        disaggregations=_ALL,
        topic="case-screening",
        source=_JC,
        typical=(1200.0, 2600.0),
        domain="capacity_efficiency",
        companions=("cases_filed", "declination_rate", "median_days_to_charging_decision"),
    ),
    MetricSpec(
        key="cases_filed",
        name="Cases filed",
        description=(
            "Number of cases in which the office filed a charging document (complaint, information or "
            "indictment) in court during the month, counted once per defendant per case."
        ),
        unit="COUNT",
        numerator="",
        denominator="",
        exclusions=(
            "Amended or superseding charging documents on a case already filed; probation violation petitions; "
            "extradition and fugitive-from-justice filings."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Filings show how much of the referral stream the office chooses to bring into court. Compared with "
            "referrals it reveals screening practice; compared with staffing it reveals workload."
        ),
        disaggregations=_ALL,
        topic="charging-standards",
        source=_JC,
        typical=(900.0, 2000.0),
        domain="capacity_efficiency",
        companions=("cases_referred", "cases_disposed", "felony_filing_share"),
    ),
    MetricSpec(
        key="declination_rate",
        name="Declination rate",
        description="Share of screened referrals that the office decided not to prosecute.",
        unit="RATE",
        numerator="Referrals screened during the month that were declined for prosecution, for any reason.",
        denominator="Referrals screened during the month that reached a charging decision (filed, declined or diverted pre-charge).",
        exclusions=(
            "Referrals still pending a decision at month end; referrals returned to the agency for further "
            "investigation and not yet resubmitted; referrals diverted before charge, which are counted separately."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Declinations keep weak or low-value cases out of court, but a rate that is too high or too low can "
            "signal problems with police referral quality or with screening standards. Read alongside the reasons "
            "for declination and disparities by group."
        ),
        disaggregations=_ALL,
        topic="declination",
        source=_PPI,
        typical=(0.08, 0.30),
        domain="capacity_efficiency",
        companions=("cases_referred", "median_days_to_charging_decision", "rri_declination"),
    ),
    MetricSpec(
        key="diversion_offered_rate",
        name="Diversion offer rate",
        description="Share of eligible cases in which the office offered pre-charge or post-charge diversion.",
        unit="RATE",
        numerator="Cases in which a diversion offer was made during the month, whether or not it was accepted.",
        denominator=(
            "Cases screened or filed during the month that met the written eligibility criteria of at least one "
            "diversion program run or recognized by the office."
        ),
        exclusions=(
            "Cases where the defendant was already enrolled in a diversion program on another matter; cases "
            "ineligible by statute; cases where the victim's statutory objection barred an offer."
        ),
        frequency="MONTHLY",
        desired_direction="UP",
        rationale=(
            "Diversion avoids the lasting harm of a conviction for people who can be held accountable in other "
            "ways. Measuring offers against eligibility shows whether the office uses the programs it has, and "
            "disaggregation shows whether offers are distributed fairly."
        ),
        disaggregations=_ALL,
        topic="diversion",
        source=_PPI,
        typical=(0.05, 0.25),
        domain="community_safety",
        companions=("diversion_enrollments", "diversion_completion_rate", "rri_diversion_offer"),
    ),
    MetricSpec(
        key="diversion_completion_rate",
        name="Diversion completion rate",
        description="Share of diversion participants exiting during the month who completed the program successfully.",
        unit="RATE",
        numerator="Participants who exited diversion during the month by successful completion.",
        denominator="Participants who exited diversion during the month for any reason (completion, termination or withdrawal).",
        exclusions=(
            "Participants who moved out of the jurisdiction and were transferred to another program; exits caused "
            "by the death of the participant."
        ),
        frequency="MONTHLY",
        desired_direction="UP",
        rationale=(
            "A diversion program is only as good as the share of people who finish it. Low completion can point to "
            "unrealistic conditions, unaffordable fees or lack of support, all of which the office can change."
        ),
        disaggregations=_ALL,
        topic="post-charge-diversion",
        source=_MFJ,
        typical=(0.55, 0.85),
        domain="community_safety",
        counting_unit=PARTICIPANT,
        companions=("diversion_offered_rate", "diversion_enrollments"),
    ),
    MetricSpec(
        key="pretrial_detention_request_rate",
        name="Pretrial detention request rate",
        description="Share of filed cases in which the office asked the court to hold the defendant without release.",
        unit="RATE",
        numerator="Cases filed during the month in which the office moved for pretrial detention without bail at any hearing.",
        denominator="Cases filed during the month in which the defendant was in custody at first appearance.",
        exclusions=(
            "Defendants held on an unrelated warrant, detainer or sentence; cases where detention is mandatory by "
            "statute and no motion is required."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Even a few days of detention can cost a person a job or housing and increases pressure to plead. "
            "Detention motions should be reserved for cases with a demonstrable risk that no condition can manage."
        ),
        disaggregations=_ALL,
        topic="detention-motions",
        source=_PPI,
        typical=(0.03, 0.15),
        domain="fairness_justice",
        companions=("pretrial_detention_rate", "cash_bail_request_rate", "rri_detention_request"),
    ),
    MetricSpec(
        key="cash_bail_request_rate",
        name="Cash bail request rate",
        description="Share of cases at first appearance in which the office asked for a secured money bond.",
        unit="RATE",
        numerator="Cases with a first appearance during the month in which the office requested cash or secured money bail.",
        denominator="Cases with a first appearance during the month in which release conditions were set or argued.",
        exclusions=(
            "Cases in which the defendant was released by citation or police bail schedule before first appearance; "
            "cases where the court set conditions without hearing the parties."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Money bail detains people because they are poor rather than because they are dangerous. Tracking requests "
            "shows whether line prosecutors follow an office policy limiting them."
        ),
        disaggregations=_ALL,
        topic="cash-bail",
        source=_MFJ,
        typical=(0.05, 0.45),
        domain="fairness_justice",
        companions=("pretrial_detention_request_rate", "pretrial_detention_rate"),
    ),
    MetricSpec(
        key="median_days_to_disposition",
        name="Median days to disposition",
        description="Median number of days from filing to final disposition for cases disposed of during the month.",
        unit="DAYS",
        numerator="",
        denominator="",
        exclusions=(
            "Days during which the case was suspended because the defendant was on warrant status, found incompetent "
            "to stand trial, or in an approved diversion program; cases reopened after disposition."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Delay harms victims, defendants held in custody and the reliability of evidence. The median is robust to "
            "a small number of very old cases that would distort an average."
        ),
        disaggregations=("severity", "offense_category"),
        topic="performance-indicators",
        source=_PPI,
        typical=(90.0, 240.0),
        domain="capacity_efficiency",
        companions=("days_to_disposition_p90", "cases_disposed", "felony_caseload_per_attorney"),
    ),
    MetricSpec(
        key="felony_conviction_rate",
        name="Felony conviction rate",
        description="Share of felony cases disposed of during the month that ended in a conviction on any charge.",
        unit="RATE",
        numerator="Felony cases disposed of during the month with a conviction on at least one charge, felony or misdemeanor.",
        denominator="Felony cases disposed of during the month for any reason.",
        exclusions=(
            "Cases closed because the defendant died; cases transferred to another jurisdiction; cases dismissed after "
            "successful completion of diversion, which are reported under diversion."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "A very low rate may signal weak charging decisions; a very high one may signal overcharging and plea "
            "pressure. The measure is most useful alongside dismissal and plea rates."
        ),
        disaggregations=_ALL,
        topic="performance-indicators",
        source=_MFJ,
        typical=(0.55, 0.85),
        domain="capacity_efficiency",
        companions=("dismissal_rate", "plea_rate", "felony_filing_share"),
    ),
    MetricSpec(
        key="dismissal_rate",
        name="Dismissal rate",
        description="Share of cases disposed of during the month that ended in dismissal of all charges.",
        unit="RATE",
        numerator=(
            "Cases disposed of during the month in which all charges were dismissed by the office (nolle prosequi) "
            "or by the court."
        ),
        denominator="Cases disposed of during the month for any reason.",
        exclusions="Dismissals that follow successful completion of diversion; dismissals because the case was refiled under a new number.",
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "A dismissal after filing means a person carried a charge that the office could not or would not pursue. "
            "Rising dismissals point back to charging decisions and evidence gathering at intake."
        ),
        disaggregations=_ALL,
        topic="charging-standards",
        source=_PPI,
        typical=(0.15, 0.40),
        domain="capacity_efficiency",
        companions=("declination_rate", "felony_conviction_rate", "rri_dismissal"),
    ),
    MetricSpec(
        key="plea_rate",
        name="Plea rate",
        description="Share of convictions obtained during the month through a guilty or no-contest plea.",
        unit="RATE",
        numerator="Cases disposed of during the month by a plea of guilty or no contest to at least one charge.",
        denominator="Cases disposed of during the month with a conviction on at least one charge, by plea or at trial.",
        exclusions="Pleas entered as a condition of deferred adjudication that are later withdrawn on completion.",
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Nearly all convictions come from pleas, so how offers are made matters more than how trials are run. "
            "A shift in the plea rate is a prompt to review offer practice and trial readiness."
        ),
        disaggregations=_ALL,
        topic="plea-offers",
        source=_MFJ,
        typical=(0.85, 0.98),
        domain="fairness_justice",
        companions=("felony_conviction_rate", "dismissal_rate", "cases_disposed"),
    ),
    MetricSpec(
        key="incarceration_sentence_rate",
        name="Incarceration sentence rate",
        description="Share of sentenced cases in which the sentence included jail or prison time beyond time already served.",
        unit="RATE",
        numerator=(
            "Cases sentenced during the month in which the sentence included a term of jail or prison that was not "
            "fully satisfied by pretrial credit."
        ),
        denominator="Cases sentenced during the month for any offense.",
        exclusions="Sentences for probation violations on older cases; suspended sentences with no custody imposed.",
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Incarceration is the most costly and disruptive sanction. The office's recommendations strongly shape "
            "how often it is imposed, so the rate reflects the office's use of alternatives."
        ),
        disaggregations=_ALL,
        topic="sentencing-recommendations",
        source=_MFJ,
        typical=(0.30, 0.65),
        domain="fairness_justice",
        companions=("median_sentence_days", "plea_rate", "rri_incarceration_sentence"),
    ),
    MetricSpec(
        key="median_sentence_days",
        name="Median custodial sentence length",
        description="Median length, in days, of jail and prison terms imposed in cases sentenced during the month.",
        unit="DAYS",
        numerator="",
        denominator="",
        exclusions=(
            "Sentences with no custodial term; life and death sentences, which are counted separately; suspended "
            "portions of a sentence."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Length of custody matters as much as whether custody is imposed. Tracked by offense category, it shows "
            "whether recommendations are proportionate and consistent across the office."
        ),
        disaggregations=_ALL,
        topic="sentencing",
        source=_MFJ,
        typical=(90.0, 730.0),
        domain="fairness_justice",
        counting_unit=SENTENCED_CASE,
        companions=("incarceration_sentence_rate", "resentencing_motions_filed"),
    ),
    MetricSpec(
        key="juvenile_transfer_count",
        name="Juvenile transfers to adult court",
        description="Number of young people under 18 whose cases the office moved to, or directly filed in, adult criminal court.",
        unit="COUNT",
        numerator="",
        denominator="",
        exclusions="Transfers required automatically by statute without any prosecutorial motion or election; reverse-transfer requests.",
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Adult prosecution exposes young people to adult jails and lifelong records and is associated with higher "
            "reoffending. Each transfer should be a rare, reviewed decision."
        ),
        disaggregations=("offense_category", "race_ethnicity", "sex", "age_band"),
        topic="juvenile-transfer",
        source=_PPI,
        typical=(0.0, 6.0),
        domain="fairness_justice",
        counting_unit=YOUNG_PERSON,
        companions=("cases_filed", "diversion_enrollments"),
    ),
    MetricSpec(
        key="victim_contact_rate",
        name="Timely victim contact rate",
        description="Share of cases with an identified victim in which the office made contact within 14 days of filing.",
        unit="RATE",
        numerator=(
            "Cases filed during the month with an identified victim where staff reached the victim, or the victim's "
            "representative, within 14 calendar days of filing."
        ),
        denominator="Cases filed during the month with at least one identified individual victim.",
        exclusions=(
            "Cases where the victim asked in writing not to be contacted; cases where the only victim is a business "
            "or government entity."
        ),
        frequency="MONTHLY",
        desired_direction="UP",
        rationale=(
            "Early contact lets victims learn their rights, request services and be heard on release and plea "
            "decisions. It is the base on which every other victim-service measure rests."
        ),
        disaggregations=("severity", "offense_category", "race_ethnicity", "sex", "age_band"),
        topic="victim-notification",
        source=_PPI,
        typical=(0.60, 0.95),
        domain="community_safety",
        companions=("victim_contact_median_days", "restitution_collected"),
    ),
    MetricSpec(
        key="restitution_collected",
        name="Restitution collected",
        description="Total restitution paid to victims during the month on cases prosecuted by the office.",
        unit="MONEY",
        numerator="",
        denominator="",
        exclusions="Fines, fees and court costs; restitution owed to the state or a government agency; payments reversed during the month.",
        frequency="MONTHLY",
        desired_direction="UP",
        rationale=(
            "Restitution ordered but never paid does little for victims. Collections show whether orders are realistic "
            "and whether the office follows up on them."
        ),
        disaggregations=("offense_category",),
        topic="restitution",
        source=_JC,
        typical=(60000.0, 250000.0),
        domain="community_safety",
        counting_unit=RESTITUTION_PAYMENT,
        companions=("victim_contact_rate", "victim_contact_median_days"),
    ),
    MetricSpec(
        key="cannabis_possession_filings",
        name="Cannabis possession filings",
        description="Number of cases filed during the month in which the most serious charge is simple possession of cannabis.",
        unit="COUNT",
        numerator="",
        denominator="",
        exclusions="Possession with intent to distribute; possession inside a correctional facility; driving under the influence of cannabis.",
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Simple possession charges consume court time and create records with little public-safety benefit, and "
            "have historically been enforced unevenly by race. Offices with a no-file policy should see this near zero."
        ),
        disaggregations=("race_ethnicity", "sex", "age_band"),
        topic="cannabis",
        source=_MFJ,
        typical=(0.0, 60.0),
        domain="fairness_justice",
        companions=("cases_filed", "declination_rate"),
    ),
    MetricSpec(
        key="exonerations",
        name="Exonerations",
        description=(
            "Number of convictions vacated during the month on the office's motion or with its agreement because of "
            "evidence of innocence or serious misconduct."
        ),
        unit="COUNT",
        numerator="",
        denominator="",
        exclusions="Convictions vacated for procedural reasons and retried; sentence reductions that leave the conviction in place.",
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Exonerations are the visible output of conviction-integrity work. A count of zero may mean either that "
            "no errors exist or that no one is looking, so the measure is read with the number of claims reviewed."
        ),
        disaggregations=("offense_category", "race_ethnicity"),
        topic="innocence-review",
        source=_PPI,
        typical=(0.0, 1.0),
        domain="fairness_justice",
        counting_unit=VACATED_CONVICTION,
        companions=("resentencing_motions_filed", "felony_conviction_rate"),
    ),
    MetricSpec(
        key="resentencing_motions_filed",
        name="Resentencing motions filed",
        description="Number of motions the office filed during the month asking a court to reduce a previously imposed sentence.",
        unit="COUNT",
        numerator="",
        denominator="",
        exclusions="Defense-initiated motions the office merely did not oppose; corrections of clerical sentencing errors.",
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Prosecutor-initiated resentencing is a new tool in many states. The count shows whether the office is "
            "using the authority it has to revisit sentences that no longer serve justice."
        ),
        disaggregations=("offense_category", "race_ethnicity", "sex", "age_band"),
        topic="resentencing",
        source=_JC,
        typical=(0.0, 8.0),
        domain="fairness_justice",
        counting_unit=RESENTENCING_MOTION,
        companions=("median_sentence_days", "incarceration_sentence_rate", "exonerations"),
    ),
    MetricSpec(
        key="felony_caseload_per_attorney",
        name="Felony caseload per attorney",
        description="Average number of open felony cases per full-time attorney assigned to felony work, measured at month end.",
        unit="RATIO",
        numerator="Open felony cases assigned to line attorneys on the last day of the month.",
        denominator="Full-time-equivalent attorneys carrying felony caseloads on the last day of the month.",
        exclusions=(
            "Cases on warrant status; supervisors and attorneys on leave longer than 30 days, who are removed from the "
            "denominator; post-conviction and appellate matters."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Excessive caseloads leave little time for careful screening, discovery review and victim contact, and "
            "drive turnover. The ratio supports budget requests and staffing decisions."
        ),
        disaggregations=(),
        topic="performance-indicators",
        source=_JC,
        typical=(55.0, 110.0),
        domain="capacity_efficiency",
        counting_unit=OPEN_FELONY_CASE,
        companions=(
            "misdemeanor_caseload_per_attorney",
            "staff_retention_rate",
            "median_days_to_disposition",
        ),
    ),
    MetricSpec(
        key="days_to_disposition_p90",
        name="Days to disposition, 90th percentile",
        description=(
            "Number of days from filing to final disposition within which 90 percent of the cases "
            "disposed of during the month were resolved; the slowest tenth of cases took longer."
        ),
        unit="DAYS",
        numerator="",
        denominator="",
        exclusions=(
            "Days during which the case was suspended because the defendant was on warrant status, found "
            "incompetent to stand trial, or in an approved diversion program; cases reopened after "
            "disposition."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "The median shows the typical case but hides the long tail where delay does the most damage. "
            "The 90th percentile tracks the oldest cases, which tie up attorneys, courtrooms and jail beds."
        ),
        disaggregations=("severity", "offense_category"),
        topic="performance-indicators",
        source=_PPI,
        typical=(300.0, 720.0),
        domain="capacity_efficiency",
        companions=("median_days_to_disposition", "cases_disposed", "felony_caseload_per_attorney"),
    ),
    MetricSpec(
        key="pretrial_detention_rate",
        name="Pretrial detention rate",
        description=(
            "Share of cases disposed of during the month in which the defendant stayed in custody from "
            "first appearance until the case was resolved."
        ),
        unit="RATE",
        numerator=(
            "Cases disposed of during the month, filed with a recorded custody status, in which the "
            "defendant was held in custody continuously from first appearance through disposition."
        ),
        denominator=(
            "Cases disposed of during the month that were filed with a recorded custody status at first "
            "appearance, whether in custody or at liberty."
        ),
        exclusions=(
            "Defendants held on an unrelated warrant, detainer or sentence; cases with no custody status "
            "recorded at filing; cases transferred to another jurisdiction before disposition."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Requests and bail amounts are only part of the story: this measure shows how many people "
            "actually stay locked up while presumed innocent. Read it beside the detention and cash bail "
            "request rates to see where detention originates."
        ),
        disaggregations=_ALL,
        topic="bail-pretrial",
        source=_MFJ,
        typical=(0.10, 0.35),
        domain="fairness_justice",
        companions=(
            "pretrial_detention_request_rate",
            "cash_bail_request_rate",
            "rri_detention_request",
        ),
    ),
    MetricSpec(
        key="felony_filing_share",
        name="Felony filing share",
        description=(
            "Share of cases filed during the month in which the most serious charge filed was a felony."
        ),
        unit="RATE",
        numerator="Cases filed during the month whose most serious charge at filing was a felony.",
        denominator="Cases filed during the month at any severity level.",
        exclusions=(
            "Amended or superseding charging documents on a case already filed; probation violation "
            "petitions; felonies later reduced, which are still counted at their severity when filed."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "The choice between a felony and a misdemeanor charge shapes bail, plea leverage and lifelong "
            "consequences. A rising share, or a share that differs across groups for the same offenses, is a "
            "reason to review charging standards."
        ),
        disaggregations=("offense_category", "race_ethnicity", "sex", "age_band"),
        topic="charging-standards",
        source=_MFJ,
        typical=(0.20, 0.40),
        domain="fairness_justice",
        companions=("cases_filed", "felony_conviction_rate", "felony_caseload_per_attorney"),
    ),
    MetricSpec(
        key="diversion_enrollments",
        name="Diversion enrollments",
        description=(
            "Number of people who entered a pre-charge or post-charge diversion program run or recognized "
            "by the office during the month."
        ),
        unit="COUNT",
        numerator="",
        denominator="",
        exclusions=(
            "Offers that were declined or are still pending; people re-entering a program after a short "
            "suspension; court-run specialty dockets the office neither refers to nor supervises."
        ),
        frequency="MONTHLY",
        desired_direction="UP",
        rationale=(
            "Offer rates say how often diversion is proposed; enrollments say how many people actually take "
            "that route. The count also sizes the caseload that programs and their partners have to absorb."
        ),
        disaggregations=_ALL,
        topic="diversion",
        source=_JC,
        typical=(40.0, 180.0),
        domain="community_safety",
        counting_unit=ENROLLEE,
        companions=("diversion_offered_rate", "diversion_completion_rate", "cases_filed"),
    ),
    MetricSpec(
        key="cases_disposed",
        name="Cases disposed",
        description=(
            "Number of filed cases that reached a final disposition during the month, by conviction, "
            "acquittal, dismissal or dismissal after diversion."
        ),
        unit="COUNT",
        numerator="",
        denominator="",
        exclusions=(
            "Cases closed only administratively, such as on warrant status; cases transferred to another "
            "jurisdiction; post-conviction matters and probation violation hearings."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Dispositions set against filings show whether the office is keeping pace with new work or "
            "building a backlog. The count is also the base for the dismissal, plea and time-to-disposition "
            "measures."
        ),
        disaggregations=_ALL,
        topic="performance-indicators",
        source=_JC,
        typical=(900.0, 2100.0),
        domain="capacity_efficiency",
        companions=("cases_filed", "median_days_to_disposition", "dismissal_rate"),
    ),
    MetricSpec(
        key="staff_retention_rate",
        name="Staff retention rate",
        description=(
            "Share of attorneys and other staff on the office payroll at the start of the quarter who were "
            "still employed there at its end."
        ),
        unit="RATE",
        numerator=(
            "Attorneys and staff employed on the first day of the quarter who were still employed by the "
            "office on its last day, in any position."
        ),
        denominator="Attorneys and staff employed by the office on the first day of the quarter.",
        exclusions=(
            "Temporary, seasonal and intern positions; grant-funded positions that ended as scheduled; "
            "departures caused by death."
        ),
        frequency="QUARTERLY",
        desired_direction="UP",
        rationale=(
            "Each departure takes experience and case knowledge with it and shifts work onto the people who "
            "stay. Low retention often follows high caseloads and predicts slower, less careful case "
            "handling."
        ),
        disaggregations=(),
        topic="performance-indicators",
        source=_JC,
        typical=(0.85, 0.97),
        domain="capacity_efficiency",
        counting_unit=STAFF_MEMBER,
        companions=("felony_caseload_per_attorney", "misdemeanor_caseload_per_attorney"),
    ),
    MetricSpec(
        key="victim_contact_median_days",
        name="Median days to victim contact",
        description=(
            "Median number of days from filing to the first substantive contact with an identified victim, "
            "for cases whose first such contact happened during the month."
        ),
        unit="DAYS",
        numerator="",
        denominator="",
        exclusions=(
            "Automated letters and messages with no reply; cases where the victim asked in writing not to be "
            "contacted; cases where the only victim is a business or government entity."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "The timely-contact rate shows how many victims are reached within two weeks; this measure shows "
            "how long the wait usually is, so gains and slippage show up before the threshold is crossed."
        ),
        disaggregations=("offense_category",),
        topic="victim-notification",
        source=_PPI,
        typical=(3.0, 20.0),
        domain="community_safety",
        companions=("victim_contact_rate", "restitution_collected"),
    ),
    MetricSpec(
        key="median_days_to_charging_decision",
        name="Median days to charging decision",
        description=(
            "Median number of days from the office's receipt of a referral to its decision to file, decline "
            "or divert, for referrals decided during the month."
        ),
        unit="DAYS",
        numerator="",
        denominator="",
        exclusions=(
            "Days while a referral was returned to the agency for further investigation; referrals received "
            "with the defendant already charged by a grand jury; referrals still undecided at month end."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "A slow charging decision leaves victims without answers and suspects in limbo, sometimes in "
            "custody. Quick, well-supported decisions at intake also reduce later dismissals."
        ),
        disaggregations=("severity", "offense_category"),
        topic="case-screening",
        source=_PPI,
        typical=(7.0, 45.0),
        domain="capacity_efficiency",
        companions=("cases_referred", "declination_rate", "median_days_to_disposition"),
    ),
    MetricSpec(
        key="misdemeanor_caseload_per_attorney",
        name="Misdemeanor caseload per attorney",
        description=(
            "Average number of open misdemeanor cases per full-time attorney assigned to misdemeanor work, "
            "measured at month end."
        ),
        unit="RATIO",
        numerator="Open misdemeanor cases assigned to line attorneys on the last day of the month.",
        denominator=(
            "Full-time-equivalent attorneys carrying misdemeanor caseloads on the last day of the month."
        ),
        exclusions=(
            "Cases on warrant status; supervisors and attorneys on leave longer than 30 days, who are "
            "removed from the denominator; traffic infractions and other non-criminal matters."
        ),
        frequency="MONTHLY",
        desired_direction="DOWN",
        rationale=(
            "Misdemeanor dockets are where most people meet the justice system, and they are often staffed "
            "by the newest attorneys. Very high ratios leave no time to screen, divert or talk with victims."
        ),
        disaggregations=(),
        topic="performance-indicators",
        source=_JC,
        typical=(150.0, 400.0),
        domain="capacity_efficiency",
        counting_unit=OPEN_MISDEMEANOR_CASE,
        companions=("felony_caseload_per_attorney", "staff_retention_rate", "cases_filed"),
    ),
    MetricSpec(
        key="rri_declination",
        name="Relative rate index: declination",
        description=(
            "For each racial or ethnic group, its declination rate divided by the declination rate of white "
            "defendants. The network computes it from the race cells of the declination rate that each "
            "office has already released; it is never uploaded. A suppressed base cell gives a suppressed "
            "index, and the total row has no value."
        ),
        unit="RATIO",
        numerator="The declination rate of the group's screened referrals in the month.",
        denominator="The declination rate of the reference group's (white) screened referrals in the month.",
        exclusions=(
            "Everything excluded from the declination rate. No index is shown where the group's cell or the "
            "reference cell was suppressed."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "An index near 1 means groups are declined at similar rates. Values far from 1 do not prove "
            "bias, but they point to where screening decisions deserve a closer look."
        ),
        disaggregations=("race_ethnicity",),
        topic="disparity-analysis",
        source=_PPI,
        typical=(0.7, 1.6),
        domain="fairness_justice",
        companions=("declination_rate", "rri_diversion_offer", "rri_dismissal"),
        derived_from="declination_rate",
        reference="white",
    ),
    MetricSpec(
        key="rri_diversion_offer",
        name="Relative rate index: diversion offer",
        description=(
            "For each racial or ethnic group, its diversion offer rate divided by the offer rate of white "
            "defendants. The network computes it from the race cells of the diversion offer rate that each "
            "office has already released; it is never uploaded. A suppressed base cell gives a suppressed "
            "index, and the total row has no value."
        ),
        unit="RATIO",
        numerator="The diversion offer rate of the group's eligible cases in the month.",
        denominator="The diversion offer rate of the reference group's (white) eligible cases in the month.",
        exclusions=(
            "Everything excluded from the diversion offer rate. No index is shown where the group's cell or "
            "the reference cell was suppressed."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Because the base rate already counts only eligible cases, an index below 1 means a group that "
            "qualifies for diversion is offered it less often, which the office can act on directly."
        ),
        disaggregations=("race_ethnicity",),
        topic="disparity-analysis",
        source=_PPI,
        typical=(0.7, 1.6),
        domain="fairness_justice",
        companions=("diversion_offered_rate", "diversion_enrollments", "rri_declination"),
        derived_from="diversion_offered_rate",
        reference="white",
    ),
    MetricSpec(
        key="rri_detention_request",
        name="Relative rate index: detention request",
        description=(
            "For each racial or ethnic group, its pretrial detention request rate divided by the request "
            "rate for white defendants. The network computes it from the race cells of the detention request "
            "rate that each office has already released; it is never uploaded. A suppressed base cell gives "
            "a suppressed index, and the total row has no value."
        ),
        unit="RATIO",
        numerator="The pretrial detention request rate of the group's in-custody filed cases in the month.",
        denominator=(
            "The pretrial detention request rate of the reference group's (white) in-custody filed cases."
        ),
        exclusions=(
            "Everything excluded from the pretrial detention request rate. No index is shown where the "
            "group's cell or the reference cell was suppressed."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Detention requests are among the most consequential decisions a prosecutor makes early in a "
            "case. The index shows whether they fall more heavily on some groups than others."
        ),
        disaggregations=("race_ethnicity",),
        topic="disparity-analysis",
        source=_PPI,
        typical=(0.7, 1.6),
        domain="fairness_justice",
        companions=(
            "pretrial_detention_request_rate",
            "pretrial_detention_rate",
            "cash_bail_request_rate",
        ),
        derived_from="pretrial_detention_request_rate",
        reference="white",
    ),
    MetricSpec(
        key="rri_incarceration_sentence",
        name="Relative rate index: incarceration sentence",
        description=(
            "For each racial or ethnic group, its incarceration sentence rate divided by the rate for white "
            "defendants. The network computes it from the race cells of the incarceration sentence rate that "
            "each office has already released; it is never uploaded. A suppressed base cell gives a "
            "suppressed index, and the total row has no value."
        ),
        unit="RATIO",
        numerator="The incarceration sentence rate of the group's cases sentenced in the month.",
        denominator=(
            "The incarceration sentence rate of the reference group's (white) cases sentenced in the month."
        ),
        exclusions=(
            "Everything excluded from the incarceration sentence rate. No index is shown where the group's "
            "cell or the reference cell was suppressed."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "Disparities at sentencing accumulate everything that happened earlier in the case. Read beside "
            "the indices for earlier stages, it helps locate where a gap first opens."
        ),
        disaggregations=("race_ethnicity",),
        topic="disparity-analysis",
        source=_PPI,
        typical=(0.7, 1.6),
        domain="fairness_justice",
        companions=("incarceration_sentence_rate", "median_sentence_days", "rri_detention_request"),
        derived_from="incarceration_sentence_rate",
        reference="white",
    ),
    MetricSpec(
        key="rri_dismissal",
        name="Relative rate index: dismissal",
        description=(
            "For each racial or ethnic group, its dismissal rate divided by the dismissal rate of white "
            "defendants. The network computes it from the race cells of the dismissal rate that each office "
            "has already released; it is never uploaded. A suppressed base cell gives a suppressed index, "
            "and the total row has no value."
        ),
        unit="RATIO",
        numerator="The dismissal rate of the group's cases disposed of in the month.",
        denominator="The dismissal rate of the reference group's (white) cases disposed of in the month.",
        exclusions=(
            "Everything excluded from the dismissal rate. No index is shown where the group's cell or the "
            "reference cell was suppressed."
        ),
        frequency="MONTHLY",
        desired_direction="NEUTRAL",
        rationale=(
            "A group whose cases are dismissed more often may be charged on weaker evidence to begin with. "
            "Together with the declination index, it tests whether screening is applied evenly."
        ),
        disaggregations=("race_ethnicity",),
        topic="disparity-analysis",
        source=_PPI,
        typical=(0.7, 1.6),
        domain="fairness_justice",
        companions=("dismissal_rate", "rri_declination", "felony_filing_share"),
        derived_from="dismissal_rate",
        reference="white",
    ),
)
