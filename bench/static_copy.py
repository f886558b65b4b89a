"""``python -m bench.static_copy FILE PORT``: one page's bytes from a file through uvicorn and
Starlette, as the portal serves (the public figures' baseline: what a page costs when nothing is
made)."""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def app_for(path: Path) -> Starlette:
    def page(_request: Request) -> Response:
        return Response(path.read_bytes(), media_type="text/html; charset=utf-8")

    return Starlette(routes=[Route("/", page)])


if __name__ == "__main__":
    uvicorn.run(app_for(Path(sys.argv[1])), host="127.0.0.1", port=int(sys.argv[2]),
                log_level="warning")  # fmt: skip
