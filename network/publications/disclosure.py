"""What may be disclosed about who published: the label shown with a publication,
and whether its office may be named to a caller.

One place for the rules, so the API, the web pages and a federation export show the
same thing: an office is named only when the publication is NAMED or the caller reads
as a member of that office (API clients without `read` read like anyone else: the
response cache relies on that, see `Principal.visibility_scope`).
"""

from network.access.principal import Principal
from network.errors import InvalidInput
from network.offices.bands import describe_generalized
from network.offices.models import Attribution, Office
from network.publications.models import Publication


def shows_office(principal: Principal, publication: Publication) -> bool:
    """Whether `principal` may see which office published `publication`."""
    if publication.attribution == Attribution.NAMED:
        return True
    return principal.reads_own_office(publication.office_id)  # type: ignore[attr-defined]


async def attribution_label(office: Office, attribution: Attribution, k: int) -> str:
    """The public description of who published; GENERALIZED needs k lookalike offices."""
    if attribution is Attribution.NAMED:
        return office.name
    if attribution is Attribution.PSEUDONYMOUS:
        return office.pseudonym
    alike = await Office.filter(
        region=office.region, size_band=office.size_band, origin_instance=""
    ).count()
    if alike < k:
        raise InvalidInput(
            f"Generalized attribution needs at least {k} offices described as "
            f"'{describe_generalized(office)}'; only {alike} are. Choose named or "
            "pseudonymous attribution.",
            field="attribution",
        )
    return describe_generalized(office)
