"""The preview server: only the built site, its 404 page, the reload protocol, clear errors."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import webbrowser
from pathlib import Path

import pytest
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from builder import cli
from builder.errors import ServeError
from builder.serve import Preview
from builder.serve.overlay import MARK
from builder.serve.server import livereload_js
from serve_support import TOOL_ROOT, get, make_site, replace_in, running, settle

ENTRY = "content/bulletins/2026-01/community-safety-asb.md"
BASE = "/test-bulletin/"   # the path of the fixture's base_url


@pytest.fixture(scope="module")
def preview(tmp_path_factory, css_cache):
    """One preview for the read-only tests of this module."""
    root = make_site(tmp_path_factory.mktemp("served") / "site", css_cache)
    with running(root, search=False) as p:
        yield p


TRAVERSALS = [
    "/../../etc/passwd",
    "/test-bulletin/../../etc/passwd",
    "/test-bulletin/%2e%2e/%2e%2e/etc/passwd",
    "/test-bulletin/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/test-bulletin/..%2f..%2f..%2fetc%2fpasswd",
    "/test-bulletin/%252e%252e/%252e%252e/etc/passwd",
    "/test-bulletin/..%5c..%5cetc%5cpasswd",
    "/test-bulletin/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
    "/test-bulletin/.%2e/.%2e/etc/passwd",
    "/test-bulletin/index.html%00.css",
    "//etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_paths_outside_the_site_are_refused(preview, path):
    status, _, body = get(preview, path)
    assert status in (400, 403, 404)
    assert b"root:" not in body


def test_a_symlink_out_of_the_site_is_not_followed(preview):
    link = preview.site_dir / "escape"
    link.symlink_to("/etc")
    try:
        status, _, body = get(preview, BASE + "escape/passwd")
        assert status == 404 and b"root:" not in body
    finally:
        link.unlink()


def test_hidden_files_such_as_half_written_temporaries_are_never_served(preview):
    (preview.site_dir / ".index.html.123.tmp").write_bytes(b"half")
    try:
        status, _, body = get(preview, BASE + ".index.html.123.tmp")
        assert status == 403 and b"half" not in body
    finally:
        (preview.site_dir / ".index.html.123.tmp").unlink()


def test_unknown_addresses_get_the_sites_404_page(preview):
    for path in (BASE + "no-such-page/", "/elsewhere/x.html", BASE + "assets/"):
        status, headers, body = get(preview, path)
        assert status == 404
        assert b"Page not found" in body and headers["Content-Type"].startswith("text/html")
        assert MARK.encode() in body  # served pages reload too


def test_no_folder_is_ever_listed(preview):
    assert any((preview.site_dir / "assets").iterdir())
    for path in (BASE + "assets/", BASE + "assets", BASE + "assets/js/"):
        status, _, body = get(preview, path)
        assert status == 404 and b"Page not found" in body
        assert b"Index of" not in body and b"bulletin.js" not in body.split(b"<main")[-1]


def test_addresses_follow_the_base_url_and_folders_get_their_slash(preview):
    status, headers, _ = get(preview, "/")
    assert status == 302 and headers["Location"] == BASE
    status, headers, _ = get(preview, BASE + "bulletins/2026-01")
    assert status == 302 and headers["Location"] == BASE + "bulletins/2026-01/"
    status, _, body = get(preview, BASE + "bulletins/2026-01/")
    assert status == 200 and b"Patrols" in body
    assert preview.url.endswith(BASE)


def test_html_gets_the_reload_client_files_on_disk_do_not(preview):
    status, headers, body = get(preview, BASE)
    assert status == 200 and MARK.encode() in body and b'src="/livereload.js' in body
    assert headers["Cache-Control"] == "no-store"
    on_disk = (preview.site_dir / "index.html").read_bytes()
    assert MARK.encode() not in on_disk
    assert body.replace(body[body.index(MARK.encode()):body.rindex(b"</body>")], b"") == on_disk
    status, _, feed = get(preview, BASE + "feed.xml")
    assert feed == (preview.site_dir / "feed.xml").read_bytes()


def test_livereload_js_is_served_from_the_package_not_a_cdn(preview):
    status, headers, body = get(preview, "/livereload.js")
    assert status == 200 and body == livereload_js().read_bytes()
    assert headers["Content-Type"].startswith("text/javascript")


def test_other_host_names_are_refused_on_localhost(preview):
    assert get(preview, BASE, host="evil.example")[0] == 403
    assert get(preview, BASE, host=f"localhost:{preview.port}")[0] == 200


def test_head_requests_get_headers_only(preview):
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
    conn.request("HEAD", BASE)
    response = conn.getresponse()
    assert response.status == 200 and response.read() == b""
    assert int(response.getheader("Content-Length")) > 1000
    conn.close()


def run_async(make_coroutine):
    """asyncio.run on a thread of its own: the browser tests' Playwright (sync API) keeps an
    event loop running on the main thread for the rest of the session."""
    outcome = {}

    def target():
        try:
            outcome["value"] = asyncio.run(make_coroutine())
        except BaseException as exc:  # handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


async def _hello(port: int, origin: str | None = None):
    headers = {"Origin": origin} if origin else {}
    conn = await websocket_connect(HTTPRequest(f"ws://127.0.0.1:{port}/livereload", headers=headers))
    await conn.write_message(json.dumps({"command": "hello",
                                         "protocols": ["http://livereload.com/protocols/official-7"]}))
    reply = json.loads(await asyncio.wait_for(conn.read_message(), 10))
    return conn, reply


def test_the_livereload_handshake(preview):
    async def run():
        conn, reply = await _hello(preview.port, f"http://127.0.0.1:{preview.port}")
        conn.close()
        return reply
    reply = run_async(run)
    assert reply["command"] == "hello"
    assert "http://livereload.com/protocols/official-7" in reply["protocols"]


def test_other_sites_cannot_open_the_reload_socket(preview):
    async def run():
        await _hello(preview.port, "http://evil.example")
    with pytest.raises(Exception):
        run_async(run)


def test_a_reload_is_sent_only_after_the_new_files_are_in_place(root):
    with running(root, search=False) as preview:
        async def run():
            conn, _ = await _hello(preview.port)
            replace_in(root / ENTRY, "ASB patrols rose", "ASB patrols tripled")
            message = json.loads(await asyncio.wait_for(conn.read_message(), 20))
            served = (preview.site_dir / "bulletins/2026-01/index.html").read_bytes()
            conn.close()
            return message, served
        message, served = run_async(run)
        assert message["command"] == "reload"
        assert b"patrols tripled" in served


def test_no_reload_when_nothing_a_page_shows_changed(root):
    with running(root, search=False) as preview:
        sent = preview.hub.reloads_sent
        before = preview.rebuilds
        (root / ENTRY).touch()
        settle(preview, before, search=False)
        assert preview.hub.reloads_sent == sent


def test_errors_show_over_the_last_good_page_and_go_when_fixed(root):
    with running(root, search=False) as preview:
        before = preview.rebuilds
        replace_in(root / ENTRY, "rag: amber", "rag: amberish")
        settle(preview, before, search=False)
        status, _, body = get(preview, BASE + "bulletins/2026-01/")
        assert status == 200
        assert b"bulletin-serve-errors" in body
        assert b"content/bulletins/2026-01/community-safety-asb.md:2" in body
        assert b"amberish" in body and b"patrols rose in each" in body  # the old page is underneath
        state = json.loads(get(preview, "/_bulletin/state")[2])
        assert state["ok"] is False
        before = preview.rebuilds
        replace_in(root / ENTRY, "rag: amberish", "rag: green")
        settle(preview, before, search=False)
        status, _, body = get(preview, BASE + "bulletins/2026-01/")
        assert b"bulletin-serve-errors" not in body


def test_a_site_that_never_built_shows_its_problems(root):
    replace_in(root / "content/site.yaml", "title: Test Bulletin", "title: [unclosed")
    with running(root, search=False) as preview:
        assert not preview.first.ok
        status, _, body = get(preview, "/")
        assert status == 503 and b"content/site.yaml:1" in body and b"/livereload.js" in body
        before = preview.rebuilds
        replace_in(root / "content/site.yaml", "title: [unclosed", "title: Test Bulletin")
        settle(preview, before, search=False)
        assert get(preview, BASE)[0] == 200


def test_a_port_in_use_is_a_clear_error(root):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError) as failed:
            Preview(root, port=port).start()
        assert f"port {port}" in str(failed.value) and "already in use" in str(failed.value)
        assert failed.value.exit_code == 3
    assert not (root / ".cache/serve").exists() or not any((root / ".cache/serve").iterdir())


def _serve_command(root: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "builder", "serve", "--root", str(root), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=TOOL_ROOT)


def test_the_command_says_the_port_is_in_use_and_exits_3(root):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _serve_command(root, "--port", str(port))
        out, err = process.communicate(timeout=60)
    assert process.returncode == 3
    assert f"bulletin: port {port} on 127.0.0.1 is already in use" in err
    assert "Traceback" not in err


def test_the_command_warns_when_serving_to_the_network_and_stops_cleanly(root):
    process = _serve_command(root, "--host", "0.0.0.0", "--port", "0")
    try:
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline and "Serving" not in line:
            line = process.stdout.readline()
        assert line.startswith("Serving http://127.0.0.1:")
    finally:
        os.kill(process.pid, signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0
    assert "Warning: serving on 0.0.0.0 lets other computers on the network see this preview" in err
    assert "Stopped serving." in out
    assert not any((root / ".cache/serve").iterdir())


@pytest.mark.parametrize("port", ["-1", "70000", "eighty"])
def test_a_bad_port_is_a_usage_error(port, capsys):
    assert cli.main(["serve", "--port", port]) == 2


def test_open_opens_the_browser_at_the_address_it_prints(root, monkeypatch, capsys):
    opened: list[str] = []

    def open_and_stop(url):  # stands in for the browser, then ends serve as Ctrl+C would
        opened.append(url)
        raise KeyboardInterrupt

    monkeypatch.setattr(webbrowser, "open", open_and_stop)
    assert cli.main(["serve", "--root", str(root), "--port", "0", "--open"]) == 0
    out = capsys.readouterr().out
    assert len(opened) == 1 and opened[0].startswith("http://127.0.0.1:")
    assert opened[0].endswith(BASE) and f"Serving {opened[0]}" in out
    assert "Stopped serving." in out
