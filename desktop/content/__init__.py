"""An item's text in and out of files: front matter, exports, PDF."""
