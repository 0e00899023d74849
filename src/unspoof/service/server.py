"""Running the app under uvicorn, one process or several.

With several workers uvicorn binds the listening socket itself, without naming the TCP
protocol, and asyncio then leaves Nagle's algorithm on for accepted connections: a response
written as headers then body waits for the client's delayed ACK (about 40 ms on Linux). The
protocol below turns it off for every connection, whatever the socket.
"""

from __future__ import annotations

import contextlib
import os
import socket
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from .settings import Settings


class NoDelayH11Protocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with ``TCP_NODELAY`` set on each connection."""

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def run(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    log_level: str = "info",
    access_log: bool = False,
) -> None:
    """Serve until interrupted. Each worker builds its app from ``settings`` via the environment."""
    import uvicorn

    os.environ.update(settings.to_env())
    uvicorn.run(
        "unspoof.service.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=access_log,
        http=NoDelayH11Protocol,
    )
