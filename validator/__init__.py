"""Checks decisions and regulations of BHXH/BHYT steering committees (see README).

`from validator import check, load_rules` is the library API (SPEC section 10). Imports are
lazy so that `import validator` stays cheap for the command line's start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "check", "load_rules"]

if TYPE_CHECKING:
    from validator.api import check, load_rules


def __getattr__(name: str) -> Any:
    if name in ("check", "load_rules"):
        from validator import api

        return getattr(api, name)
    raise AttributeError(f"module 'validator' has no attribute {name!r}")
