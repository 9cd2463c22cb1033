"""Live preview (`bulletin serve`): the same build as `bulletin build`, kept up to date on save.

    preview.py   starts and stops everything; the state pages are served in
    watcher.py   watchdog events, debounced into one rebuild per burst of saves
    rebuild.py   one rebuild through pipeline.build(), with the build cache
    sync.py      writes only the files whose bytes changed, atomically, under a lock
    search.py    the Pagefind index, rebuilt in the background
    server.py    the HTTP server (built site only) and the live-reload socket
    addresses.py where it listens, and which hosts it answers to
    overlay.py   what served HTML gets: the reload client, the error overlay

Nothing under builder/ outside this package imports it: the renderers never
know whether they are serving or building.
"""
from __future__ import annotations

from .preview import Preview

__all__ = ["Preview"]
