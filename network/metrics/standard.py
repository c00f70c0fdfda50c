"""Standard monthly performance metrics for prosecutor offices.

A fixed catalogue of measures that participating offices can report each month and
compare with peers. The definitions are the network's own wording, modelled loosely
on the Prosecutorial Performance Indicators, Measures for Justice and Justice Counts;
they are not quotations from those projects. ``typical`` gives a plausible range of
monthly values for a mid-size office serving roughly 500,000 residents and is used
for demo data and sanity checks, not as a benchmark.
"""

from dataclasses import dataclass


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
    ),
)
