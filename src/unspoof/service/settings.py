"""The service's limits, one immutable object; ``unspoof serve`` hands them to worker processes
through the environment.

>>> Settings().max_batch
100
>>> Settings.from_env({"UNSPOOF_MAX_BODY_BYTES": "1024"}).max_body_bytes
1024
"""

from __future__ import annotations

import os
from typing import Mapping, NamedTuple

_PREFIX = "UNSPOOF_"


class Settings(NamedTuple):
    """Limits of one service instance. Defaults suit a moderation or gateway sidecar."""

    #: largest request body accepted, in bytes; larger ones get 413
    max_body_bytes: int = 1_048_576
    #: most texts in one batch request; more get 413
    max_batch: int = 100
    #: seconds one request may spend scanning before it gets 504
    timeout_seconds: float = 10.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        """Read ``UNSPOOF_MAX_BODY_BYTES``, ``UNSPOOF_MAX_BATCH``, ``UNSPOOF_TIMEOUT_SECONDS``."""
        env = os.environ if environ is None else environ
        values = {}
        for name in cls._fields:
            raw = env.get(_PREFIX + name.upper())
            if raw is not None:
                values[name] = type(cls._field_defaults[name])(raw)
        return cls(**values)

    def to_env(self) -> dict[str, str]:
        return {_PREFIX + name.upper(): str(value) for name, value in self._asdict().items()}

    def check(self) -> "Settings":
        """Reject limits that cannot work, with a message naming the limit."""
        for name, value in self._asdict().items():
            if value <= 0:
                raise ValueError(f"{name} must be positive, not {value}")
        return self
