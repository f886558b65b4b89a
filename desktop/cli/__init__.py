"""``portal-desk``: the GUI launcher and the headless commands (see docs/cli.md).

Headless commands import no Qt and load their modules lazily so that they start fast.
Exit codes: 0 ok, 1 error, 2 usage, 3 offline (queued, not synced), 4 not logged in,
5 conflicts remain.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.desk.profiles import Profile
    from desktop.security.credentials import CredentialStore
    from desktop.store import Store

OK, ERROR, USAGE, OFFLINE, NOT_LOGGED_IN, CONFLICTS = 0, 1, 2, 3, 4, 5

MESSAGES: dict[str, tuple[str, str]] = {
    "logged_in": ("Đã đăng nhập vào {url}.", "Logged in to {url}."),
    "memory_only": (
        "Không có kho khóa an toàn: phiên chỉ giữ trong lần chạy này.",
        "No secure keychain: the session is kept for this run only.",
    ),
    "logged_out": ("Đã đăng xuất.", "Logged out."),
    "not_logged_in": (
        "Chưa đăng nhập. Dùng: portal-desk login --server URL --user TÊN --password-stdin "
        "(không có kho khóa: portal-desk sync --password-stdin)",
        "Not logged in. Use: portal-desk login --server URL --user NAME --password-stdin "
        "(no keychain: portal-desk sync --password-stdin)",
    ),
    "no_password": ("Không đọc được mật khẩu từ stdin.", "No password on stdin."),
    "sync_done": (
        "Đã đồng bộ: nhận {pulled}, gửi {pushed}, hòa trộn {merged}, xung đột {conflicts}, "
        "bị từ chối {failed}, bỏ {dropped}.",
        "Synced: pulled {pulled}, pushed {pushed}, merged {merged}, conflicts {conflicts}, "
        "failed {failed}, dropped {dropped}.",
    ),
    "conflicts_remain": (
        "Còn {n} xung đột cần giải quyết: portal-desk conflicts list",
        "{n} conflict(s) remain: portal-desk conflicts list",
    ),
    "queued": ("Đã xếp hàng; sẽ gửi khi đồng bộ.", "Queued; it will be sent on the next sync."),
    "created": ("Đã tạo bản nháp {id}.", "Draft {id} created."),
    "no_item": ("Không tìm thấy tin “{id}”.", "No item “{id}”."),
    "ambiguous": ("“{id}” khớp nhiều tin: {ids}", "“{id}” matches several items: {ids}"),
    "no_site": ("Hãy chọn trang bằng --site ({sites}).", "Choose the site with --site ({sites})."),
    "no_category": ("Chưa có chuyên mục (category).", "The category is missing."),
    "not_allowed": ("Không thực hiện được: {reason}", "Not allowed: {reason}"),
    "unknown_action": ("Thao tác không hợp lệ: {action}", "Unknown action: {action}"),
    "file_error": ("Không đọc được tệp {file}: {error}", "Cannot read {file}: {error}"),
    "no_conflict": ("Không có xung đột “{id}”.", "No conflict “{id}”."),
    "resolved": ("Đã giải quyết xung đột {id}.", "Conflict {id} resolved."),
    "no_conflicts": ("Không có xung đột.", "No conflicts."),
    "no_items": ("Không có tin nào.", "No items."),
    "status": (
        "Trực tuyến: {online} · chờ gửi: {pending} · xung đột: {conflicts} · bị từ chối: "
        "{failed} · đồng bộ lần cuối: {last_sync}",
        "Online: {online} · pending: {pending} · conflicts: {conflicts} · failed: {failed} · "
        "last sync: {last_sync}",
    ),
    "no_hits": ("Không tìm thấy tin nào khớp “{query}”.", "No items match “{query}”."),
    "converted_in_place": (
        "Đã ghi lại {file} (bản cũ giữ ở {backup}).",
        "{file} rewritten (the old one is kept as {backup}).",
    ),
    "unchanged": ("Tệp {file} giữ nguyên.", "{file} left unchanged."),
    "unsure": (
        "Chưa chắc chắn về phông chữ cũ (có thể là {suggested}); hãy kiểm tra, hoặc chỉ rõ bằng "
        "--encoding.",
        "Not sure of the old font (perhaps {suggested}); check the result, or say it with "
        "--encoding.",
    ),
    "report_period": (
        "Chọn kỳ báo cáo: --year N [--quarter 1-4] hoặc --from YYYY-MM-DD --to YYYY-MM-DD.",
        "Choose the period: --year N [--quarter 1-4] or --from YYYY-MM-DD --to YYYY-MM-DD.",
    ),
    "report_done": (
        "Đã lập báo cáo {out}: {published} tin, bài đã đăng; tỷ lệ đúng hạn {share}.",
        "Report written to {out}: {published} items published; within the deadline {share}.",
    ),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "never": ("chưa", "never"),
}


class CliError(Exception):
    def __init__(self, message: str, code: int = ERROR) -> None:
        super().__init__(message)
        self.code = code


def make_credential_store() -> CredentialStore:
    """The keychain access; tests replace this with an in-memory backend."""
    from desktop.security.credentials import CredentialStore

    return CredentialStore(service="ban-bien-tap")


class Cli:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang = "en" if (args.lang or os.environ.get("PORTAL_DESK_LANG")) == "en" else "vi"

    def say(self, key: str, **values: Any) -> str:
        vi, en = MESSAGES[key]
        return (vi if self.lang == "vi" else en).format(**values)

    def out(self, text: str) -> None:
        print(text)

    def emit_json(self, value: Any) -> None:
        print(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True))

    # -- profiles, store, session -------------------------------------------------------------

    def profiles(self) -> Any:
        from desktop.desk.profiles import Profiles, data_dir

        return Profiles(data_dir(self.args.data_dir))

    def profile(self) -> Profile:
        profiles = self.profiles()
        chosen = profiles.get(self.args.profile) if self.args.profile else profiles.last()
        if chosen is None:
            raise CliError(self.say("not_logged_in"), NOT_LOGGED_IN)
        return chosen

    def store(self, profile: Profile) -> Store:
        """The profile's encrypted store: its key from the keychain, else from the password."""
        from desktop.security.store_key import StoreKeyError, StoreKeys

        keys = StoreKeys.for_profile(profile, make_credential_store())
        password = self._password
        if password is None and getattr(self.args, "unlock_stdin", False):
            password = self.read_password()
        try:
            store: Store = keys.open_store(password)
        except StoreKeyError as error:
            hint = " (--unlock-stdin)" if password is None else ""
            raise CliError(error.message(self.lang) + hint, NOT_LOGGED_IN) from error
        return store

    def me(self, store: Store) -> dict[str, Any]:
        me = store.me()
        if me is None:
            raise CliError(self.say("not_logged_in"), NOT_LOGGED_IN)
        return me

    def resolve_id(self, store: Store, prefix: str) -> str:
        found = store.find_ids(prefix)
        if not found:
            raise CliError(self.say("no_item", id=prefix))
        if len(found) > 1 and prefix not in found:
            raise CliError(self.say("ambiguous", id=prefix, ids=", ".join(f[:8] for f in found)))
        return prefix if prefix in found else found[0]

    def read_file(self, path: str) -> dict[str, Any]:
        from desktop.content.frontmatter import FrontMatterError, parse
        from desktop.models.legacy import convert_file

        try:
            with open(path, "rb") as handle:
                conversion = convert_file(handle.read())  # old TCVN3/VNI text → Unicode
        except (OSError, UnicodeDecodeError) as error:
            raise CliError(self.say("file_error", file=path, error=error)) from error
        text = conversion.text.replace("\r\n", "\n").replace("\r", "\n")
        if conversion.changed:
            print(f"{path}: {conversion.summary(self.lang)}", file=sys.stderr)
        try:
            return parse(text)
        except FrontMatterError as error:
            raise CliError(f"{path}: {error.message(self.lang)}") from error

    # -- commands -----------------------------------------------------------------------------

    _password: str | None = None

    def read_password(self) -> str:
        """The password from stdin, read once per run (login, sync and the store share it)."""
        if self._password is not None:
            return self._password
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CliError(self.say("no_password"), USAGE)
        self._password = password
        return password

    def login(self) -> int:
        import asyncio

        return asyncio.run(self._login(self.read_password()))

    async def _login_for_run(self, client: Any, account: str, password: str) -> None:
        from desktop.sync.errors import AuthError, Offline

        try:
            await client.login(account, password)
        except AuthError as error:
            raise CliError(error.message(self.lang), NOT_LOGGED_IN) from error
        except Offline as error:
            raise CliError(error.message(self.lang), OFFLINE) from error

    async def _login(self, password: str) -> int:
        from desktop.security.store_key import StoreKeyError, StoreKeys
        from desktop.store import Store
        from desktop.sync import PortalClient, SyncEngine
        from desktop.sync.api import check_url
        from desktop.sync.errors import AuthError, Offline

        url = check_url(self.args.server)
        creds = make_credential_store()
        async with PortalClient(url) as client:
            try:
                me = await client.login(self.args.user, password)
            except AuthError as error:
                raise CliError(error.message(self.lang), NOT_LOGGED_IN) from error
            except Offline as error:
                raise CliError(error.message(self.lang), OFFLINE) from error
            profiles = self.profiles()
            profile = self._profile_for(profiles, url, me["username"], creds, password)
            label = ", ".join(info.get("name", site) for site, info in me["sites"].items())
            if profile is None:
                profile = profiles.create(url, label)
            else:
                profiles.set_last(profile.id, label)
            keys = StoreKeys.for_profile(profile, creds)
            try:
                keys.after_login(password)  # the store's key, wrapped with this password
            except StoreKeyError as error:
                raise CliError(error.message(self.lang), NOT_LOGGED_IN) from error
            with keys.open_store() as store:
                store.set_me(me)
            secure = creds.save(profile.id, me["username"], client.refresh_token or "")
            engine = SyncEngine(Store.open(profile.store_path), client, language=self.lang)
            try:
                await engine.refresh_directory()
            except Offline:
                pass
            finally:
                await engine.aclose()
        self.out(self.say("logged_in", url=url))
        if not secure:
            print(self.say("memory_only"), file=sys.stderr)
        return OK

    def _profile_for(
        self, profiles: Any, url: str, username: str, creds: Any = None, password: str = ""
    ) -> Profile | None:
        from desktop.security.store_key import StoreKeyError, StoreKeys

        for profile in profiles.all():
            if profile.url != url or not profile.store_path.exists():
                continue
            try:  # a store this password (or the keychain) cannot open is someone else's
                store = StoreKeys.for_profile(profile, creds).open_store(password or None)
            except StoreKeyError:
                continue
            with store:
                me = store.me()
            if me and me.get("username") == username:
                return profile
        return None

    def logout(self) -> int:
        import asyncio

        profile = self.profile()
        creds = make_credential_store()
        saved = creds.load(profile.id)
        if saved is not None:
            asyncio.run(self._logout(profile, saved.refresh_token))
        creds.delete(profile.id)
        from desktop.security.store_key import StoreKeys

        StoreKeys.for_profile(profile, creds).forget()  # the password still opens the store
        self.out(self.say("logged_out"))
        return OK

    async def _logout(self, profile: Profile, token: str) -> None:
        from desktop.sync import PortalClient, PortalError

        async with PortalClient(profile.url, refresh_token=token) as client:
            with contextlib.suppress(PortalError):  # offline: the token expires by itself
                await client.logout()

    def sync(self) -> int:
        import asyncio

        return asyncio.run(self._sync())

    async def _sync(self) -> int:
        from desktop.sync import PortalClient, SyncEngine

        profile = self.profile()
        creds = make_credential_store()
        saved = creds.load(profile.id)
        password = self.read_password() if self.args.password_stdin else None
        if saved is None and password is None:
            raise CliError(self.say("not_logged_in"), NOT_LOGGED_IN)
        store = self.store(profile)
        account = saved.account if saved is not None else self.me(store)["username"]

        def keep(token: str) -> None:
            creds.save(profile.id, account, token)

        try:
            async with PortalClient(
                profile.url,
                refresh_token=saved.refresh_token if saved is not None else None,
                on_refresh_token=keep,
            ) as client:
                if saved is None and password is not None:
                    # No keychain kept a session (e.g. a headless machine): log in for this run.
                    await self._login_for_run(client, account, password)
                    keep(client.refresh_token or "")
                engine = SyncEngine(store, client, language=self.lang)
                try:
                    report = await engine.sync()
                finally:
                    await engine.aclose()
            remaining = store.status()["conflicts"]
        finally:
            store.close()
        if self.args.json:
            self.emit_json({**report.to_dict(), "conflicts_open": remaining})
        else:
            self.out(self.say("sync_done", **report.to_dict()))
        if report.auth_failed:
            raise CliError(report.error or self.say("not_logged_in"), NOT_LOGGED_IN)
        if not report.online:
            raise CliError(report.error or "offline", OFFLINE)
        if report.error:
            raise CliError(report.error, ERROR)
        if remaining:
            print(self.say("conflicts_remain", n=remaining), file=sys.stderr)
            return CONFLICTS
        return OK

    def status(self) -> int:
        profile = self.profile()
        with self.store(profile) as store:
            status = store.status()
        status["profile"] = profile.id
        status["portal"] = profile.url
        if self.args.json:
            self.emit_json(status)
        else:
            yes, no = self.say("yes"), self.say("no")
            self.out(
                self.say(
                    "status",
                    online=yes if status["online"] else no,
                    pending=status["pending"],
                    conflicts=status["conflicts"],
                    failed=status["failed"],
                    last_sync=status["last_sync"] or self.say("never"),
                )
            )
        return OK

    def items_list(self) -> int:
        with self.store(self.profile()) as store:
            rows = store.list_items(states=[self.args.state] if self.args.state else None)
            if self.args.json:
                from desktop.cli.content import with_due_dates  # issue 6

                self.emit_json(with_due_dates(store, rows))
                return OK
        if self.args.json:
            self.emit_json([row.to_dict() for row in rows])
        elif not rows:
            self.out(self.say("no_items"))
        else:
            for row in rows:
                self.out(
                    f"{row.id[:8]}  {row.state:<10} v{row.version:<3} {row.sync_status.value:<8} "
                    f"{row.category:<16} {row.title}"
                )
        return OK

    def items_show(self) -> int:
        with self.store(self.profile()) as store:
            item_id = self.resolve_id(store, self.args.id)
            local = store.item(item_id)
            assert local is not None
            data = {
                **local.current.to_dict(),
                "sync_status": local.sync_status.value,
                "base_version": local.base_version,
                "comments": store.comments(item_id),
            }
            from desktop.cli.content import due_fields  # issue 6: due_date, deadline_status

            data.update(due_fields(store, local.current))
        if self.args.json:
            self.emit_json(data)
        else:
            from desktop.content.frontmatter import render

            self.out(
                f"# {data['id']} · {data['state']} · v{data['version']} · {data['sync_status']}"
            )
            self.out(render(data))
        return OK

    def items_new(self) -> int:
        content = self.read_file(self.args.file)
        with self.store(self.profile()) as store:
            me = self.me(store)
            sites = sorted(me["sites"])
            site = self.args.site or (sites[0] if len(sites) == 1 else None)
            if site is None:
                raise CliError(self.say("no_site", sites=", ".join(sites)), USAGE)
            category = content.pop("category", "")
            if not category:
                raise CliError(self.say("no_category"))
            item = store.create_draft(site, category, me["username"], **content)
        self.out(item.id if self.args.quiet else self.say("created", id=item.id))
        return OK

    def items_edit(self) -> int:
        content = self.read_file(self.args.file)
        with self.store(self.profile()) as store:
            item_id = self.resolve_id(store, self.args.id)
            store.save_working(item_id, **content)
        self.out(self.say("queued"))
        return OK

    def items_act(self) -> int:
        from datetime import UTC, datetime

        from desktop.models import Action, check_action
        from desktop.store.directory import grant_from_dict, site_settings, user_from_me

        try:
            action = Action(self.args.action)
        except ValueError as error:
            raise CliError(self.say("unknown_action", action=self.args.action), USAGE) from error
        with self.store(self.profile()) as store:
            me = self.me(store)
            item_id = self.resolve_id(store, self.args.id)
            local = store.item(item_id)
            assert local is not None
            item = local.current
            grants = [grant_from_dict(g) for g in store.grants(item.site)]
            categories = {c["id"] for c in store.categories(item.site)} or None
            comment = self.args.comment
            verdict = check_action(
                item,
                action,
                user_from_me(me),
                grants,
                datetime.now(UTC),
                site_settings(me, item.site),
                categories,
            )
            if not verdict:
                reason = " ".join(p.message(self.lang) for p in verdict.problems)
                raise CliError(self.say("not_allowed", reason=reason))
            from desktop.models import comment_required

            if comment_required(item.state, action) and not (comment or "").strip():
                raise CliError(self.say("not_allowed", reason="comment / lý do"), USAGE)
            store.queue_action(item_id, action, comment)
        self.out(self.say("queued"))
        return OK

    def _conflict(self, store: Store, ident: str) -> Any:
        if ident.isdigit():
            conflict = store.conflict(int(ident))
            if conflict is not None:
                return conflict
        matches = [c for c in store.conflicts() if c.item_id.startswith(ident)]
        if len(matches) != 1:
            raise CliError(self.say("no_conflict", id=ident))
        return matches[0]

    def conflicts_list(self) -> int:
        with self.store(self.profile()) as store:
            found = store.conflicts()
        if self.args.json:
            self.emit_json([c.to_dict() for c in found])
        elif not found:
            self.out(self.say("no_conflicts"))
        else:
            for c in found:
                self.out(f"{c.id:<4} {c.item_id[:8]}  v{c.theirs_version:<3} {', '.join(c.fields)}")
        return OK

    def conflicts_show(self) -> int:
        from desktop.sync.merge import conflict_text

        with self.store(self.profile()) as store:
            conflict = self._conflict(store, self.args.id)
        if self.args.json:
            self.emit_json(conflict.to_dict())
            return OK
        self.out(f"# {conflict.id} · {conflict.item_id} · {', '.join(conflict.fields)}")
        for name in conflict.fields:
            base, mine, theirs = (
                conflict.base.get(name),
                conflict.mine.get(name),
                conflict.theirs.get(name),
            )
            self.out(f"## {name}")
            if all(isinstance(v, str) for v in (base, mine, theirs)):
                self.out(conflict_text(base, mine, theirs))
            else:
                self.out(
                    json.dumps(
                        {"base": base, "mine": mine, "theirs": theirs}, ensure_ascii=False, indent=2
                    )
                )
        return OK

    def conflicts_resolve(self) -> int:
        if bool(self.args.keep) == bool(self.args.file):
            raise CliError("--keep mine|theirs | --file merged.md", USAGE)
        resolution: str | dict[str, Any] = self.args.keep or self.read_file(self.args.file)
        with self.store(self.profile()) as store:
            conflict = self._conflict(store, self.args.id)
            store.resolve_conflict(conflict.id, resolution)
        self.out(self.say("resolved", id=conflict.id))
        return OK

    # -- search, convert, report (issue 7) ------------------------------------------------------

    def search(self) -> int:
        query = " ".join(self.args.query)
        with self.store(self.profile()) as store:
            hits = store.search(
                query,
                states=self.args.state,
                category=self.args.category,
                author=self.args.author,
                unit=self.args.unit,
                date_from=self.args.date_from,
                date_to=self.args.date_to,
                limit=self.args.limit,
            )
        if self.args.json:
            self.emit_json([hit.to_dict() for hit in hits])
        elif not hits:
            self.out(self.say("no_hits", query=query))
        else:
            for hit in hits:
                self.out(f"{hit.id[:8]}  {hit.state:<10} {hit.category:<16} {hit.marked_title()}")
                if hit.snippet:
                    self.out(f"          {hit.marked()}")
        return OK

    def convert(self) -> int:
        from pathlib import Path

        from desktop.models.legacy import convert_file

        path = Path(self.args.file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CliError(self.say("file_error", file=path, error=error)) from error
        result = convert_file(data, self.args.encoding)
        print(result.summary(self.lang), file=sys.stderr)
        if result.is_unsure:
            print(self.say("unsure", suggested=result.suggested or "tcvn3/vni"), file=sys.stderr)
        if not self.args.in_place:
            sys.stdout.write(result.text)
            sys.stdout.flush()
        elif not result.changed:
            print(self.say("unchanged", file=path), file=sys.stderr)
        else:
            backup = path.with_name(path.name + ".bak")
            backup.write_bytes(data)
            path.write_bytes(result.text.encode("utf-8"))
            print(self.say("converted_in_place", file=path, backup=backup), file=sys.stderr)
        return OK

    def report(self) -> int:
        from desktop.reports import Period, compute, write_csv, write_docx
        from desktop.reports.docx_export import percent

        args = self.args
        try:
            if args.date_from and args.date_to:
                period = Period.between(args.date_from, args.date_to)
            elif args.year and args.quarter:
                period = Period.for_quarter(args.year, args.quarter)
            elif args.year and not (args.date_from or args.date_to):
                period = Period.for_year(args.year)
            else:
                raise ValueError("period")
        except ValueError as error:
            raise CliError(self.say("report_period"), USAGE) from error
        profile = self.profile()
        with self.store(profile) as store:
            me = store.me() or {}
            figures = compute(store, period, site=args.site, language=self.lang)
        if args.format == "csv":
            out = write_csv(figures, args.out)
        else:
            sites = me.get("sites") or {}
            names = [info.get("name", site) for site, info in sites.items()]
            agency = (sites.get(args.site) or {}).get("name", "") if args.site else ""
            out = write_docx(
                figures,
                args.out,
                agency=agency or (names[0] if len(names) == 1 else ""),
                portal_url=profile.url,
                reporter=me.get("full_name") or "",
            )
        if not figures.up_to_date:
            print(figures.freshness(self.lang), file=sys.stderr)
        share = percent(figures.total.on_time_share)
        self.out(self.say("report_done", out=out, published=figures.total.published, share=share))
        return OK


def add_search_convert_report(commands: Any) -> None:
    """``search``, ``convert`` and ``report`` (issue 7; docs/cli.md)."""
    search = commands.add_parser("search", help="search the local store (offline too)")
    search.add_argument("query", nargs="+", help="words, with or without accents")
    search.add_argument("--state", action="append", help="only items in this state (repeatable)")
    search.add_argument("--category", help="category id")
    search.add_argument("--author", help="author or writer's account")
    search.add_argument("--unit", help="responsible unit")
    search.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    search.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=Cli.search)
    convert = commands.add_parser("convert", help="old TCVN3 / VNI text to Unicode")
    convert.add_argument("file")
    convert.add_argument("--in-place", action="store_true", help="rewrite FILE, keep FILE.bak")
    convert.add_argument("--encoding", choices=["tcvn3", "vni", "unicode"])
    convert.set_defaults(run=Cli.convert)
    report = commands.add_parser("report", help="the yearly / quarterly report (BD-27)")
    report.add_argument("--year", type=int)
    report.add_argument("--quarter", type=int, choices=[1, 2, 3, 4])
    report.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    report.add_argument("--format", choices=["docx", "csv"], default="docx")
    report.add_argument("--out", required=True, metavar="PATH")
    report.add_argument("--site", help="one site (default: every site in the store)")
    report.set_defaults(run=Cli.report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="portal-desk", description="Bàn biên tập")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder (profiles and stores)")
    parser.add_argument("--profile", metavar="ID", help="profile id (default: the last used)")
    parser.add_argument("--lang", choices=["vi", "en"], help="message language (default vi)")
    parser.add_argument(
        "--unlock-stdin",
        action="store_true",
        help="read the password from stdin to open the encrypted store (no keychain)",
    )
    parser.add_argument("--demo", action="store_true", help="GUI: run the demo portal")
    parser.add_argument("--demo-reset", action="store_true", help="GUI: reset the demo data")
    parser.add_argument("--version", action="store_true", help="print the version")
    parser.add_argument("--selftest", action="store_true", help="GUI: start, check, quit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    login = commands.add_parser("login", help="log in to a portal")
    login.add_argument("--server", required=True, metavar="URL")
    login.add_argument("--user", required=True, metavar="NAME")
    login.add_argument("--password-stdin", action="store_true", required=True)
    login.set_defaults(run=Cli.login)
    commands.add_parser("logout", help="log out").set_defaults(run=Cli.logout)
    sync = commands.add_parser("sync", help="send and receive changes")
    sync.add_argument("--json", action="store_true")
    sync.add_argument(
        "--password-stdin",
        action="store_true",
        help="log in for this run with the password on stdin (when no keychain keeps a session)",
    )
    sync.set_defaults(run=Cli.sync)
    status = commands.add_parser("status", help="online, pending, conflicts, last sync")
    status.add_argument("--json", action="store_true")
    status.set_defaults(run=Cli.status)

    items = commands.add_parser("items", help="list, show, write and act on items")
    item_commands = items.add_subparsers(dest="items_command", metavar="SUBCOMMAND", required=True)
    listing = item_commands.add_parser("list")
    listing.add_argument("--state")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=Cli.items_list)
    show = item_commands.add_parser("show")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=Cli.items_show)
    new = item_commands.add_parser("new")
    new.add_argument("--file", required=True)
    new.add_argument("--site")
    new.add_argument("--quiet", "-q", action="store_true", help="print only the new id")
    new.set_defaults(run=Cli.items_new)
    edit = item_commands.add_parser("edit")
    edit.add_argument("id")
    edit.add_argument("--file", required=True)
    edit.set_defaults(run=Cli.items_edit)
    act = item_commands.add_parser("act")
    act.add_argument("id")
    act.add_argument("action")
    act.add_argument("--comment")
    act.set_defaults(run=Cli.items_act)

    conflicts = commands.add_parser("conflicts", help="list, show and resolve conflicts")
    conflict_commands = conflicts.add_subparsers(dest="conflicts_command", required=True)
    clist = conflict_commands.add_parser("list")
    clist.add_argument("--json", action="store_true")
    clist.set_defaults(run=Cli.conflicts_list)
    cshow = conflict_commands.add_parser("show")
    cshow.add_argument("id")
    cshow.add_argument("--json", action="store_true")
    cshow.set_defaults(run=Cli.conflicts_show)
    cresolve = conflict_commands.add_parser("resolve")
    cresolve.add_argument("id")
    cresolve.add_argument("--keep", choices=["mine", "theirs"])
    cresolve.add_argument("--file")
    cresolve.set_defaults(run=Cli.conflicts_resolve)
    add_search_convert_report(commands)
    from desktop.cli.publishing import add_commands  # targets, publish-queue (issue 11)

    add_commands(commands)
    from desktop.cli.content import add_content_commands  # export (issue 6)

    add_content_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) and USAGE
    if args.command is None:
        if args.version:
            from desktop import __version__

            print(__version__)
            return OK
        if args.selftest:  # the installers' check: embedded demo, main window, one step
            from desktop.ui.selftest import run

            return run(args)
        from desktop.app import run_gui

        return int(run_gui(args) or 0)
    # Warnings are told to the user in their language by the commands; keep the log quiet.
    logging.basicConfig(level=os.environ.get("PORTAL_DESK_LOG", "ERROR").upper())
    cli = Cli(args)
    run: Callable[[Cli], int] = args.run
    try:
        return run(cli)
    except CliError as error:
        print(str(error), file=sys.stderr)
        return error.code
    except ValueError as error:  # a bad URL, a bad value in a file
        print(str(error), file=sys.stderr)
        return ERROR
    except BrokenPipeError:  # `portal-desk items list | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return OK


if __name__ == "__main__":
    sys.exit(main())
