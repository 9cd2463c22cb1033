"""builder.arguments: the `bulletin` command line's commands, options and their mistakes.

test_cli.py runs the command (exit codes, `--help`, a mistyped command's
'Did you mean', the README naming every option), test_serve_server.py that a
bad port exits 2, and tests/decks/test_deck_cli.py reveal-md's options. Here,
the parser itself: that only the command run gets a sub-parser, each
command's defaults, and the words of its refusals.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from builder.arguments import make_parser
from builder.errors import UsageError

COMMANDS = ["build", "check", "init", "new", "import", "deck", "serve"]


def commands_made(argv: list[str]) -> list[str]:
    parser = make_parser(argv)
    [commands] = [a for a in parser._actions if a.dest == "command"]
    return list(commands.choices)


def parsed(*argv: str):
    return make_parser(list(argv)).parse_args(list(argv))


def refusal(capsys, *argv: str) -> tuple[str, str]:
    """The UsageError's words for `argv`, and the usage printed before it."""
    with pytest.raises(UsageError) as refused:
        parsed(*argv)
    assert refused.value.exit_code == 2
    return str(refused.value), capsys.readouterr().err


# --- which sub-parsers are made ------------------------------------------------------------------------

@pytest.mark.parametrize("command", COMMANDS)
def test_only_the_command_being_run_gets_its_sub_parser(command):
    assert commands_made([command, "--help"]) == [command]


@pytest.mark.parametrize("argv", [[], ["--help"], ["-h", "deck"], ["biuld"], ["--version"]])
def test_without_a_known_command_first_every_command_is_made_in_help_order(argv):
    assert commands_made(argv) == COMMANDS


# --- defaults ----------------------------------------------------------------------------------------

def test_build_defaults_to_this_folder_into_its_site_folder_with_search_and_cache():
    args = parsed("build")
    assert (args.command, args.root, args.out) == ("build", None, None)   # None: here, or the site whose content/ it is in
    assert not (args.drafts or args.strict or args.no_search or args.no_cache)


def test_serve_defaults_to_port_8000_on_this_computer_only():
    args = parsed("serve")
    assert (args.port, args.host, args.root) == (8000, "127.0.0.1", None)
    assert not (args.drafts or args.open or args.poll)


def test_serve_s_help_says_port_0_picks_a_free_one(capsys):
    with pytest.raises(SystemExit):
        make_parser(["serve", "--help"]).parse_args(["serve", "--help"])
    assert "0 picks a free one" in " ".join(capsys.readouterr().out.split())


def test_a_deck_is_written_into_static_and_its_root_is_asked_for_only_for_a_month():
    args = parsed("deck", "talk.md")
    assert (args.file, args.out, args.root) == (Path("talk.md"), Path("_static"), None)
    assert not (args.single_file or args.pdf or args.handout or args.strict or args.drafts)


def test_check_reports_as_text_unless_asked_for_json():
    assert parsed("check").format == "text"
    assert parsed("check", "--format", "json").format == "json"


def test_import_takes_several_files_and_new_its_month_and_root():
    args = parsed("import", "a.txt", "b.txt", "--force")
    assert (args.files, args.force) == ([Path("a.txt"), Path("b.txt")], True)
    args = parsed("new", "2026-03", "--root", "site")
    assert (args.month, args.root) == ("2026-03", Path("site"))
    assert parsed("init", "council").month is None


# --- ports -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("port", ["0", "65535"])
def test_every_port_from_0_to_65535_is_taken(port):
    assert parsed("serve", "--port", port).port == int(port)


@pytest.mark.parametrize("port, words", [
    ("eighty", "argument --port: 'eighty' is not a port number"),
    ("65536", "argument --port: 65536 is not a port number (0 to 65535)"),
    ("-1", "argument --port: -1 is not a port number (0 to 65535)"),
])
def test_a_port_that_is_no_port_is_refused_saying_why(capsys, port, words):
    said, usage = refusal(capsys, "serve", f"--port={port}")
    assert said == words
    assert usage.startswith("usage: bulletin serve")


# --- other refusals ------------------------------------------------------------------------------------

def test_an_unknown_option_shows_the_command_s_own_usage_not_the_general_one(capsys):
    """The top parser is the one that finds an unknown option; its usage is the general one."""
    said, usage = refusal(capsys, "build", "--strcit")
    assert said == "unrecognized arguments: --strcit"
    assert usage.startswith("usage: bulletin build [-h] [--root ROOT]")


def test_reveal_md_s_options_get_their_hint_only_from_the_deck_command(capsys):
    said, _ = refusal(capsys, "build", "--theme", "night")
    assert said == "unrecognized arguments: --theme night"


def test_a_command_like_none_of_them_is_not_guessed_at(capsys):
    said, usage = refusal(capsys, "zzz")
    assert said.startswith("argument COMMAND: invalid choice: 'zzz'")
    assert "Did you mean" not in said and "For a command's options" not in said
    assert usage.startswith("usage: bulletin [-h] [--version] COMMAND")


def test_a_choice_that_is_not_one_names_the_choices(capsys):
    said, _ = refusal(capsys, "check", "--format", "xml")
    assert said.startswith("argument --format: invalid choice: 'xml'")
    assert "text" in said and "json" in said


def test_import_without_a_file_says_one_is_needed(capsys):
    said, usage = refusal(capsys, "import")
    assert said == "the following arguments are required: FILE"
    assert usage.startswith("usage: bulletin import")


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_s_help_says_what_it_does(command, capsys):
    """An adopting council's trial: a command's --help gave its options with no word of
    what it was for."""
    with pytest.raises(SystemExit):
        make_parser([command, "--help"]).parse_args([command, "--help"])
    usage, _, rest = capsys.readouterr().out.partition("\n\n")
    assert usage.startswith(f"usage: bulletin {command}") and rest[0].isupper(), rest
    assert rest.split("\n\n")[0].rstrip().endswith("."), rest
