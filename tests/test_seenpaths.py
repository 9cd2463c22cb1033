"""builder.seenpaths: paths and the --root option as a message shows them to whoever ran it."""
from __future__ import annotations

import shlex
from pathlib import Path

from builder.arguments import make_parser
from builder.seenpaths import root_option


def test_a_root_with_a_space_is_quoted_as_a_shell_needs(tmp_path, monkeypatch):
    """The review of session 21: 'bulletin check --root Jo Bloggs/site' ran as two words."""
    site = tmp_path / "Jo Bloggs" / "site"
    site.mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    command = f"check 2026-03{root_option(site)}"
    assert command == "check 2026-03 --root 'Jo Bloggs/site'"
    assert make_parser(shlex.split(command)).parse_args(shlex.split(command)).root == \
        Path("Jo Bloggs/site")
