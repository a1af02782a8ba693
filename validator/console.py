"""Entry point of the `validate` console script.

Ctrl-C while the program is still starting (importing the command line takes a moment)
ends it quietly with status 130 instead of a traceback from the import machinery; once the
command line is loaded, it handles the signals itself (validator.batch.signals).
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
    previous = signal.getsignal(signal.SIGINT)
    if previous is not signal.SIG_IGN:  # a background job keeps ignoring it
        signal.signal(signal.SIGINT, _stop_while_starting)
    from validator.cli import main as cli_main

    signal.signal(signal.SIGINT, previous)
    cli_main()
