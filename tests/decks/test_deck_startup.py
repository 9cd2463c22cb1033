"""`bulletin deck` is over in a tenth of a second, most of it Python starting up and
importing: what it imports, and what importing its modules costs, is guarded here."""
from __future__ import annotations

import json
import subprocess
import sys

from .decksupport import SEED

# What the deck, as a process of its own, reports about itself once it has run.
_REPORT = """
import dataclasses, json, sys
from builder.cli import main
assert main(['deck', sys.argv[1], '--out', sys.argv[2]]) == 0
ours = sorted(name for name in sys.modules if name.startswith('builder'))
undocumented = [f'{name}.{key}' for name in ours for key, value in vars(sys.modules[name]).items()
                if dataclasses.is_dataclass(value) and isinstance(value, type)
                and value.__module__ == name and value.__doc__.startswith(key + '(')]
print(json.dumps({'modules': ours, 'undocumented': undocumented}))
"""


def deck_process(tmp_path) -> dict:
    done = subprocess.run([sys.executable, "-c", _REPORT, str(SEED), str(tmp_path / "out")],
                          capture_output=True, text=True, check=True, cwd=tmp_path)
    return json.loads(done.stdout.splitlines()[-1])


def test_every_dataclass_a_deck_imports_has_a_docstring(tmp_path):
    """Python 3.11 writes a dataclass without one a docstring of its own, from
    inspect.signature, as the class is made: a twentieth of a millisecond each."""
    assert deck_process(tmp_path)["undocumented"] == []
