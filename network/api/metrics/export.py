"""`GET /metrics/export.csv?metric=KEY&from=YYYY-MM&to=YYYY-MM[&disaggregation=…]
[&peer_group=size_band:MEDIUM,region:MIDWEST,state:OH,kind:COUNTY][&office=SLUG…]`

The comparison as CSV for the caller's session or bearer token (a member of the
network, a client with `read`, or a convener): the same service, releases and labels
as the GraphQL `metricComparison`, so the two agree. Errors are plain-text 4xx.
"""

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from network.api.http import principal_of
from network.api.metrics.queries import parse_month
from network.comparisons import export
from network.comparisons.service import ComparisonRequest, PeerGroup
from network.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from network.offices.models import OfficeKind, Region, SizeBand
from network.settings import Settings

_STATUS = {PermissionDenied: 403, NotFound: 404}
_KEYS = ("size_band", "region", "state", "kind")


def _peer_group(request: Request) -> PeerGroup:
    found: dict[str, list[str]] = {key: [] for key in _KEYS}
    for text in request.query_params.getlist("peer_group"):
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, _, value = part.partition(":")
            if key not in found or not value:
                raise InvalidInput(
                    f"peer_group takes key:value pairs with keys {', '.join(_KEYS)}.",
                    field="peer_group",
                )
            found[key].append(value.upper())
    try:
        return PeerGroup(
            size_bands=tuple(SizeBand(v) for v in found["size_band"]),
            regions=tuple(Region(v) for v in found["region"]),
            states=tuple(found["state"]),
            kinds=tuple(OfficeKind(v) for v in found["kind"]),
            offices=tuple(request.query_params.getlist("office")),
        )
    except ValueError as error:
        raise InvalidInput(f"Unknown peer_group value ({error}).", field="peer_group") from None


def export_endpoint(settings: Settings) -> Callable[[Request], Awaitable[Response]]:
    async def handle(request: Request) -> Response:
        params = request.query_params
        principal = principal_of(request)
        try:
            for name in ("metric", "from", "to"):
                if not params.get(name):
                    raise InvalidInput(f"`{name}` is required.", field=name)
            comparison = ComparisonRequest(
                metric=params["metric"],
                start=parse_month(params["from"], "from"),
                end=parse_month(params["to"], "to"),
                disaggregation=params.get("disaggregation", ""),
                group=_peer_group(request),
            )
            if not principal.is_authenticated:
                raise PermissionDenied("Sign in, or send a bearer token with the `read` scope.")
            text = await export.export_csv(
                principal, comparison, generalized_k=settings.generalized_k
            )
        except DomainError as error:
            status = next((s for kind, s in _STATUS.items() if isinstance(error, kind)), 400)
            return PlainTextResponse(error.message + "\n", status_code=status)
        name = f"{comparison.metric}-{params['from']}-{params['to']}.csv"
        return Response(
            text,
            media_type="text/csv; charset=utf-8",
            headers={
                "content-disposition": f'attachment; filename="{name}"',
                "cache-control": "no-store",
            },
        )

    return handle
