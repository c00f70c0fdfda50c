"""Moving an instance off the first, reversible pseudonym scheme.

The first scheme derived an office's pseudonym from its slug and the instance id,
both public, so anyone could map every pseudonym back to its office. `network
migrate` replaces such pseudonyms with keyed ones (see
`network.offices.service.pseudonym_for`) and relabels what those offices published
pseudonymously, in one transaction. It is idempotent: keyed pseudonyms are never
touched again, so changing NETWORK_SECRET_KEY later does not rotate them.
"""

from dataclasses import dataclass

from network.offices import service as offices
from network.publications import service as publications
from network.settings import Settings
from network.transactions import atomic


@dataclass(frozen=True)
class PseudonymUpgrade:
    offices: int
    publications: int


async def upgrade_legacy_pseudonyms(settings: Settings) -> PseudonymUpgrade:
    async with atomic():
        labels = await offices.rekey_legacy_pseudonyms(offices.pseudonym_key(settings))
        relabelled = await publications.relabel_pseudonymous(
            labels, instance_id=settings.instance_id
        )
    return PseudonymUpgrade(offices=len(labels), publications=relabelled)
