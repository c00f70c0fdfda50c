"""The demo network's offices: fictional jurisdictions in real states.

Names are invented on purpose: demo policies must never be mistaken for the
practice of a real office. Region and size-band groups are sized so that some
offices can publish with GENERALIZED attribution (at least k lookalikes).
"""

from dataclasses import replace

from network.demo.history import seeded
from network.offices.models import Attribution, OfficeKind, Region
from network.offices.service import NewOffice

_N, _P, _G = Attribution.NAMED, Attribution.PSEUDONYMOUS, Attribution.GENERALIZED

DEMO_OFFICES: tuple[NewOffice, ...] = (
    NewOffice(
        "harlow-county-da",
        "Harlow County District Attorney's Office",
        "Harlow County",
        "NY",
        OfficeKind.COUNTY,
        820_000,
        Region.NORTHEAST,
        _N,
    ),
    NewOffice(
        "kettering-county-da",
        "Kettering County District Attorney's Office",
        "Kettering County",
        "PA",
        OfficeKind.COUNTY,
        410_000,
        Region.NORTHEAST,
        _G,
    ),
    NewOffice(
        "eastfield-district-attorney",
        "Eastfield District Attorney's Office",
        "Eastfield District",
        "MA",
        OfficeKind.DISTRICT,
        1_600_000,
        Region.NORTHEAST,
        _N,
    ),
    NewOffice(
        "ashford-judicial-district",
        "Ashford Judicial District State's Attorney",
        "Ashford Judicial District",
        "CT",
        OfficeKind.DISTRICT,
        260_000,
        Region.NORTHEAST,
        _P,
    ),
    NewOffice(
        "millbrook-county-prosecutor",
        "Millbrook County Prosecutor's Office",
        "Millbrook County",
        "NJ",
        OfficeKind.COUNTY,
        480_000,
        Region.NORTHEAST,
        _G,
    ),
    NewOffice(
        "lakeshore-county-sao",
        "Lakeshore County State's Attorney's Office",
        "Lakeshore County",
        "IL",
        OfficeKind.COUNTY,
        2_100_000,
        Region.MIDWEST,
        _N,
    ),
    NewOffice(
        "cedar-valley-county-attorney",
        "Cedar Valley County Attorney's Office",
        "Cedar Valley County",
        "IA",
        OfficeKind.COUNTY,
        140_000,
        Region.MIDWEST,
        _G,
    ),
    NewOffice(
        "prairie-county-pa",
        "Prairie County Prosecuting Attorney",
        "Prairie County",
        "MO",
        OfficeKind.COUNTY,
        85_000,
        Region.MIDWEST,
        _P,
    ),
    NewOffice(
        "three-rivers-county-prosecutor",
        "Three Rivers County Prosecutor's Office",
        "Three Rivers County",
        "MI",
        OfficeKind.COUNTY,
        360_000,
        Region.MIDWEST,
        _N,
    ),
    NewOffice(
        "north-fork-county-attorney",
        "North Fork County Attorney's Office",
        "North Fork County",
        "MN",
        OfficeKind.COUNTY,
        230_000,
        Region.MIDWEST,
        _G,
    ),
    NewOffice(
        "wabash-valley-prosecutor",
        "Wabash Valley Prosecutor's Office",
        "Wabash Valley County",
        "IN",
        OfficeKind.COUNTY,
        62_000,
        Region.MIDWEST,
        _P,
    ),
    NewOffice(
        "bayou-parish-da",
        "Bayou Parish District Attorney's Office",
        "Bayou Parish",
        "LA",
        OfficeKind.COUNTY,
        390_000,
        Region.SOUTH,
        _P,
    ),
    NewOffice(
        "piedmont-circuit-da",
        "Piedmont Judicial Circuit District Attorney",
        "Piedmont Judicial Circuit",
        "GA",
        OfficeKind.DISTRICT,
        700_000,
        Region.SOUTH,
        _G,
    ),
    NewOffice(
        "gulf-coast-state-attorney",
        "Gulf Coast Circuit State Attorney's Office",
        "Gulf Coast Judicial Circuit",
        "FL",
        OfficeKind.DISTRICT,
        1_300_000,
        Region.SOUTH,
        _N,
    ),
    NewOffice(
        "red-river-county-da",
        "Red River County Criminal District Attorney",
        "Red River County",
        "TX",
        OfficeKind.COUNTY,
        1_100_000,
        Region.SOUTH,
        _G,
    ),
    NewOffice(
        "blue-ridge-commonwealths-attorney",
        "Blue Ridge City Commonwealth's Attorney",
        "City of Blue Ridge",
        "VA",
        OfficeKind.CITY,
        95_000,
        Region.SOUTH,
        _N,
    ),
    NewOffice(
        "sierra-vista-county-da",
        "Sierra Vista County District Attorney's Office",
        "Sierra Vista County",
        "CA",
        OfficeKind.COUNTY,
        1_900_000,
        Region.WEST,
        _N,
    ),
    NewOffice(
        "cascade-county-pao",
        "Cascade County Prosecuting Attorney's Office",
        "Cascade County",
        "WA",
        OfficeKind.COUNTY,
        760_000,
        Region.WEST,
        _G,
    ),
    NewOffice(
        "high-desert-county-da",
        "High Desert County District Attorney",
        "High Desert County",
        "NV",
        OfficeKind.COUNTY,
        52_000,
        Region.WEST,
        _P,
    ),
    NewOffice(
        "front-range-district-attorney",
        "Front Range District Attorney's Office",
        "Front Range Judicial District",
        "CO",
        OfficeKind.DISTRICT,
        600_000,
        Region.WEST,
        _N,
    ),
    NewOffice(
        "willamette-county-da",
        "Willamette County District Attorney's Office",
        "Willamette County",
        "OR",
        OfficeKind.COUNTY,
        420_000,
        Region.WEST,
        _P,
    ),
    NewOffice(
        "salt-flats-county-attorney",
        "Salt Flats County Attorney's Office",
        "Salt Flats County",
        "UT",
        OfficeKind.COUNTY,
        1_200_000,
        Region.WEST,
        _G,
    ),
    NewOffice(
        "attorney-general-criminal-division",
        "State Attorney General, Criminal Prosecutions Division",
        "State of Vermont",
        "VT",
        OfficeKind.STATE,
        640_000,
        Region.NORTHEAST,
        _N,
    ),
    # Two more mid-size Midwest and large Southern offices: with k = 5 those are the
    # groups large enough for GENERALIZED attribution.
    NewOffice(
        "osage-plains-county-attorney",
        "Osage Plains County Attorney's Office",
        "Osage Plains County",
        "KS",
        OfficeKind.COUNTY,
        210_000,
        Region.MIDWEST,
        _G,
    ),
    NewOffice(
        "maumee-county-prosecutor",
        "Maumee County Prosecuting Attorney",
        "Maumee County",
        "OH",
        OfficeKind.COUNTY,
        330_000,
        Region.MIDWEST,
        _P,
    ),
    NewOffice(
        "coastal-bend-county-da",
        "Coastal Bend County District Attorney",
        "Coastal Bend County",
        "TX",
        OfficeKind.COUNTY,
        620_000,
        Region.SOUTH,
        _G,
    ),
    NewOffice(
        "cumberland-district-attorney-general",
        "Cumberland Judicial District Attorney General",
        "Cumberland Judicial District",
        "TN",
        OfficeKind.DISTRICT,
        850_000,
        Region.SOUTH,
        _P,
    ),
)


# The place word in each office's slug, name and jurisdiction (the state attorney
# general's office is of a real state and keeps it).
PLACES: dict[str, str] = {
    spec.slug: place
    for spec, place in zip(
        DEMO_OFFICES,
        (
            "Harlow", "Kettering", "Eastfield", "Ashford", "Millbrook", "Lakeshore",
            "Cedar Valley", "Prairie", "Three Rivers", "North Fork", "Wabash Valley", "Bayou",
            "Piedmont", "Gulf Coast", "Red River", "Blue Ridge", "Sierra Vista", "Cascade",
            "High Desert", "Front Range", "Willamette", "Salt Flats", "", "Osage Plains",
            "Maumee", "Coastal Bend", "Cumberland",
        ),
        strict=True,
    )
    if place
}  # fmt: skip

# Invented place names other instances' demo offices take instead.
OTHER_PLACES = (
    "Alder Creek", "Amberwell", "Bellmoor", "Birch Hollow", "Briarwood", "Calloway",
    "Copper Hills", "Crestmont", "Dunmore", "Elm Crossing", "Fallowmere", "Foxrun",
    "Glenrock", "Greyhaven", "Hartwell", "Hazel Fork", "Heron Bay", "Iron Ridge",
    "Juniper Flats", "Kestrel", "Larkspur", "Linden Vale", "Meadowvale", "Mill Run",
    "Northwood", "Oakhurst", "Owl Creek", "Quillmoor", "Ravensford", "Rushbrook",
    "Sablewood", "Stonebridge", "Tamarack", "Thornbury", "Upper Falls", "Wrenfield",
)  # fmt: skip


def demo_offices(instance_name: str | None = None) -> tuple[NewOffice, ...]:
    """The demo's offices; for a named instance, the same offices under place names
    of its own, chosen by the name from OTHER_PLACES. Two instances so get different
    offices (and texts that speak of them) of the same shapes: state, kind, size and
    region stay, so generalized labels still find their lookalikes."""
    if not instance_name:
        return DEMO_OFFICES
    picks = iter(seeded("places", instance_name).sample(OTHER_PLACES, len(PLACES)))
    renamed = []
    for spec in DEMO_OFFICES:
        place = PLACES.get(spec.slug)
        if place is None:
            renamed.append(spec)
            continue
        new = next(picks)
        renamed.append(
            replace(
                spec,
                slug=spec.slug.replace(_slug(place), _slug(new)),
                name=spec.name.replace(place, new),
                jurisdiction=spec.jurisdiction.replace(place, new),
            )
        )
    return tuple(renamed)


def _slug(place: str) -> str:
    return place.lower().replace(" ", "-")
