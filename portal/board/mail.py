"""E-mail notices (placeholder, filled below)."""
