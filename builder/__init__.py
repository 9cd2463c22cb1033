"""bulletin: publishes a county's monthly community safety bulletin."""

__version__ = "0.1.0"
