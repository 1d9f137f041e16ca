"""Sourcemark: warns news readers about suspect place names and unattributed quotations."""

__version__ = "0.1.0"
