"""bulletin: publishes a county's monthly community safety bulletin."""

__version__ = "0.1.0"

from pathlib import Path as _Path

# The folder holding builder/, templates/, assets/ and node_modules/: the tool's own files.
TOOL_ROOT = _Path(__file__).resolve().parent.parent
