"""Fixtures of the structure tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .texts import CLOSING, DUTIES, LETTERHEAD, MEMBERS, OPENING, compose


@pytest.fixture
def decision_text() -> Callable[..., str]:
    """A commune decision; any part can be swapped."""

    def build(letterhead: str = LETTERHEAD, opening: str = OPENING, members: str = MEMBERS,
              duties: str = DUTIES, closing: str = CLOSING) -> str:
        return compose(letterhead, opening, members, duties, closing)

    return build
