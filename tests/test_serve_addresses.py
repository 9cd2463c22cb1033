"""Where the preview listens and which hosts it answers to (builder/serve/addresses.py)."""
from __future__ import annotations

import socket

import pytest

from builder.errors import ServeError
from builder.serve.addresses import bind, is_loopback, refused


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]"])
def test_loopback_hosts_are_known_by_name_and_by_address(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "example.org", "localhost.evil.org"])
def test_other_hosts_are_not_loopback(host):
    assert not is_loopback(host)


@pytest.mark.parametrize("header", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST",
                                    " localhost:8000 "])
def test_a_loopback_preview_answers_a_host_header_naming_this_computer(header):
    assert not refused(header, loopback_only=True)


@pytest.mark.parametrize("header", ["attacker.example:8000", "attacker.example", "[2001:db8::1]:80",
                                    "192.168.1.20:8000"])
def test_a_loopback_preview_refuses_another_host_dns_rebinding(header):
    assert refused(header, loopback_only=True)


def test_a_preview_served_to_the_network_answers_any_host():
    assert not refused("attacker.example:8000", loopback_only=False)


def test_bind_listens_on_the_port_asked_for():
    sockets = bind("127.0.0.1", 0)
    try:
        assert sockets and sockets[0].getsockname()[0] == "127.0.0.1"
    finally:
        for sock in sockets:
            sock.close()


def test_a_port_in_use_says_so_and_suggests_the_next():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=rf"port {port} on 127.0.0.1 is already in use .* "
                                             rf"like --port {port + 1}\."):
            bind("127.0.0.1", port)


def test_an_address_of_another_computer_says_to_leave_host_out():
    # 192.0.2.0/24 is kept for documentation (RFC 5737): never this computer's
    with pytest.raises(ServeError, match="not an address of this computer; leave --host out"):
        bind("192.0.2.7", 0)
