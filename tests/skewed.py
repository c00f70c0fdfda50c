"""`python -m tests.skewed SECONDS ARGS...`: the `network` command with this process's
clock moved by SECONDS, as on a machine whose clock is off (the machine's own clock
cannot be moved in a test). Wall-clock time (`time.time`, what dates assertions and
tokens) is moved; the monotonic clock, which only measures intervals, is not."""

import sys
import time

from network.cli import main

if __name__ == "__main__":
    shift = float(sys.argv[1])
    real = time.time
    time.time = lambda: real() + shift
    raise SystemExit(main(sys.argv[2:]))
