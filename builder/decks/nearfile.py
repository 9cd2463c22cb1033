"""The file a deck meant, when the path written misses it by capitals or one letter.

'img/Chart.PNG' for img/chart.png found nothing on a case-sensitive disk (a USB
stick read on Linux, a site built by CI) and said only "does not exist", though
it opened on the Windows PC it was written on (a council officer's trial).
"""
from __future__ import annotations

import os
from pathlib import Path


def near_path(base: Path, written: str) -> str | None:
    """`written` (relative to `base`, '/'-separated) with each name that names nothing
    there swapped for the one name it is a slip of, or None: when nothing is found so,
    or when more than one name is alike."""
    here, fixed, changed = (Path("/") if written.startswith("/") else base), [], False
    names = written.split("/")
    for index, name in enumerate(names):
        if name in ("", ".", ".."):
            here = here.parent if name == ".." else here
        elif not (here / name).exists():
            meant = _slip_of(here, name, last=index == len(names) - 1)
            if meant is None:
                return None
            name, changed = meant, True
        fixed.append(name)
        if name not in ("", ".", ".."):
            here = here / name
    return "/".join(fixed) if changed and here.is_file() else None


def _slip_of(folder: Path, name: str, last: bool) -> str | None:
    try:
        entries = [e for e in os.listdir(folder) if (folder / e).is_file() == last]
    except OSError:
        return None
    for alike in (lambda e: e.casefold() == name.casefold(),
                  lambda e: _one_slip(e.casefold(), name.casefold())):
        found = [e for e in entries if alike(e)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _one_slip(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by one letter: changed, left out, added, or two side by
    side swapped."""
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(differ) == 1 or (len(differ) == 2 and differ[1] == differ[0] + 1
                                    and a[differ[0]] == b[differ[1]]
                                    and a[differ[1]] == b[differ[0]])
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    same = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return short[same:] == long[same + 1:]
