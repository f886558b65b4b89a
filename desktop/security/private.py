"""The client's files are the person's alone (issue 15): folders 0700, files 0600 on POSIX.

The store, its WAL, the key's header and the profile list hold nothing readable without the
keychain or the password, yet another account on the same computer has no business reading
them either. SQLite creates a store's ``-wal`` and ``-shm`` with the permissions of the store
file, so a store file made private keeps its side files private too. On Windows the data folder
lives in the user's profile, whose inherited ACL already admits only that user (and
administrators); nothing is changed there.
"""

from __future__ import annotations

import os
from pathlib import Path

POSIX = os.name == "posix"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: str | Path) -> Path:
    """``path`` made, and each missing parent, readable by its owner only (the folders made
    here: a parent that exists, like ``~/.local/share``, is left as it is; ``path`` itself is
    made private when it exists already)."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
        if POSIX:
            os.chmod(folder, FOLDER_MODE)
    if POSIX and not missing:
        os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: str | Path) -> Path:
    """``path`` created empty if missing, readable and writable by its owner only."""
    path = Path(path)
    private_folder(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    if POSIX:
        os.chmod(path, FILE_MODE)
    return path


def write_private(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (a temporary file, fsync, rename), 0600."""
    path = Path(path)
    private_folder(path.parent)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        if POSIX:
            os.fchmod(fd, FILE_MODE)
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def make_private(*paths: str | Path) -> None:
    """Existing files made 0600 (a store made before this rule, its side files)."""
    if not POSIX:
        return
    for path in paths:
        try:
            os.chmod(path, FILE_MODE)
        except FileNotFoundError:
            continue
