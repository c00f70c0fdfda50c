"""Words that tell a name from an ordinary capitalised word, in prosecutors' prose.

Kept as data, apart from the logic in `persons`, so that a missed name or a false alarm
is usually fixed by adding a word here.
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles written before a person's name ("Officer Ruiz", "Sgt. Ellis", "Mr. Haskins").
PERSON_TITLES = _words(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Miss Mx. Dr Dr. Officer Ofc. Off. Detective Det. Deputy Dep.
    Sgt Sgt. Sergeant Lt. Lieut. Lieutenant Cpl. Corporal Capt. Captain Trooper Tpr.
    Agent Investigator Inspector Insp. Chief Patrolman Patrolwoman Constable Marshal
    Warden Nurse Professor Prof. Coach Pastor Reverend Rev. Father Attorney Atty.
    Advocate Counselor Paralegal Supervisor Dispatcher Ranger Specialist Analyst
    Technician Examiner Commander Major Colonel Col. Sheriff's Probation Parole Sister
    Brother Aunt Uncle Grandma Grandpa ADA AUSA APD DDA ASA PO Coordinator Director
    Navigator Manager Officers Deputies Detectives Troopers Agents Sergeants Investigators
    Inspectors Attorneys Sra. Srta. Doña Señora Señor Madam Judge Justice Councilmember
    Councilman Councilwoman Councillor Commissioner Senator Sen. Representative Rep.
    Assemblymember Assemblyman Assemblywoman Alderman Alderwoman Mayor Trustee
    """
)

# Multi-word titles that end with a word from PERSON_TITLES or a role noun.
PERSON_TITLE_PHRASES = (
    "Special Agent",
    "Public Defender",
    "Assistant Public Defender",
    "Deputy Public Defender",
    "Defense Attorney",
    "Defense Counsel",
    "Assistant District Attorney",
    "Deputy District Attorney",
    "Assistant State's Attorney",
    "Assistant Prosecutor",
    "Assistant Prosecuting Attorney",
    "Assistant County Attorney",
    "Assistant U.S. Attorney",
    "Assistant United States Attorney",
    "Probation Officer",
    "Parole Officer",
    "Case Manager",
    "Victim Advocate",
    "Social Worker",
    "Assistant State's Attorneys",
    "Assistant District Attorneys",
    "Deputy District Attorneys",
    "Chief Deputy",
    "Chief Deputy Public Defender",
    "Detention Deputy",
    "Detention Deputies",
    "Detention Officer",
    "Correctional Officer",
    "Medical Examiner",
    "School Resource Officer",
)

# Lower-case nouns that introduce a name ("the victim, Latoya Greene,"; "defendant Boyd").
ROLE_WORDS = _words(
    """
    defendant defendants co-defendant codefendant victim victims complainant complaining
    witness witnesses suspect suspects informant juvenile minor decedent respondent
    petitioner plaintiff appellant inmate offender probationer parolee arrestee detainee
    client mother father brother sister son daughter stepson stepdaughter stepfather
    stepmother wife husband spouse girlfriend boyfriend partner fiancé fiancée cousin aunt
    uncle nephew niece grandmother grandfather grandson granddaughter neighbor neighbour
    roommate friend coworker co-worker employee employer manager clerk cashier driver
    passenger owner landlord tenant officer officers detective deputy sergeant trooper
    agent attorney counsel lawyer prosecutor advocate caseworker nurse doctor physician
    teacher principal coach student child children baby infant toddler teen teenager
    boy girl man woman guardian caregiver babysitter pastor bartender bouncer security
    guard dispatcher examiner analyst investigator supervisor associate accomplice
    named called alias aliases aka a/k/a f/k/a n/k/a nee née navigator chief coordinator contact
    facilitator mentor sponsor participant referral youth party
    parents parent landlord landlady applicant interpreter grandson granddaughter
    co-defendants patron caller homeowner resident victim's mom dad stepdad stepmom ex
    ex-husband ex-wife ex-boyfriend ex-girlfriend fiance hija hijo esposo esposa madre
    padre hermana hermano víctima sra sr srta
    """
)

# Phrases that introduce a name regardless of role ("known to her as J. Pruitt").
INTRODUCERS = ("known as", "identified as", "identified himself as", "identified herself as")

# Titles of the public officials whose names are part of the public record in a policy:
# judges and the elected prosecutor (an assistant is staff: "Assistant District Attorney"
# is in PERSON_TITLE_PHRASES and wins).
OFFICIAL_TITLES = (
    "Chief Justice",
    "Justice",
    "Judge",
    "Chief Judge",
    "Magistrate Judge",
    "Magistrate",
    "Hon.",
    "Honorable",
    "District Attorney",
    "State's Attorney",
    "State’s Attorney",
    "Commonwealth's Attorney",
    "Commonwealth’s Attorney",
    "Prosecuting Attorney",
    "County Attorney",
    "Attorney General",
    "DA",
    "D.A.",
    "U.S. Attorney",
    "United States Attorney",
    "Solicitor General",
)

# Words after which a capitalised run names a place or an organisation, not a person
# ("Marion County", "Oakmont Avenue", "Jackson Memorial Hospital").
ORG_FOLLOWERS = _words(
    """
    County Counties City Town Township Village Parish Borough State States District
    Circuit Superior Supreme Municipal Justice Court Courts Courthouse Street St St.
    Avenue Ave Ave. Road Rd Rd. Boulevard Blvd Blvd. Drive Dr Lane Ln Way Place Pl
    Terrace Parkway Pkwy Highway Hwy Trail Square Plaza Circle Bridge Park Lake River
    Creek Beach Heights Hills Valley Springs Falls Island Harbor Bay Center Centre Hall
    Hospital Clinic Medical Memorial University College School Academy Institute
    Foundation Church Library Museum Hotel Motel Inn Mall Market Store Bank Company
    Corporation Corp Corp. Inc Inc. LLC LLP Group Associates Partners Department Dept
    Dept. Police Sheriff Sheriff's Bureau Office Agency Service Services Administration
    Commission Committee Council Board Authority Unit Division Task Force Team Program
    Project Initiative Act Law Rule Rules Amendment Code Statute Fund Network Coalition
    Alliance Jail Prison Penitentiary Correctional Corrections Detention Facility Airport
    Station Stadium Arena Apartments Tower Towers Building Gardens Estates Manor Village
    Report Protocol Model Method Scale Index Test Doctrine Hearing Motion Warning Warnings
    Material Rule Standard Review Project's Avenue's Supply Supplies Restaurant Cafe Bar
    General League Zion Baptist Methodist Temple Mosque Synagogue Ministries Tabernacle
    Precinct Precincts Barracks Substation Headquarters
    Grill Shop Pharmacy Foods Auto Motors Repair Logistics Construction Insurance Realty
    Properties Holdings Industries Systems Solutions Trust Credit Union Club Lodge Camp
    Correctional Institution Courthouse Prosecutor's Prosecutors Attorney's
    """
)

# Words before which a capitalised run is a place ("City of Jackson", "Fort Wayne").
PLACE_PRECEDERS = _words(
    """
    Fort Ft. Mount Mt. Saint San Santa Los Las Lake Port New North South East West
    Upper Lower Grand Glen Palm
    """
)
PLACE_OF = (
    "City of",
    "County of",
    "State of",
    "Town of",
    "Village of",
    "Township of",
    "Commonwealth of",
    "District of",
    "Parish of",
    "Borough of",
    "University of",
)

# Lower-case legal nouns: "Brady material", "Miranda warnings", "Terry stop" name a
# doctrine or a published case, not a person in the file.
DOCTRINE_NOUNS = _words(
    """
    material materials warning warnings rule rules stop stops list lists challenge
    challenges waiver waivers hearing hearings motion motions obligation obligations
    disclosure disclosures request requests violation violations error errors analysis
    test standard doctrine claim claims exception exceptions issue issues factor factors
    notice letter letters line cases case decision holding charge instruction range
    number numbers stamp stamps warrant warrants search searches order orders
    """
)

# Ordinary English words that are also names in the census lists ("Will", "May",
# "Grant", "White"). Alone, or paired with another such word ("Grant Park"), they are
# not taken for a name; a title, a role or an earlier full name still makes them one.
COMMON_WORDS = _words(
    """
    Will May June April August March Grant Chase Mark Bill Art Faith Hope Joy Rose Dawn
    Summer Autumn Winter Spring Guy Frank Miles Page Long Lane Sterling Young King Bell
    Price Rich Gay Love Way Hill Wood Woods Field Fields Stone Banks Brook Brooks Justice
    Black White Brown Green Gray Grey Blue Golden Silver Law Case Judge Court Street Park
    House Hall Church Cross Ford Rice Bush Lamb Fox Wolf Bird Crane Swan Hunter Fisher
    Cook Baker Miller Mason Carpenter Turner Porter Walker Rider Driver Painter Singer
    Parker Taylor Cooper Butler Gardner Barber Fowler Weaver Marshal Marshall Sheriff
    Bishop Pope Dean Major General Governor Senator Sergeant Constable Warden Pastor
    Deacon Day Knight Morning Noon Friday Christmas Easter Memorial Independence Labor
    Freeman Free Best Good Small Short Little Large Strong Hardy Wise Swift Sharp Bright
    Keen Noble Poor Sell Sale Sales Bond Banker Cash Money Pay Cost Worth Land Lands
    Rivers River Lake Lakes Pond Marsh Beach Shore Bay Christian Angel Trinity Temple
    Chapel Grace Mercy Charity Constance Prudence Patience Harmony Honor Trust Union
    Liberty Freedom Victory Wills Ward Wards Post Bolt Nail Spear Shields Shield Power
    Powers Force Streets English French Irish Scott German Dutch Welsh Norman Roman
    Asian African American Indian Native Major Early Late Hale Eve Moody Gentry Pierce Chance
    Sharp Storm Rain Snow Frost Sun Moon Star North South East West Person Child Jury
    Bail Trial Guard Cross Friend Friends Hearing Charge Chancellor Battle Fight Gross
    Rule Rules Judd Lord Lawless Hurt Harm Kill Killer Burke Branch Root Street Walls
    """
)

# Names that, in this prose, mostly stand for a doctrine, a published case or a place
# ("Brady material", "Miranda warnings", "Marion County"). Alone they are not taken for
# a person; in a full name ("Allen Harris") they are.
REFERENCE_NAMES = _words(
    """
    Brady Giglio Miranda Batson Terry Gideon Strickland Faretta Marsden Pitchess Franks
    Mapp Wade Roe Escobedo Bruton Crawford Apprendi Blakely Booker Padilla Lafler Frye
    Santobello Kastigar Jencks Chapman Kyles Agurs Bagley Napue Youngblood Trombetta
    Dunaway Garner Graham Riley Jardines Kyllo Katz Heien Rosario Sandoval Huntley
    Molineux Ventimiglia Allen Arbuckle Harvey Cruz Tarasoff Daubert Kelly Hobbs Leon
    Gates Aguilar Spinelli Chimel Gant Mincey Payton Dickerson Edwards Seibert Elstad
    Mosley Innis Harris Ramos Tennessee Washington Virginia Georgia Carolina Dakota Montana
    Nevada Florida Indiana Alabama Maryland Jersey York Houston Dallas Austin Jackson
    Lincoln Madison Charlotte Phoenix Denver Columbus Cleveland Raleigh Memphis Nashville
    Louisville Trenton Lansing Salem Eugene Tyler Lawrence Orlando Tampa Marion Hamilton
    Clinton Franklin Warren Monroe Jefferson Lee Wayne Kent Douglas Fulton Allegheny
    Maricopa Summit Union Bristol Essex Hudson Dayton Springfield Akron Toledo Aurora
    Boulder Pueblo Reno Fresno Bakersfield Chandler Mesa Irving Plano Arlington Garland
    Laredo Tucson Durham Wilson Greene Stockton Sacramento Oakland Portland Seattle Boston
    Atlanta Detroit Chicago Baltimore Milwaukee Albuquerque Omaha Wichita Tulsa Buffalo
    Rochester Syracuse Albany Richmond Norfolk Charleston Savannah Mobile Jackson Shreveport
    Lafayette Augusta Macon Athens Berkeley Pasadena Glendale Burbank Anaheim Riverside
    Ventura Monterey Salinas Modesto Merced Vallejo Eureka Medford Bend Spokane Tacoma
    Everett Yakima Olympia Boise Helena Billings Casper Cheyenne Lincoln Topeka Bismarck
    Fargo Pierre Duluth Peoria Joliet Elgin Gary Hammond Evansville Lexington Frankfort
    Dover Camden Newark Paterson Hartford Providence Concord Montpelier Burlington Augusta
    Bangor Amherst Worcester Lowell Cambridge Quincy Lynn Brockton Scranton Erie Reading
    Lancaster Harrisburg Allentown Bethlehem Wilmington Annapolis Alexandria Roanoke Durham
    Asheville Greenville Columbia Clemson Macon Valdosta Tallahassee Gainesville Ocala
    Sarasota Naples Miami Hialeah Pensacola Huntsville Montgomery Tuscaloosa Biloxi
    Hattiesburg Jonesboro Conway Rogers Bentonville Fayetteville Tyler Waco Beaumont Odessa
    Midland Abilene Amarillo Lubbock Denton Killeen Temple Brownsville Mcallen Harlingen
    Victoria Corpus Christi Galveston Pearland Sugar Norman Lawton Edmond Stillwater
    Alaska Arizona Arkansas California Colorado Connecticut Delaware Hawaii Idaho Illinois
    Iowa Kansas Kentucky Louisiana Maine Massachusetts Michigan Minnesota Mississippi
    Missouri Nebraska Hampshire Mexico Ohio Oklahoma Oregon Pennsylvania Rhode Island Texas
    Utah Vermont Wisconsin Wyoming Hayward Oakland Fremont Stockton Modesto
    """
)

# Vehicle makes: "a 2018 Kia Soul" is a car, not a person.
VEHICLE_MAKES = _words(
    """
    Acura Audi BMW Buick Cadillac Chevrolet Chevy Chrysler Dodge Fiat Ford GMC Genesis
    Honda Hummer Hyundai Infiniti Isuzu Jaguar Jeep Kia Lexus Lincoln Mazda Mercedes
    Mercury Mini Mitsubishi Nissan Oldsmobile Plymouth Pontiac Porsche Ram Saab Saturn
    Scion Subaru Suzuki Tesla Toyota Volkswagen VW Volvo Harley Yamaha Kawasaki
    """
)

# Titles that are also surnames ("Bishop", "Coach"): they introduce a name only at the
# head of a run of three or more words ("Bishop Lawrence Okonjo").
SOFT_TITLES = _words("Bishop Pastor Elder Deacon Imam Rabbi Coach Reverend Father Brother Sister")

# Capitalised words that are never a person's name here, even after a title
# ("Officer Safety", "Deputy Chief", "Detective Bureau").
HARD_STOP = _words(
    """
    The A An And Or But Nor For So Yet Of In On At To From By With Without Within Into
    Onto Upon About Above Below Under Over After Before During Since Until Through
    Between Among Against Across Along Around Behind Beyond Despite Except Per Via Vs
    This That These Those There Here Then Than Thus Hence Also Each Every Any All Some
    Many Most Much More Less Few Several Both Either Neither None No Not Only Other
    Another Such Same Own Very Just Even Still Once Twice Again Always Never Often
    It Its He She His Her Him They Them Their We Our Us You Your I My Me Who Whom
    Whose Which What When Where Why How If Whether While Because Although Though Unless
    Is Are Was Were Be Been Being Has Have Had Do Does Did Can Could Shall Should Would
    Must Might Yes Okay Ok Please Thanks Thank Dear Hi Hello Re Fwd Fw Subject Sent Date
    Cc Bcc Attachments Attachment Regards Sincerely Respectfully Best Cheers Warmly
    Office Offices Unit Units Division Bureau Department Dept Section Team Program
    Programs Project Projects Service Services Safety Security Support Services Staff
    Policy Policies Procedure Procedures Protocol Protocols Guideline Guidelines Manual
    Memo Memorandum Report Reports Review Reviews Summary Background Purpose Scope
    Definitions Definition Authority Applicability Effective Responsibilities Exceptions
    Discussion Analysis Findings Finding Recommendation Recommendations Conclusion
    Conclusions Outcome Outcomes Result Results Facts Fact Issue Issues Question Answer
    Overview Introduction Appendix Attachment Exhibit Table Figure Note Notes Update
    Court Courts Judge Judges Justice Justices Jury Grand Trial Trials Hearing Hearings
    Motion Motions Order Orders Warrant Warrants Subpoena Indictment Information
    Complaint Charge Charges Count Counts Plea Pleas Sentence Sentencing Sentences
    Probation Parole Bail Bond Release Pretrial Diversion Deferred Adjudication Dismissal
    Conviction Convictions Acquittal Verdict Appeal Appeals Appellate Supreme Superior
    Circuit District Municipal Juvenile Family Criminal Civil Felony Felonies
    Misdemeanor Misdemeanors Infraction Violation Violations Offense Offenses Crime Crimes
    Domestic Violence Sexual Assault Battery Robbery Burglary Theft Larceny Fraud Homicide
    Murder Manslaughter Kidnapping Trafficking Narcotics Drug Drugs Gang Gangs Firearm
    Firearms Weapon Weapons Vehicle Vehicles Traffic Dui Dwi Ovi Impaired Driving
    State States County Counties City Cities Town Village Township Parish Commonwealth
    People Government Nation National Federal Public Private General Special Senior
    Junior Assistant Deputy Chief Head Lead Acting Interim Former Current New Old
    Defendant Defendants Victim Victims Witness Witnesses Complainant Suspect Suspects
    Plaintiff Petitioner Respondent Appellant Appellee Prosecutor Prosecutors Prosecution
    Defense Defender Defenders Counsel Attorney Attorneys Lawyer Lawyers Officer Officers
    Detective Detectives Police Sheriff Sheriffs Trooper Troopers Agent Agents Clerk
    Clerks Staff Member Members Director Directors Manager Managers Coordinator
    Coordinators Supervisor Supervisors Advocate Advocates Specialist Specialists Analyst
    Analysts Investigator Investigators Administrator Administrators Commissioner
    Committee Council Board Commission Agency Agencies Association Center Centers Institute
    Act Acts Code Codes Statute Statutes Law Laws Rule Rules Amendment Amendments Title
    Chapter Article Articles Part Parts Subsection Paragraph Clause Constitution
    January February March July September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Today Tomorrow Yesterday Morning Afternoon Evening Night
    First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth One Two Three Four
    Five Six Seven Eight Nine Ten Hundred Thousand Million Percent Number Numbers
    North South East West Northern Southern Eastern Western Central Upper Lower
    American Americans English Spanish Hispanic Latino Latina Latinx Asian African Native
    Indian Caucasian
    Data Database System Systems Form Forms Template Templates Checklist Email Emails
    Phone Phones Call Calls Text Texts Letter Letters Mail Address Addresses Website
    Online Internet Social Media Video Videos Photo Photos Body Camera Cameras Evidence
    Training Education Treatment Health Mental Behavioral Substance Abuse Recovery Housing
    Employment Community Communities Restorative Reentry Re-entry Youth Adult Adults
    Women Men Children Child Family Families Person Persons Individual Individuals
    Step Steps Phase Phases Stage Stages Level Levels Tier Tiers Category Categories
    Type Types Class Classes Degree Degrees Grade Risk Needs Assessment Assessments Score
    Goal Goals Objective Objectives Measure Measures Metric Metrics Data Rate Rates
    Total Totals Average Median Mean Range Sample Study Studies Research Evaluation
    Pilot Model Models Approach Practice Practices Brief Briefs Write-up Writeup Lessons
    Learned Key Takeaways Takeaway Context Problem Problems Solution Solutions Action
    Actions Next Steps Contact Contacts Questions Comments Feedback Approved Approval
    Signed Signature Name Names Role Roles Position Title Titles Organization
    Jail Prison Prisons Correctional Corrections Detention Custody Arrest Arrests Booking
    Bookings Charging Filing Filings Screening Intake Investigation Investigations Case
    Cases File Files Docket Dockets Citation Citations Ticket Tickets Record Records
    Discovery Disclosure Covid Covid-19 Coronavirus
    Pandemic Emergency Crisis Response Recovery Fiscal Year Years Month Months Week
    Weeks Days Hour Hours Minute Minutes Quarter Quarterly Annual Annually Monthly
    Weekly Daily Budget Funding Grants Cost Costs Fee Fees Fine Fines Restitution
    Ethics Ethical Professional Conduct Responsibility Bar Model Standards Standard
    Conviction Integrity Unit Innocence Wrongful Exoneration Exonerations Clemency
    Pardon Expungement Sealing Record Clean Slate Second Chance Ban Box
    Internal External Affairs Operations Administration Administrative Management
    Human Resources Finance Legal Technology Information Communications Media Relations
    Press Release Releases Statement Statements News Newsletter Bulletin Announcement
    Note Attention Important Warning Caution Confidential Draft Final Revised Version
    Medicaid Medicare Veterans Veteran Military Army Navy Marine Marines Air Guard
    Democrat Democrats Republican Republicans Democratic Congress Senate House Assembly
    Legislature Legislative Governor Mayor President Secretary Treasurer Chair Chairman
    Chairwoman Chairperson Vice Board Trustees Member
    God Lord Jesus Bible Church
    Route Routes Highway Interstate Exit Suite Room Floor Building Box Lot Apt Register
    Age Lieu Citizen Citizens Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Co Payment
    Payments Automated Request Requests Paralegals Paralegal Inmate Inmates Cause Parent
    Parents Supervising Presiding Reason Reasons Vehicular All Everyone Folks Teams
    Colleagues Gentlemen Ladies Sir Madam Check Checks Status Applicant Responsible Party
    Assignments Assignment Attending Present Absent Agenda Minutes Action Items Item
    Follow-up Followup Open Closed Pending Yes No Signature Reviewer Supervisor's
    Tribunal Condado Corte Juzgado Fiscalía Oficina Access Language
    Dob Ssn Dl Ol Oln Aka Fka Vin Otn Sid Fbi Pob Dpob Ht Wt Sex Race Eyes Hair Afis Ncic
    Vietnamese Somali Haitian Creole Tagalog Arabic Mandarin Cantonese Chinese Korean Russian
    Portuguese Hmong Punjabi Farsi Persian Amharic Tigrinya Swahili Ukrainian Polish Hindi
    Urdu Bengali Japanese Italian Greek Navajo Burmese Nepali Khmer Lao Thai Pashto
    Dari Haitian-Creole
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky Md Mass Mich Minn
    Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo Cal Const Stat Supp
    App Rptr Crim Proc Evid Ann Rev Gen Sess Laws Dist Ct Cir Cty Dept Div Corp Inc Ltd
    Prosecutors Prosecutor's Attorneys Sheriff's
    """
)

# Lower-case words that are census names but, in notes, ordinary words ("def held",
# "mom asked"): lower-case names are only read where these are not.
LOWER_STOP = _words(
    """
    a an the and or but nor for so yet of in on at to from by with without within into
    onto upon about above below under over after before during since until through
    between among against across along around behind beyond per via vs this that these
    those there here then than thus also each every any all some many most much more less
    few several both either neither none no not only other another such same own very
    just even still once twice again always never often it its he she his her him they
    them their we our us you your i my me who whom whose which what when where why how if
    whether while because although though unless is are was were be been being has have
    had do does did can could shall should would must might may will yes ok okay please
    thanks thx said says say told tell tells asked asks ask called calls call stated
    states reported reports report arrived left went came come comes gone got get gets
    took take takes made make makes found find finds saw see sees seen heard hear knew
    know knows gave give gives held hold holds kept keep keeps ran run runs fled walked
    drove driving drive drives wants want wanted needs need needed agrees agreed agree
    declined declines decline denied denies deny admits admitted admit says per re cc
    new old good bad best better worse long short high low big small little young late
    early next last first second third same prior later now today tomorrow yesterday
    still well back away home work house car van truck man woman boy girl child kid kids
    baby mom dad son daughter wife husband friend family people person guy guys folks
    case cases file files court judge jury trial plea deal bond bail fine fines charge
    charges count counts law rule rules note notes time times day days week weeks month
    year years am pm hr hrs min mins via w/ w/o b/c re: fyi asap tbd na n/a
    rose hope joy faith grace mark bill art grant chase frank miles page lane king price
    rich love way hill wood field stone banks brooks black white brown green gray grey
    street park hall church cross ford rice bush fox wolf cook bishop dean major general
    check read unavailable available able unable guilty innocent present absent
    knight small short little strong hardy wise sharp bright noble bond cash land rivers
    ward post power powers will may june april august march summer winter dawn guy
    carol pat sue rob jack ray gene lance don sterling bob nick penny sandy rusty dusty
    cliff glen dale forest heath holly ivy iris daisy lily violet ruby pearl crystal
    amber jade rocky buck hunter chance chip rod sonny sunny sky storm rain snow jean
    """
)

# Words that open a paragraph with a comma without addressing anyone ("However, the...").
DISCOURSE_WORDS = _words(
    """
    However Therefore Meanwhile Finally Also Additionally Again First Second Third Next
    Then Instead Otherwise Overall Yesterday Today Tomorrow Here There Now Please Thanks
    Sorry Yes No Ok Okay Well Anyway Sure Still Since Because Although Though Unless Once
    Later Earlier Similarly Likewise Further Furthermore Moreover Nevertheless Nonetheless
    Accordingly Consequently Hence Thus Indeed Notably Importantly Specifically
    Ultimately Initially Currently Previously Recently Generally Typically Usually
    Honestly Frankly Basically Fortunately Unfortunately Hopefully Regardless Anyhow
    Besides Afterward Afterwards Nonetheless Personally Practically Separately Briefly
    Respectfully Sincerely Team Everyone Folks Colleagues All Hi Hello Hey Dear
    """
)

# Words a Title Case heading leaves in lower case ("Screening of Cases in Drug Court").
TITLE_SMALL_WORDS = _words(
    "a an the of for and or nor to in on at by with from as vs via per into over under"
)
