"""The `network` console script.

`network anonymize` is meant for shell loops over folders, so it is dispatched here,
before `network.cli` imports the server's stack (Tortoise, the API, the wiring: about
0.7 s it does not need); every other command goes to `network.cli`.
"""

import sys


def main() -> int:
    if sys.argv[1:2] == ["anonymize"]:
        from network.anonymize.command import main as anonymize

        return anonymize(sys.argv[2:])
    from network.cli import main as cli

    return cli()
