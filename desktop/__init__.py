"""Bàn biên tập: the desktop editorial client for Vietnamese government web portals."""

__version__ = "0.1.0"
