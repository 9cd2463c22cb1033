"""reveal-md's command-line options, and what to write for each with `bulletin deck`.

A reveal-md user types its options by habit (`--static _site`, `--theme night`,
`-w`, `--print`), and argparse's answer was the general `usage: bulletin ...`
with no word of what to write instead (a reveal-md user's trial).
"""
from __future__ import annotations

_FRONT_MATTER = "goes in the deck's front matter here"
HABITS = {
    "--static": "--static DIR is --out DIR here (default _static/)",
    "--css": f"--css {_FRONT_MATTER} (css: [style.css])",
    "--theme": f"--theme {_FRONT_MATTER} (theme: night, or your-own.css)",
    "--highlight-theme": f"--highlight-theme {_FRONT_MATTER} (highlightTheme: monokai)",
    "--scripts": f"--scripts {_FRONT_MATTER} (scripts: [extra.js])",
    "--title": f"--title {_FRONT_MATTER} (title: My talk)",
    "--separator": f"--separator {_FRONT_MATTER} (separator: '^---$')",
    "--vertical-separator": f"--vertical-separator {_FRONT_MATTER} (verticalSeparator: '^----$')",
    "--print": "--print is --pdf here (OUT/NAME.pdf); --pdf --handout makes the handout "
               "instead of the slides' PDF (OUT/NAME-handout.pdf: each slide, then its notes)",
    "--print-size": "there is no --print-size: a PDF page is the slide's size",
    "-w": "there is no watching a deck on its own: run the command again, or put the deck in "
          "content/decks/ and run bulletin serve, which rebuilds on every save",
    "--static-dirs": "--static-dirs is not needed: every file the deck refers to is copied",
    "--assets-dir": "--assets-dir is not needed: the deck's files keep their own paths",
    "--puppeteer-chromium-executable": "the BULLETIN_CHROMIUM variable names the Chromium "
                                       "that prints PDFs",
}
HABITS["--watch"] = HABITS["-w"]
# reveal-md's own server and templates, which a deck built here has no use for.
SERVER = ("--port", "--host", "--disable-auto-open", "--template", "--listing-template",
          "--preprocessor", "--glob", "--absolute-url", "--featured-slide",
          "--puppeteer-launch-args", "--watch-delay")


def hint(unrecognized: list[str]) -> str:
    """What to write instead of each reveal-md option among `unrecognized`, or ''."""
    said = []
    for word in unrecognized:
        option = word.split("=", 1)[0]
        if option in HABITS and HABITS[option] not in said:
            said.append(HABITS[option])
        elif option in SERVER:
            said.append(f"{option} is reveal-md's own: a deck built here needs no server")
    return "; ".join(said)
