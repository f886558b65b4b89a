"""The public site: published items, search, the Atom feed."""
