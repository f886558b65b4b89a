"""The local store encrypted at rest: keychain, password, wrong password, migration, SIGKILL."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.security.credentials import CredentialStore
from desktop.security.store_key import (
    EarlierPassword,
    KeychainSlot,
    StoreKeys,
    StoreLocked,
    WrongPassword,
)
from desktop.store import Store
from desktop.store.base import forget_key, is_plain
from tests.security.helpers import MemoryKeyring, files_containing

PASSWORD = "một mật khẩu dài đủ mười lăm ký tự"
PHRASE = "cụm từ riêng tư xyzzy-plugh"
ROOT = Path(__file__).resolve().parents[2]


def keys_for(path: Path, keyring: MemoryKeyring | None) -> StoreKeys:
    slot = KeychainSlot(CredentialStore(backend=keyring)) if keyring is not None else None
    return StoreKeys("c0ffee", path, slot)


def write_draft(store: Store) -> str:
    return store.create_draft("s1", "tin-tuc", "me", title="Tiêu đề", body=PHRASE).id


@pytest.fixture
def path(tmp_path: Path) -> Path:
    yield tmp_path / "store.sqlite3"
    forget_key(tmp_path / "store.sqlite3")  # this process's memory of the key


def test_opens_with_keychain_and_with_password_only(path: Path) -> None:
    keyring = MemoryKeyring()
    with keys_for(path, keyring).open_store(PASSWORD) as store:
        item_id = write_draft(store)
    assert is_plain(path) is False
    assert (path.parent / "store.key.json").exists()
    forget_key(path)
    with keys_for(path, keyring).open_store() as store:  # the keychain, no password
        assert store.item(item_id).current.body == PHRASE
    forget_key(path)
    with pytest.raises(StoreLocked):  # no keychain, no password
        keys_for(path, None).open_store()
    with keys_for(path, None).open_store(PASSWORD) as store:  # no keychain: the password
        assert store.item(item_id).current.body == PHRASE


def test_wrong_password_says_so_and_changes_nothing(path: Path) -> None:
    with keys_for(path, None).open_store(PASSWORD) as store:
        write_draft(store)
    forget_key(path)
    before = {p.name: p.read_bytes() for p in path.parent.iterdir()}
    with pytest.raises(WrongPassword) as raised:
        keys_for(path, None).open_store("không phải mật khẩu này")
    assert raised.value.message("vi") == "Mật khẩu không đúng."
    assert {p.name: p.read_bytes() for p in path.parent.iterdir()} == before
    with pytest.raises(Exception, match="encrypted"):  # a plain open cannot read it either
        Store.open(path)


def test_nothing_readable_in_file_wal_or_temp(path: Path) -> None:
    keys = keys_for(path, MemoryKeyring())
    store = keys.open_store(PASSWORD)
    other = Store.open(path)  # the writer thread's way: by path, the key from this process
    write_draft(store)
    assert other.search("xyzzy")  # the second connection reads it
    assert Path(str(path) + "-wal").stat().st_size > 0  # the WAL is there, still open
    assert files_containing(path.parent, "xyzzy", "riêng tư", "Tiêu đề", PASSWORD) == []
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    store.close()
    other.close()
    assert files_containing(path.parent, "xyzzy", "riêng tư", "Tiêu đề") == []


def test_password_change_rewraps_the_same_key(path: Path) -> None:
    keys = keys_for(path, None)
    with keys.open_store(PASSWORD) as store:
        item_id = write_draft(store)
    new = "mật khẩu mới cũng dài mười lăm"
    keys.rewrap(new)
    forget_key(path)
    assert not keys_for(path, None).check_password(PASSWORD)
    with keys_for(path, None).open_store(new) as store:
        assert store.item(item_id).current.body == PHRASE


def test_password_changed_elsewhere(path: Path) -> None:
    keyring = MemoryKeyring()
    keys_for(path, keyring).open_store(PASSWORD).close()
    forget_key(path)
    new = "mật khẩu đổi trên máy khác rồi"
    keys_for(path, keyring).after_login(new)  # the keychain has the key: re-wrapped
    forget_key(path)
    assert keys_for(path, None).check_password(new)
    forget_key(path)
    with pytest.raises(EarlierPassword):  # no keychain: the earlier password is needed
        keys_for(path, None).after_login("một mật khẩu khác hẳn nữa")


def test_plain_store_migrates_without_loss(path: Path) -> None:
    plain = Store.open(path)  # an older version's store: plain SQLite, WAL
    ids = [write_draft(plain) for _ in range(3)]
    plain.save_working(ids[0], body=PHRASE + " sửa")
    status = plain.status()
    plain.close()
    assert is_plain(path) and files_containing(path.parent, "xyzzy")
    with keys_for(path, MemoryKeyring()).open_store(PASSWORD) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.item(ids[0]).current.body == PHRASE + " sửa"
        assert store.status() == status
        assert [h.id for h in store.search("xyzzy")]
    assert is_plain(path) is False
    assert files_containing(path.parent, "xyzzy", "riêng tư") == []
    assert not list(path.parent.glob("*.encrypting"))


CHILD = """
import sys
from desktop.store import Store
key = bytes.fromhex(sys.stdin.readline().strip())
store = Store.open(sys.argv[1], key=key)
n = 0
while True:
    n += 1
    store.save_working(sys.argv[2], body="dòng " + str(n) + " xyzzy")
    print("saved", n, flush=True)
"""


def test_sigkill_during_writes(path: Path) -> None:
    keys = keys_for(path, None)
    with keys.open_store(PASSWORD) as store:
        item_id = write_draft(store)
    assert keys.key is not None
    for lines in (1, 7, 40):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), item_id],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(keys.key.hex() + "\n")
        child.stdin.flush()
        last = 0
        for seen, line in enumerate(child.stdout, start=1):
            last = int(line.split()[1])
            if seen >= lines:
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        forget_key(path)
        with keys_for(path, None).open_store(PASSWORD) as store:
            assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            body = store.item(item_id).current.body
            assert int(body.split()[1]) >= last
    assert files_containing(path.parent, "xyzzy", "dòng") == []
