"""`python -m network ...`: the same as the `network` command."""

from network.entry import main

if __name__ == "__main__":  # not when a helper process imports the main module
    raise SystemExit(main())
