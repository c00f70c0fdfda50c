"""Derived office descriptors: size bands and generalized descriptions."""

from network.offices.models import Office, Region, SizeBand

# Upper bounds (exclusive) of population served for each band.
_BANDS: tuple[tuple[int, SizeBand], ...] = (
    (100_000, SizeBand.SMALL),
    (500_000, SizeBand.MEDIUM),
    (1_500_000, SizeBand.LARGE),
)

_SIZE_WORDS = {
    SizeBand.SMALL: "a small office",
    SizeBand.MEDIUM: "a mid-size office",
    SizeBand.LARGE: "a large office",
    SizeBand.VERY_LARGE: "a very large office",
}
_REGION_WORDS = {
    Region.NORTHEAST: "the Northeast",
    Region.MIDWEST: "the Midwest",
    Region.SOUTH: "the South",
    Region.WEST: "the West",
}


def size_band_for(population: int) -> SizeBand:
    if population < 0:
        raise ValueError("population served cannot be negative")
    for upper, band in _BANDS:
        if population < upper:
            return band
    return SizeBand.VERY_LARGE


def generalized_label(size_band: SizeBand, region: Region) -> str:
    """The GENERALIZED attribution label, e.g. 'a mid-size office in the Midwest'."""
    return f"{_SIZE_WORDS[size_band]} in {_REGION_WORDS[region]}"


def describe_generalized(office: Office) -> str:
    return generalized_label(SizeBand(office.size_band), Region(office.region))
