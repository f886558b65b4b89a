"""Shared test helpers: a real portal on loopback, a fault-injecting proxy, an in-memory keyring."""
