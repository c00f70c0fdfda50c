"""Public references: statutes, published cases and court names.

A policy cites "Penal Code § 1170", "18 U.S.C. § 3553(a)", "Brady v. Maryland, 373 U.S.
83" and "the Superior Court of Marion County": all public, none identifying, and all full
of numbers and surnames that other recognizers could take for a case number or a person.
This recognizer marks them with an internal entity type; the analyzer drops any finding
that overlaps one and never reports the references themselves.
"""

from network.anonymize.presidio import Pattern, PatternRecognizer

PUBLIC_REFERENCE = "PUBLIC_REFERENCE"

_SECTION = r"\d+[A-Za-z]?(?:[.:-]\d+[A-Za-z]?)*(?:\([A-Za-z0-9]{1,4}\))*"
_CODES = (
    r"U\.S\.C\.A?|C\.F\.R\.|ORS|MCL|M\.C\.L\.|RCW|NRS|KRS|ORC|R\.C\.|ARS|A\.R\.S\.|C\.R\.S\."
    r"|M\.G\.L\.|G\.L\.|N\.J\.S\.A\.|N\.J\.S\.|K\.S\.A\.|O\.C\.G\.A\.|Minn\. Stat\.|Wis\. Stat\."
    r"|Fla\. Stat\.|Ind\. Code|Ohio Rev\. Code|Tenn\. Code Ann\.|Ga\. Code Ann\.|Va\. Code"
    r"|Tex\. Penal Code|Tex\. Code Crim\. Proc\.|Cal\. Penal Code|ILCS|Ill\. Comp\. Stat\."
    r"|Rev\. Stat\.|Stat\. Ann\.|Code Ann\.|CPL|C\.P\.L\.|PL|P\.L\.|VTL|Penal Law|Penal Code"
    r"|Vehicle Code|Veh\. Code|Vehicle and Traffic Law|Health and Safety Code|Health & Safety"
    r" Code|Evid(?:ence)?\. Code|Evidence Code|Gov(?:ernment)?\. Code|Welf(?:are)?\. (?:and|&)"
    r" Inst(?:itutions)?\. Code|Family Code|Code of Criminal Procedure|Criminal Procedure Law"
    r"|Crim\. Proc\. Law|Criminal Code|Crim\. Code|Rules? of (?:Criminal Procedure|Evidence"
    r"|Professional Conduct|Court)|Fed\. R\. (?:Crim\. P|Evid)\.|Stat\.|Statutes|Code"
)
_REPORTERS = (
    r"U\.S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.(?:\s?(?:2d|3d|4th))?|F\.\s?Supp\.(?:\s?(?:2d|3d))?"
    r"|[A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*){0,2}(?:\s?(?:2d|3d|4th|5th))?"
)


def public_references() -> PatternRecognizer:
    party = (
        r"[A-Z][\w.'’&-]*(?:\s+(?:of|the|ex rel\.|[A-Z][\w.'’&-]*)){0,5}"
        r"(?:\s+\([A-Z][\w.'’ -]{0,40}\))?"
    )
    patterns = [
        Pattern("code-section", rf"(?<![\w])(?:\d+\s+)?(?:{_CODES})\s*(?:§§?\s*)?{_SECTION}", 0.9),
        Pattern(
            "section-sign", rf"§§?\s*{_SECTION}(?:\s*(?:,|and|or|through|to|-)\s*{_SECTION})*", 0.9
        ),
        Pattern("rule", rf"(?<![\w])Rules?\s+{_SECTION}", 0.9),
        Pattern(
            "case-law",
            rf"(?<![\w]){party}\s+v\.\s+{party},?\s+\d+\s+(?:{_REPORTERS})\s+\d+"
            r"(?:,\s*\d+(?:-\d+)?)?(?:\s*\([^)]{0,40}\d{4}\))?",
            0.9,
        ),
        Pattern("neutral-citation", r"(?<![\w])(?:19|20)\d{2}-[A-Z][a-z]+-\d{1,6}(?![\w])", 0.9),
        Pattern(
            "court",
            r"(?<![\w])(?:(?:United States |U\.S\. )?(?:Superior|Circuit|District|Municipal|County"
            r"|Juvenile|Family|Supreme|Justice|Criminal|Probate|Common Pleas|Magistrate|City)"
            r" Court(?: of Appeals)? (?:of|for) (?:the )?(?:[A-Z][a-z]+ ){1,3}"
            r"(?:County|Parish|District|Circuit|City|Borough)(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
            r"|(?:[A-Z][a-z]+ ){1,3}(?:County|Parish|City|Borough) (?:[A-Z][a-z]+ ){0,2}Court)",
            0.9,
        ),
    ]
    return PatternRecognizer(
        supported_entity=PUBLIC_REFERENCE,
        name="PublicReferenceRecognizer",
        patterns=patterns,
        global_regex_flags=0,
    )
