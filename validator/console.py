"""Entry point of the `validate` console script.

Ctrl-C while the program is still starting (importing the command line, reading settings,
loading rules take a moment) ends it quietly with status 130 instead of a traceback; a run
takes the signals over once it starts checking (validator.batch.signals).

Garbage collection is off while the program starts: start-up only builds what lives as long
as the process, and a full collection walks all of it each time (tens of milliseconds, several
times over). The commands that run long turn it back on once they have loaded what they need
(validator.batch.end_of_startup); the short ones end first.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from types import FrameType


def _stop_while_starting(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("\n")
    os._exit(128 + signum)


def main() -> None:
    gc.disable()
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # a background job ignores it
        signal.signal(signal.SIGINT, _stop_while_starting)
    from validator.cli import main as cli_main

    cli_main()
