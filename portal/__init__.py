"""The reference portal server: the API the desktop client syncs with, and the public site."""
