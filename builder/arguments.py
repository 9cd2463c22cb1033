"""The `bulletin` command line: its commands and their options (argparse).

Only the command being run gets its sub-parser: each one argparse makes costs as
much as a tenth of `bulletin deck`'s own work, and a deck is over in a tenth of a
second. With no command, or one that is not known, every command is made, so
`bulletin --help` lists them all and a mistyped command is told the choices.
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from . import __version__
from .errors import UsageError


class _Parser(argparse.ArgumentParser):
    # The command's own parser, set on the top one: an option a command does not know
    # is found by the top parser, which would show the general usage, not the command's.
    command_parser: argparse.ArgumentParser | None = None

    def error(self, message: str):  # argparse exits 2 itself; keep our wording
        (self.command_parser or self).print_usage(sys.stderr)
        raise UsageError(message + _hint(message) + self._reveal_md_hint(message))

    def _reveal_md_hint(self, message: str) -> str:
        """For `bulletin deck`, what to write instead of reveal-md's options."""
        unknown = message.partition("unrecognized arguments: ")[2]
        if not unknown or self.command_parser is None or self.command_parser.prog != "bulletin deck":
            return ""
        from .decks.revealmd import hint
        said = hint(unknown.split())
        return f". {said[0].upper()}{said[1:]}." if said else ""


def _hint(message: str) -> str:
    """For a command that is not one: the command meant, or how to ask for help."""
    wrong = re.search(r"argument COMMAND: invalid choice: '([^']*)'", message)
    if wrong is None:
        return ""
    if wrong.group(1) == "help":
        return ". For a command's options: bulletin build --help (or check, new, ...)"
    meant = difflib.get_close_matches(wrong.group(1), list(_COMMANDS), n=1)
    return f". Did you mean 'bulletin {meant[0]}'?" if meant else ""


def make_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (default: this process's arguments)."""
    parser = _Parser(prog="bulletin", description="Build the community safety bulletin site.")
    parser.add_argument("--version", action="version", version=f"bulletin {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    named = _command_in(sys.argv[1:] if argv is None else argv)
    for name, (text, add_options) in _COMMANDS.items():
        if named in (None, name):
            # the command's own --help says what it does too, as a sentence
            add_options(command := commands.add_parser(
                name, help=text, description=f"{text[0].upper()}{text[1:]}."))
            parser.command_parser = command if named else None
    return parser


def _command_in(argv: list[str]) -> str | None:
    """The command `argv` names, if it starts with one (`bulletin -h deck` asks for the
    list of commands)."""
    return argv[0] if argv and argv[0] in _COMMANDS else None


def _root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=None,
                        help="the site's folder, holding content/ (default: here, or the "
                             "site whose content/ this folder is in)")


def _build(build: argparse.ArgumentParser) -> None:
    _root_option(build)
    build.add_argument("--out", type=Path, default=None,
                       help="where to write the site (default: ROOT/site)")
    build.add_argument("--drafts", action="store_true", help="include issues with status: draft")
    build.add_argument("--strict", action="store_true", help="fail on warnings too")
    build.add_argument("--no-search", action="store_true",
                       help="skip building the Pagefind search index")
    build.add_argument("--no-cache", action="store_true",
                       help="render everything afresh, neither reading nor writing .cache/build/")


def _check(check: argparse.ArgumentParser) -> None:
    check.add_argument("month", metavar="YYYY-MM", nargs="?", default=None,
                       help="list only that month's warnings (and every error, each of "
                            "which stops the build); default: everything")
    _root_option(check)
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text (one problem per line) or json (for tools)")
    check.add_argument("--strict", action="store_true",
                       help="exit 1 on warnings too, as 'bulletin build --strict' fails on them")


def _init(init: argparse.ArgumentParser) -> None:
    init.add_argument("folder", metavar="DIR", type=Path,
                      help="the new site's folder: one that does not exist yet, or is empty")
    init.add_argument("--month", metavar="YYYY-MM", default=None,
                      help="the site's first month, written as a draft (default: this month)")


def _new(new: argparse.ArgumentParser) -> None:
    new.add_argument("month", metavar="YYYY-MM", help="the month to create, like 2026-03")
    _root_option(new)


def _import(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("files", metavar="FILE", nargs="+", type=Path,
                     help="exported monthly updates, action plans or documents (.txt)")
    _root_option(imp)
    imp.add_argument("--force", action="store_true",
                     help="replace content files that already exist")


def _deck(deck: argparse.ArgumentParser) -> None:
    deck.add_argument("file", type=Path, metavar="FILE.md|YYYY-MM",
                      help="a deck's Markdown file, or a month (2026-02, or its folder "
                           "content/bulletins/2026-02) for the deck 'bulletin build' makes of it")
    deck.add_argument("--out", type=Path, default=Path("_static"), metavar="DIR",
                      help="the folder to write into (default: _static); the deck replaces "
                           "what is in it, but for the PDFs and single files written there")
    deck.add_argument("--single-file", action="store_true",
                      help="write one self-contained OUT/NAME.html instead of the folder "
                           "(a month's NAME is the month: OUT/2026-02.html)")
    deck.add_argument("--pdf", action="store_true",
                      help="write OUT/NAME.pdf through headless Chromium, one page per slide")
    deck.add_argument("--handout", action="store_true",
                      help="with --pdf: speaker notes on a page of their own after each slide "
                           "(OUT/NAME-handout.pdf)")
    deck.add_argument("--strict", action="store_true", help="fail on warnings too")
    deck.add_argument("--root", type=Path, default=None,
                      help="for a month: the site's folder, holding content/ (default: here)")
    deck.add_argument("--drafts", action="store_true",
                      help="for a month: allow a month whose issue is a draft")


def _serve(serve: argparse.ArgumentParser) -> None:
    _root_option(serve)
    serve.add_argument("--port", type=_port, default=8000,
                       help="the port to serve on (default: 8000; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="the address to serve on (default: 127.0.0.1, this computer only)")
    serve.add_argument("--drafts", action="store_true",
                       help="include issues with status: draft, under a Draft banner")
    serve.add_argument("--open", action="store_true", help="open the site in a web browser")
    serve.add_argument("--poll", action="store_true",
                       help="check files for changes every half second instead of being told "
                            "(for network drives and WSL, where changes are not reported)")


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535)")
    return port


# In the order `bulletin --help` lists them.
_COMMANDS = {
    "build": ("build the site from content/ into site/", _build),
    "check": ("check the content, decks and the site's own styles, building nothing", _check),
    "init": ("start a new site in a folder of its own, with a first month to fill in", _init),
    "new": ("start a new month from the latest issue (or, for the first month, from "
            "content/themes.yaml)", _new),
    "import": ("convert exported documents into content files", _import),
    "deck": ("build one slide deck (reveal-md Markdown, or a month's) on its own", _deck),
    "serve": ("preview the site: build, serve, and rebuild and reload on every save", _serve),
}
