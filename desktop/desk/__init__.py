"""The application layer: what a signed-in person can do, without Qt."""
