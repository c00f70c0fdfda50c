"""`python -m network ...`: the same as the `network` command."""

from network.entry import main

raise SystemExit(main())
