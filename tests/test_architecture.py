"""The layers, checked (docs/architecture.md): every import statement of every module, those
inside functions too, against what its layer may use. A new back-edge fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

QT = ("PySide6", "qasync", "shiboken6")
#: What each layer must not import (prefixes of module names). The first match wins.
FORBIDDEN: list[tuple[str, tuple[str, ...]]] = [
    # the domain: pure Python, shared with the portal
    (
        "desktop.models",
        (
            "desktop.store",
            "desktop.sync",
            "desktop.security",
            "desktop.publishing",
            "desktop.reports",
            "desktop.content",
            "desktop.desk",
            "desktop.ui",
            "desktop.cli",
            "desktop.app",
            "portal",
            "sqlite3",
            "sqlite_utils",
            "sqlcipher3",
            "httpx",
            *QT,
        ),
    ),
    # the engine: store and sync know neither the application layer nor its faces
    (
        "desktop.store",
        (
            "desktop.sync",
            "desktop.publishing",
            "desktop.reports",
            "desktop.desk",
            "desktop.ui",
            "desktop.cli",
            "desktop.app",
            "portal",
            *QT,
        ),
    ),
    (
        "desktop.sync",
        (
            "desktop.publishing",
            "desktop.reports",
            "desktop.content",
            "desktop.desk",
            "desktop.ui",
            "desktop.cli",
            "desktop.app",
            "portal",
            *QT,
        ),
    ),
    (
        "desktop.security",
        ("desktop.sync", "desktop.desk", "desktop.ui", "desktop.cli", "desktop.app", "portal", *QT),
    ),
    (
        "desktop.publishing",
        ("desktop.desk", "desktop.ui", "desktop.cli", "desktop.app", "portal", *QT),
    ),
    (
        "desktop.reports",
        ("desktop.desk", "desktop.ui", "desktop.cli", "desktop.app", "portal", *QT),
    ),
    (
        "desktop.content.pdf",  # the one Qt module of content: QTextDocument prints the PDF
        ("desktop.desk", "desktop.ui", "desktop.cli", "desktop.app", "portal"),
    ),
    (
        "desktop.content",
        ("desktop.desk", "desktop.ui", "desktop.cli", "desktop.app", "portal", *QT),
    ),
    # the application layer: no face, no Qt
    ("desktop.desk", ("desktop.ui", "desktop.cli", "desktop.app", "portal", *QT)),
    # the faces: each over the desk, never the other face, never the portal's code
    ("desktop.ui", ("desktop.cli", "portal", "sqlite3", "sqlite_utils", "httpx")),
    ("desktop.cli", ("desktop.ui", "portal", *QT)),
    # the server uses nothing of the client but the domain
    (
        "portal",
        (
            "desktop.store",
            "desktop.sync",
            "desktop.security",
            "desktop.publishing",
            "desktop.reports",
            "desktop.content",
            "desktop.desk",
            "desktop.ui",
            "desktop.cli",
            "desktop.app",
            *QT,
        ),
    ),
]

#: Known, deliberate crossings: (module, imported) with the reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("desktop.cli", "desktop.app"): "without a command, portal-desk starts the app",
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for package in ("desktop", "portal"):
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found.append((name, path))
    return found


def imports(module: str, path: Path) -> list[tuple[str, int]]:
    """Every module an import statement names (absolute; relative ones resolved)."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((base, node.lineno))
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def rule_for(module: str) -> tuple[str, tuple[str, ...]] | None:
    for layer, forbidden in FORBIDDEN:
        if module == layer or module.startswith(layer + "."):
            return layer, forbidden
    return None


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_every_layer_imports_only_what_it_may() -> None:
    broken = []
    for module, path in modules():
        rule = rule_for(module)
        if rule is None:
            continue
        layer, forbidden = rule
        for name, line in imports(module, path):
            for prefix in forbidden:
                if within(name, prefix) and not within(name, layer):
                    if (layer, prefix) in ALLOWED:
                        continue
                    broken.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert broken == [], "\n".join(sorted(set(broken)))


@pytest.mark.parametrize("bad", ["desktop.ui.services", "portal.board.service"])
def test_the_check_sees_an_import_inside_a_function(bad: str, tmp_path: Path) -> None:
    source = tmp_path / "engine.py"
    source.write_text(f"def later():\n    import {bad}\n", "utf-8")
    assert (bad, 2) in imports("desktop.sync.engine", source)
    _layer, forbidden = rule_for("desktop.sync.engine")  # type: ignore[misc]
    assert any(within(bad, prefix) for prefix in forbidden)


def test_no_module_is_too_long_to_read_in_one_sitting() -> None:
    """~500 lines is where a module asks to be split; data tables are exempt."""
    tables = {"portal/demo/content.py", "desktop/models/legacy.py", "desktop/models/fields.py"}
    long = [
        f"{path.relative_to(ROOT)}: {count} lines"
        for _module, path in modules()
        if str(path.relative_to(ROOT)) not in tables
        and (count := len(path.read_text("utf-8").splitlines())) > 560
    ]
    assert long == [], "\n".join(long)
