"""A small fault-injecting HTTP proxy on loopback (asyncio), scriptable per request.

Each request from the client is read whole, matched against the rules in order, and then:

- ``pass``: forwarded to the portal, the answer relayed;
- ``status:503`` (any code): answered by the proxy, the portal never sees it;
- ``slow:SECONDS``: forwarded only after a delay (past the client's timeout);
- ``cut``: forwarded (the portal applies it!), then half the answer is sent and the line cut;
- ``drop``: forwarded (the portal applies it), then the line is closed with no answer;
- ``reset``: closed at once, nothing forwarded;
- ``body:TEXT``: answered 200 with TEXT as JSON body (a bad answer).

``down()`` stops listening (connections are refused) and ``up()`` listens again on the same
port, as a portal that goes away and comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field


@dataclass
class Rule:
    fault: str
    method: str | None = None
    path: str | None = None
    times: int = 1  # how many matching requests it applies to (-1: forever)

    def matches(self, method: str, path: str) -> bool:
        if self.times == 0:
            return False
        if self.method and self.method != method:
            return False
        return not (self.path and self.path not in path)


@dataclass
class FaultProxy:
    upstream_host: str
    upstream_port: int
    rules: list[Rule] = field(default_factory=list)
    log: list[tuple[str, str, str]] = field(default_factory=list)
    #: Requests being answered now, and the most at once (a client's order of requests).
    in_flight: int = 0
    most_in_flight: int = 0
    port: int = 0
    _server: asyncio.AbstractServer | None = None
    _writers: set[asyncio.StreamWriter] = field(default_factory=set)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(
        self, fault: str, method: str | None = None, path: str | None = None, times: int = 1
    ) -> None:
        self.rules.append(Rule(fault, method, path, times))

    async def up(self) -> FaultProxy:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def down(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> FaultProxy:
        return await self.up()

    async def __aexit__(self, *exc: object) -> None:
        await self.down()

    def _fault_for(self, method: str, path: str) -> str:
        for rule in self.rules:
            if rule.matches(method, path):
                if rule.times > 0:
                    rule.times -= 1
                return rule.fault
        return "pass"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                request = await _read_request(reader)
                if request is None:
                    return
                head, body, method, path = request
                fault = self._fault_for(method, path)
                self.log.append((method, path, fault))
                self.in_flight += 1
                self.most_in_flight = max(self.most_in_flight, self.in_flight)
                try:
                    if not await self._answer(fault, head, body, writer):
                        return
                finally:
                    self.in_flight -= 1
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            self._writers.discard(writer)
            with contextlib.suppress(Exception):
                writer.close()

    async def _answer(
        self, fault: str, head: bytes, body: bytes, writer: asyncio.StreamWriter
    ) -> bool:
        """Answer one request; False when the connection must be closed."""
        if fault == "reset":
            return False
        if fault.startswith("status:"):
            code = int(fault.split(":", 1)[1])
            payload = b'{"type":"about:blank","title":"fault","status":%d}' % code
            writer.write(_response(code, payload, "application/problem+json"))
            await writer.drain()
            return True
        if fault.startswith("body:"):
            writer.write(_response(200, fault.split(":", 1)[1].encode(), "application/json"))
            await writer.drain()
            return True
        if fault.startswith("slow:"):
            await asyncio.sleep(float(fault.split(":", 1)[1]))
        answer = await self._forward(head, body)
        if fault == "drop":
            return False
        if fault == "cut":
            writer.write(answer[: max(1, len(answer) // 2)])
            await writer.drain()
            return False
        writer.write(answer)
        await writer.drain()
        return True

    async def _forward(self, head: bytes, body: bytes) -> bytes:
        reader, writer = await asyncio.open_connection(self.upstream_host, self.upstream_port)
        try:
            lines = [
                line
                for line in head.split(b"\r\n")
                if line and not line.lower().startswith(b"connection:")
            ]
            lines.append(b"Connection: close")
            writer.write(b"\r\n".join(lines) + b"\r\n\r\n" + body)
            await writer.drain()
            return await reader.read()
        finally:
            writer.close()


async def _read_request(
    reader: asyncio.StreamReader,
) -> tuple[bytes, bytes, str, str] | None:
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except asyncio.IncompleteReadError:
        return None
    head = head[:-4]
    request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
    method, path = request_line.split(" ")[:2]
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return head, body, method, path


def _response(status: int, body: bytes, content_type: str) -> bytes:
    return (
        f"HTTP/1.1 {status} FAULT\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body
