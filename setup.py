"""Packaging details pyproject.toml cannot say: ``resources/`` (icons, translations, stylesheet)
sits at the top of the tree as design.md lays it out, and is installed as ``desktop.resources``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["desktop*", "portal*"]), "desktop.resources"],
    package_dir={"desktop.resources": "resources"},
    package_data={
        "desktop.resources": [
            "*.qss",
            "icons/*.svg",
            "translations/*.ts",
            "dictionaries/*",  # the Vietnamese Hunspell dictionary (GPL-2, its README)
        ],
        "portal.site": ["templates/*.html", "static/*"],
        "portal.db": ["migrations/script.py.mako"],
    },
)
