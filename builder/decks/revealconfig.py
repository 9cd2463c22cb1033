"""The keys `Reveal.initialize` reads, for a deck's `revealOptions`.

reveal.js ignores a key it does not know without a word, so `transtion: fade`
left a deck sliding with no sign of why (a reveal-md user's trial). The list is
reveal.js 6's `RevealConfig` (node_modules/reveal.js/dist/config.d.ts; a test
holds the two together), plugins' own keys included.
"""
from __future__ import annotations

import difflib
from typing import Any

from ..errors import Problem, error, warning
from ..sources import Located

KEYS = frozenset({
    "width", "height", "margin", "minScale", "maxScale", "controls", "controlsTutorial",
    "controlsLayout", "controlsBackArrows", "progress", "slideNumber", "showSlideNumber",
    "hashOneBasedIndex", "hash", "respondToHashChanges", "jumpToSlide", "history",
    "keyboard", "keyboardCondition", "disableLayout", "overview", "center", "touch", "loop",
    "rtl", "navigationMode", "shuffle", "fragments", "fragmentInURL", "embedded", "help",
    "pause", "showNotes", "showHiddenSlides", "autoPlayMedia", "preloadIframes",
    "preventIframeAutoFocus", "autoAnimate", "autoAnimateMatcher", "autoAnimateEasing",
    "autoAnimateDuration", "autoAnimateUnmatched", "autoAnimateStyles", "autoSlide",
    "autoSlideStoppable", "autoSlideMethod", "defaultTiming", "mouseWheel", "previewLinks",
    "postMessage", "postMessageEvents", "focusBodyOnPageVisibilityChange", "transition",
    "transitionSpeed", "backgroundTransition", "parallaxBackgroundImage",
    "parallaxBackgroundSize", "parallaxBackgroundRepeat", "parallaxBackgroundPosition",
    "parallaxBackgroundHorizontal", "parallaxBackgroundVertical", "view", "scrollLayout",
    "scrollSnap", "scrollProgress", "scrollActivationWidth", "pdfMaxPagesPerSlide",
    "pdfSeparateFragments", "pdfPageHeightOffset", "viewDistance", "mobileViewDistance",
    "display", "hideInactiveCursor", "hideCursorTime", "sortFragmentsOnSync", "highlight",
    "markdown", "katex", "mathjax2", "mathjax3", "mathjax4", "dependencies", "plugins",
})


def unknown_options(meta: Located, reveal: Any) -> list[Problem]:
    """A warning at each key of the front matter's `revealOptions` that reveal.js does not
    read, naming the one meant when it is a slip of a letter or two."""
    if not isinstance(reveal, dict):
        return []
    problems = []
    for key in reveal:
        if key in KEYS:
            continue
        meant = difflib.get_close_matches(str(key), sorted(KEYS), n=1, cutoff=0.8)
        advice = (f"did you mean '{meant[0]}'?" if meant else
                  "see the options at https://revealjs.com/config/.")
        problems.append(warning(meta.path, meta.line("revealOptions", key), f"'{key}' is not "
                                f"an option of reveal.js, which ignores it; {advice}"))
    return problems


# reveal.js loads each `dependencies` entry's `src` itself, from wherever it says: past the
# deck's checks of its scripts (`scripts:`, files beside the deck, nothing from another host).
_LOADS_SCRIPTS = "dependencies"


def script_loaders(meta: Located, reveal: Any, reveal_json: dict) -> list[Problem]:
    """An error where `revealOptions` (or reveal.json) would have reveal.js load scripts."""
    message = (f"'{_LOADS_SCRIPTS}' makes reveal.js load scripts itself, which this build "
               "cannot check or keep offline; list the deck's own scripts under 'scripts:' "
               "(files beside the deck) instead.")
    problems = []
    if isinstance(reveal, dict) and _LOADS_SCRIPTS in reveal:
        problems.append(error(meta.path, meta.line("revealOptions", _LOADS_SCRIPTS), message))
    if _LOADS_SCRIPTS in reveal_json:
        problems.append(error(meta.path, 1, "reveal.json: " + message))
    return problems
