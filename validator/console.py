"""Entry point of the `validate` console script.

Ctrl-C while the program is still starting (importing the command line, reading settings,
loading rules take a moment) ends it quietly with status 130 instead of a traceback; a run
takes the signals over once it starts checking (validator.batch.signals).
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType


def _stop_while_starting(signum: int, frame: FrameType | None) -> None:
    sys.stderr.write("\n")
    os._exit(128 + signum)


def main() -> None:
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # a background job ignores it
        signal.signal(signal.SIGINT, _stop_while_starting)
    from validator.cli import main as cli_main

    cli_main()
