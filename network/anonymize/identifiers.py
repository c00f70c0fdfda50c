"""Recognizers for the numbers and strings that identify a case or a person.

Each is a Presidio pattern recognizer (`contextual.ContextPatternRecognizer`). Formats
that are distinctive on their own (`2023-CF-004512`, an SSN, an email) score on their own;
formats that are only digits and letters (a plate, a booking number) count only right
after the words that say what they are, and dates only as dates of birth.

Scores: 0.85 and above, the format and its context agree; 0.5 to 0.85, a distinctive
format alone (blocking: the author must decide); below 0.5, a weak guess shown to the
author (`analyzer.BLOCKING_SCORE`).
"""

import re
from typing import Any

from network.anonymize import vocabulary
from network.anonymize.contextual import ContextPatternRecognizer
from network.anonymize.contextual import StdlibPattern as Pattern
from network.anonymize.entities import EntityType
from network.anonymize.presidio import RecognizerResult

# Characters that may not touch an identifier on either side.
_L = r"(?<![\w/-])"
_R = r"(?![\w/-])"
# "No.", "Number", "#", "ID" or a form's ":" and "|", with the punctuation around them.
_NO = r"\s{0,2}(?:(?:no\.?|nos\.?|number|num\.?|#|id\.?)\s{0,2}[:.]?|[:|])\s{0,2}\(?"


def _after(label: str, value: str) -> str:
    """A label followed by the identifier; only the identifier (the `value` group) is
    the finding. Faster than a look-behind, which runs at every position."""
    return f"(?:{label})(?P<value>{value})"


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)


def case_numbers() -> ContextPatternRecognizer:
    labels = (
        r"case|docket|cause|indictment|ind\.|information|citation|matter|complaint|warrant"
        r"|ticket|petition|appeal|incident|report|otn|accusatory instrument|n[úu]mero de caso"
        r"|caso|expediente|protection order|restraining order|file(?=\s{0,2}(?:no|#|number))"
    )
    number = (
        r"(?:(?-i:[A-Z]{1,2}) )?[A-Z]{0,5}-?\d[\w]*(?:[-/:.][\w]+)*(?: (?-i:[A-Z]{3})(?![\w]))?"
    )
    patterns = [
        # 2023-CF-004512, 2023 CF 004512, 22 CF 1187
        Pattern(
            "year-code-serial",
            _L + r"(?:(?:19|20)?\d{2})(?:-[A-Z]{1,5}-|[ ](?-i:[A-Z]{1,5})[ ])\d{3,8}" + _R,
            0.7,
        ),
        # CR-22-1234, CPC-2024-001234, CR-23-681244-A
        Pattern(
            "code-year-serial",
            _L + r"(?!BK|BKG)[A-Z]{1,5}-\d{2,4}-\d{3,8}(?:-[A-Z0-9]{1,4})?" + _R,
            0.65,
        ),
        # 21CR01234, 2021CF000812
        Pattern("compact", _L + r"(?:\d{2}|(?:19|20)\d{2})[A-Z]{1,4}\d{4,8}" + _R, 0.6),
        # 4:19-cr-00231, 4:22-cr-00117-GKF
        Pattern("federal", _L + r"\d{1,2}:\d{2}-[A-Z]{2,4}-\d{3,6}(?:-[A-Z]{1,4})*" + _R, 0.8),
        # 49G05-2107-F5-022154, CP-51-CR-0001234-2022, 27-JV-23-1184, 22-004512-FH
        Pattern(
            "multi-part",
            _L
            + r"(?=[\w-]*(?-i:[A-Z]))(?=(?:[\w-]*\d){4})(?-i:[A-Z0-9]{1,6}(?:-[A-Z0-9]{1,8}){2,5})"
            + _R,
            0.65,
        ),
        # 23-2-04471-1 SEA (Washington superior court)
        Pattern("county-code", _L + r"\d{2}-\d-\d{5}-\d(?: (?-i:[A-Z]{3}))?" + _R, 0.7),
        # CR2022-123456-001, CR23000414-00, BA512883, M23-0091142, A7781203
        Pattern(
            "letter-prefixed",
            _L + r"(?-i:[A-Z]{1,4})-?\d{2,4}-?\d{3,8}(?:-\d{1,4})*" + _R,
            0.5,
        ),
        # Any number right after "Case No.", "Docket #", "Indictment No.", "Case:" ...
        Pattern("labelled", _after(rf"(?<![\w])(?:{labels})s?{_NO}", number), 0.85),
        # "Report no.: St. Louis Metropolitan Police, 23-041877": the agency in between.
        Pattern(
            "labelled-far",
            _after(
                r"(?<![\w])(?:report|case|incident|complaint)\s{0,2}(?:no\.?|#|number)\s{0,2}:"
                r"[^\n\d:]{1,50}?[,;]\s{0,2}",
                r"\d{2,4}-\d{4,8}(?![\w-])",
            ),
            0.75,
        ),
        # "Case 22-1187", "Case file SCR-771204", "Report M23-0091142": no "No.".
        Pattern(
            "labelled-bare",
            _after(
                r"(?<![\w])(?:case(?:\s+file)?|docket|cause|indictment|report|citation)\s{1,2}",
                number,
            ),
            0.8,
        ),
    ]
    context = [r"case", r"cases", r"docket", r"cause", r"indictment", r"citation", r"matter"]
    return _CaseNumberRecognizer(
        EntityType.CASE_NUMBER, patterns, context, context_score=0.9, after=0, min_digits=3
    )


def booking_numbers() -> ContextPatternRecognizer:
    labels = (
        r"booking|inmate|jail|doc|bk|bkg|detainee|prisoner|offender|arrest|cdcr|tdcj|bop"
        r"|spn|jacket|register|so(?=\s*#)|jail\s+id|inmate\s+id|jdc|juvenile\s+hall"
    )
    patterns = [
        Pattern(
            "labelled",
            _after(rf"(?<![\w])(?:{labels}){_NO}", r"#?[A-Z]{0,4}-?\d[\w]*(?:-[\w]+)*"),
            0.85,
        ),
        # "booked under 2023-0041877", "booking 23004512": no "No.", at least five digits.
        Pattern(
            "labelled-bare",
            _after(
                r"(?<![\w])(?:booking|inmate|jail|bk|doc|booked\s+(?:under|as))\s{1,2}[:#]?\s{0,2}",
                r"[A-Z]{0,4}-?\d{2}[\d-]{3,}\d",
            ),
            0.8,
        ),
        # BK-2024-019283, BKG-23-004512
        Pattern("prefixed", _L + r"(?:BK|BKG)-?\d{2,4}-?\d{3,8}" + _R, 0.75),
        # "jail says 2024-011873", "DOC custody (#K-90417)": a number near a jail word.
        Pattern("near", _L + r"#?[A-Z]{0,2}-?\d{2,4}-?\d{3,8}" + _R, 0.6),
    ]
    context = [
        r"booking",
        r"booked",
        r"inmate",
        r"jail",
        r"doc",
        r"custody",
        r"detention",
        r"bk",
        r"corrections",
    ]
    return ContextPatternRecognizer(
        EntityType.BOOKING_NUMBER,
        patterns,
        context,
        context_score=0.75,
        needs_context={"near"},
        before=28,
        after=0,
        min_digits=4,
        clean_gap=False,
    )


def dates_of_birth() -> ContextPatternRecognizer:
    date = (
        r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
        r"|\d{4}-\d{2}-\d{2}"
        rf"|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}})"
    )
    patterns = [Pattern("date", _L + date + r"(?![\w-])", 0.9)]
    context = [
        r"d\.?o\.?b\.?",
        r"date\s+of\s+birth",
        r"birth\s*date",
        r"birthday",
        r"born",
        r"b\.",
        r"fecha\s+de\s+nacimiento",
        r"nacid[oa]",
    ]
    return _DateOfBirthRecognizer(
        EntityType.DATE_OF_BIRTH,
        patterns,
        context,
        context_score=0.9,
        needs_context={"date"},
        before=90,
        after=10,
    )


def ssns() -> ContextPatternRecognizer:
    body = r"(?!000|666|9\d\d)\d{3}SEP(?!00)\d{2}SEP(?!0000)\d{4}"
    patterns = [
        Pattern("dashed", _L + body.replace("SEP", "-") + _R, 0.85),
        Pattern("spaced", _L + body.replace("SEP", " ") + _R, 0.4),
        Pattern("plain", _L + body.replace("SEP", "") + _R, 0.3),
        Pattern("masked", _L + r"(?:x{3}|\*{3})-(?:x{2}|\*{2})-\d{4}" + _R, 0.6),
    ]
    context = [
        r"ssn",
        r"s\.s\.n\.?",
        r"ss#",
        r"ss\s+no\.?",
        r"social\s+security(?:\s+(?:number|no\.?|#))?",
        r"soc\.\s+sec\.",
    ]
    return _SsnRecognizer(
        EntityType.SSN, patterns, context, context_score=0.95, needs_context={"plain"}
    )


def phones() -> ContextPatternRecognizer:
    ext = r"(?:\s*(?:x|ext\.?|extension)\s*\d{1,5})?"
    patterns = [
        Pattern(
            "parenthesised",
            r"(?<![\w(])(?:\+?1[ .-]?)?\([2-9]\d{2}\)[ .-]?\d{3}[ .-]\d{4}" + ext + _R,
            0.75,
        ),
        Pattern("separated", _L + r"(?:\+?1[ .-])?[2-9]\d{2}([-.])\d{3}\1\d{4}" + ext + _R, 0.7),
        Pattern("spaced", _L + r"(?:\+?1 )?[2-9]\d{2} \d{3} \d{4}" + ext + _R, 0.4),
        Pattern("plain", _L + r"(?:\+?1)?[2-9]\d{9}" + _R, 0.3),
        Pattern("country-code", _L + r"\+?1[2-9]\d{2}[2-9]\d{6}" + _R, 0.5),
        Pattern("local", _L + r"[2-9]\d{2}-\d{4}" + _R, 0.3),
    ]
    context = [
        r"phone",
        r"telephone",
        r"tel\.?",
        r"ph\.?",
        r"cell",
        r"cellphone",
        r"cell\s+phone",
        r"mobile",
        r"call",
        r"called",
        r"calls",
        r"fax",
        r"text",
        r"texted",
        r"reached\s+at",
        r"contact",
        r"dial",
        r"[cmow]:",
    ]
    return ContextPatternRecognizer(
        EntityType.PHONE,
        patterns,
        context,
        context_score=0.9,
        needs_context={"plain", "local"},
        before=32,
    )


def emails() -> ContextPatternRecognizer:
    label = r"[A-Z0-9](?:[A-Z0-9-]*[A-Z0-9])?"
    patterns = [
        Pattern(
            "address",
            r"(?<![\w.+-])[A-Z0-9][A-Z0-9._%+-]*@" + label + r"(?:\." + label + r")*"
            r"\.[A-Z]{2,24}(?![\w])",
            0.95,
        )
    ]
    return ContextPatternRecognizer(EntityType.EMAIL, patterns)


# Street types; the abbreviations take their period with them, the words do not (a
# sentence's full stop after "Oakmont Avenue." is not part of the address).
_STREET_SUFFIXES = (
    r"(?:Street|Avenue|Road|Boulevard|Drive|Lane|Court|Place|Way|Terrace|Circle|Parkway"
    r"|Highway|Trail|Square|Loop|Pike|Alley|Plaza|Crossing|Run|Path|Point|Ridge|Row|Walk"
    r"|Expressway|Freeway|Turnpike|Cove|Bend|Heights|Landing|Commons|Crescent|Close|Glen"
    r"|Grove|Hollow|Manor|Meadows|Mews|Oval|Pass|Ranch|Spur|Summit|Trace|Vista|View|Estates"
    r"|Creek)\b"
    r"|(?:St|Ave|Av|Rd|Blvd|Dr|Ln|Ct|Pl|Ter|Cir|Pkwy|Hwy|Trl|Sq|Plz|Expy|Fwy|Hts)\b\.?"
)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV"
    "|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR"
    "|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida"
    "|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    "|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio"
    "|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee"
    "|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
_COURT_WORDS = frozenset(
    [
        "Drug",
        "Circuit",
        "Superior",
        "District",
        "Supreme",
        "Juvenile",
        "Family",
        "Municipal",
        "Appeals",
        "County",
        "Traffic",
        "Veterans",
        "Treatment",
        "Mental",
        "Health",
        "Community",
        "Federal",
        "State",
        "City",
        "Justice",
        "Probate",
        "Criminal",
        "Civil",
        "Housing",
        "Recovery",
        "Wellness",
        "DUI",
        "DWI",
        "Sobriety",
        "Reentry",
    ]
)
_YEAR_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "during",
        "by",
        "until",
        "before",
        "after",
        "of",
        "from",
        "for",
        "to",
        "through",
        "between",
        "circa",
    ]
)


def addresses() -> ContextPatternRecognizer:
    direction = (
        r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)\.?"
    )
    word = (
        r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]{2,}|\d{1,3}(?:st|nd|rd|th)|[A-Z]\.|Mc[A-Z][a-z]+)"
    )
    number = r"\d{1,6}(?:[A-Z]|-\d{1,4}|\s1/2)?"
    unit = (
        r"(?:,?[ ]+(?:Apt|Apartment|Unit|Suite|Ste|Room|Rm|Lot|Bldg|Building|Floor|Fl|Trlr"
        r"|Space|Spc|No)\.?[ ]*#?[ ]*[A-Z0-9][A-Z0-9-]{0,5}\b|,?[ ]+#[ ]?[A-Z0-9][A-Z0-9-]{0,5}\b"
        r"|,?[ ]+\d{1,3}(?:st|nd|rd|th)[ ]Floor\b)?"
    )
    city = (
        r"(?:,[ ]+[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}(?:,[ ]*|[ ]+)(?:" + _STATES + r")\b"
        r"(?:[ ]+\d{5}(?:-\d{4})?)?)?"
    )
    street = (
        r"(?<![\w$.,/-])"
        + number
        + r"[ ]+(?:"
        + direction
        + r"[ ]+)?"
        + word
        + r"(?:[ ]"
        + word
        + r"){0,3}[ ]+(?:"
        + _STREET_SUFFIXES
        + r")"
        + r"(?:[ ]+"
        + direction
        + r"(?![a-z]))?"
        + unit
        + city
    )
    route = (
        r"(?<![\w$.,/-])" + number + r"[ ]+(?:" + direction + r"[ ]+)?"
        r"(?:State |County |U\.S\. |US )?(?:Highway|Hwy|Route|Rte|County Road|CR|SR|FM)\.?"
        r"[ ]+\d{1,4}[A-Z]?\b" + unit + city
    )
    po_box = (
        r"(?<![\w])(?:(?:P\.[ ]?O\.|PO|Post Office)[ ]?Box|(?:RR|R\.R\.|Rural Route|HC|Star Route)"
        r"[ ]?\d{1,4},?[ ]+Box)[ ]+\d{1,6}\b" + city
    )
    prefixed = r"(?:Calle|Avenida|Av\.|Camino|Paseo|Carretera|Rue|Via|Rua)"
    foreign = (
        r"(?<![\w$.,/-])(?:" + number + r"[ ]+" + prefixed + r"(?:[ ]" + word + r"){1,4}"
        r"|" + prefixed + r"(?:[ ]" + word + r"){1,4}[ ]+" + number + r")" + unit + city
    )
    patterns = [
        Pattern("street", street, 0.7),
        Pattern("route", route, 0.7),
        Pattern("po-box", po_box, 0.75),
        Pattern("prefixed-street", foreign, 0.7),
    ]
    context = [
        r"address",
        r"addresses",
        r"resides?",
        r"resided",
        r"residence",
        r"residing",
        r"lives?",
        r"lived",
        r"living",
        r"home",
        r"apartment",
        r"mail",
        r"located\s+at",
        r"staying\s+at",
    ]
    return _AddressRecognizer(
        EntityType.ADDRESS, patterns, context, context_score=0.9, flags=re.MULTILINE, before=48
    )


def license_plates() -> ContextPatternRecognizer:
    label = (
        r"(?i:(?<![\w])(?:plates?|tags?|registration|reg\.|license\s+plate|licence\s+plate|placa"
        r"|registered\s+vehicles?))"
        r"(?:(?:\s+(?i:no\.?|number|#|reading|read|of|was|is|displaying|bearing))*"
        r"|(?:\s+[a-z]+){1,4}\s+(?:is|was|reads?|as)|[^\n\d:]{0,20}(?=:))"
        r"\s*[:#,|(\"“]?\s*(?:\[[xX ]\]\s*)?(?:(?-i:[A-Z]{2})\s+(?=[\w-]*\d))?"
    )
    plate = r"(?=[A-Z0-9 -]*\d)(?=[0-9 -]*[A-Z])[A-Z0-9]{1,4}[ -]?[A-Z0-9]{1,5}(?![\w-])"
    patterns = [
        Pattern("labelled", _after(label, plate), 0.85),
        # "Wyoming plate 6-4417", "plate 4417228": plates of digits only, after "plate".
        Pattern(
            "labelled-digits",
            _after(
                r"(?i:(?<![\w])plate)\s{1,2}(?i:no\.?\s|number\s|#)?\s{0,2}",
                r"\d{1,3}[ -]?\d{3,5}(?![\w-])",
            ),
            0.8,
        ),
        # CXL8812, 4ZPK882, BHT 4402 near "plate", "vehicle", "DMV".
        Pattern(
            "shape",
            r"(?<![\w-])(?:[A-Z]{3}[ -]?\d{3,4}|\d[A-Z]{3}\d{3}|[A-Z]{2}\d{5}|[A-Z]\d{5}[A-Z])"
            r"(?![\w-])",
            0.4,
        ),
    ]
    context = [
        r"plates?",
        r"tags?",
        r"vehicles?",
        r"registered",
        r"registration",
        r"dmv",
        r"mvd",
        r"car",
        r"truck",
        r"van",
        r"sedan",
        r"suv",
        r"pickup",
        r"lic\.?",
        *(make.lower() for make in vocabulary.VEHICLE_MAKES),
    ]
    return ContextPatternRecognizer(
        EntityType.LICENSE_PLATE,
        patterns,
        context,
        context_score=0.8,
        needs_context={"shape"},
        flags=re.MULTILINE,
        before=64,
        after=24,
        min_digits=1,
    )


def driver_licenses() -> ContextPatternRecognizer:
    label = (
        r"(?<![\w])(?:dl|d\.l\.|cdl|oln|o\.l\.n\.|driver'?s?\s+licen[cs]e|driver’s\s+licen[cs]e"
        r"|driving\s+licen[cs]e|operator'?s?\s+licen[cs]e|licen[cs]e|id\s+card"
        r"|licencia(?:\s+de\s+conducir)?|dps(?:\s+number)?|(?-i:OL|OLN|DLN))"
        r"(?:(?:\s+(?:no\.?|number|#|of|is|was))*|(?:\s+[a-z]+){1,5}\s*(?=:))"
        r"\s*[:#|(,]?\s*(?:\[[xX ]\]\s*)?(?:(?-i:[A-Z]{2}|[A-Z][a-z]+)\s+(?=\w*\d))?"
    )
    patterns = [
        Pattern(
            "labelled",
            _after(label, r"[A-Z0-9][A-Z0-9-]{4,18}[A-Z0-9](?![\w-])"),
            0.85,
        ),
        Pattern(
            "labelled-spaced",
            _after(label, r"[A-Z]{0,2}[ -]?\d{1,4}(?:[ ]\d{2,5}){2,5}(?![\w-])"),
            0.85,
        ),
    ]
    return ContextPatternRecognizer(EntityType.DRIVER_LICENSE, patterns, (), min_digits=3)


_NOT_A_CASE_BEFORE = re.compile(
    r"(?:award|grant|contract|invoice|solicitation|vendor|request|purchase order|po|account"
    r"|policy|form|bill|rule|model|part|serial|item|sku|tracking)s?\s{0,2}"
    r"(?:no\.?|#|number|num\.?)?\s{0,2}[:#]?\s{0,2}$",
    re.IGNORECASE,
)


class _SsnRecognizer(ContextPatternRecognizer):
    """In a table, "SSN" heads the column, far from the numbers: a text that speaks of
    social security numbers anywhere makes its bare nine-digit numbers count (0.6)."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if self._context is None or not self._context.search(text):
            return results
        for result in self.matches(text, regex_flags):
            if not any(r.start == result.start for r in results):
                result.score = max(result.score, 0.6)
                results.append(result)
            else:
                for r in results:
                    if r.start == result.start:
                        r.score = max(r.score, 0.6)
        return results


class _CaseNumberRecognizer(ContextPatternRecognizer):
    """A bare label ("Case 2022") with a short number is a year or a count, not a case;
    a grant award or a records request number is the office's, not a person's."""

    def keep(self, text: str, result: RecognizerResult) -> bool:
        if _NOT_A_CASE_BEFORE.search(text[max(0, result.start - 30) : result.start]):
            return False
        explanation = result.analysis_explanation
        if explanation is None or explanation.pattern_name != "labelled-bare":
            return True
        matched = text[result.start : result.end]
        digits = sum(ch.isdigit() for ch in matched)
        return digits >= 5 or (digits >= 4 and not matched.isdigit())


class _DateOfBirthRecognizer(ContextPatternRecognizer):
    """A date counts as a birth date only when the birth word is right before it, with no
    other number in between ("DOB 3/14/91, arrested 6/2/22": only the first)."""

    _gap = 18

    def has_context(self, text: str, start: int, end: int) -> bool:
        if self._context is None:
            return False
        head = text[max(0, start - self.before) : start]
        head = head[head.rfind("\n") + 1 :]
        last = None
        for last in self._context.finditer(head):  # noqa: B007 - the last one counts
            pass
        if last is not None:
            gap = head[last.end() :]
            if not any(ch.isdigit() for ch in gap) and (
                len(gap) <= self._gap or last.group().lower().startswith(("d", "fecha"))
            ):
                return True
        tail = text[end : end + self.after].split("\n", 1)[0]
        found = self._context.search(tail)
        return found is not None and found.start() <= 3


class _AddressRecognizer(ContextPatternRecognizer):
    """Street patterns also match "in 2022 Drug Court" and the like: drop those."""

    def keep(self, text: str, result: RecognizerResult) -> bool:
        matched = text[result.start : result.end]
        number = matched.split(" ", 1)[0]
        words = matched.split()
        if any(w.strip(".,") in _COURT_WORDS for w in words[1:]) and re.search(
            r"\b(?:Court|Ct)\b", matched
        ):
            return False
        if number.isdigit() and 1900 <= int(number) <= 2099:
            before = text[max(0, result.start - 20) : result.start].split()
            if before and before[-1].lower().strip(",") in _YEAR_PREPOSITIONS:
                return False
        return True
