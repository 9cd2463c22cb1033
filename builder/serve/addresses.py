"""Where the preview listens, and which hosts it answers to.

Bound to a loopback address (the default), the preview answers only requests
whose Host header names a loopback host: a page elsewhere that points a name of
its own at 127.0.0.1 (DNS rebinding) would otherwise read the preview.
"""
from __future__ import annotations

import errno
import ipaddress
import socket

from tornado import netutil

from ..errors import ServeError

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def refused(host_header: str, loopback_only: bool) -> bool:
    """Whether a request whose Host header is `host_header` is refused."""
    return loopback_only and not is_loopback(_hostname(host_header))


def bind(host: str, port: int) -> list[socket.socket]:
    """Listening sockets, or a ServeError saying plainly why not."""
    try:
        return netutil.bind_sockets(port, address=host)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {host} is already in use (is another "
                             f"'bulletin serve' running?); stop it, or choose another port "
                             f"with --port, like --port {port + 1 if port else 8001}.") from None
        if exc.errno == errno.EACCES:
            raise ServeError(f"not allowed to use port {port}; ports below 1024 need "
                             "administrator rights, so choose one like --port 8000.") from None
        if exc.errno == errno.EADDRNOTAVAIL or isinstance(exc, socket.gaierror):
            raise ServeError(f"cannot serve on {host}: it is not an address of this computer; "
                             "leave --host out to serve on 127.0.0.1.") from None
        raise ServeError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None


def _hostname(host_header: str) -> str:
    """The host of a Host header, without its port or an IPv6 address's brackets."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
