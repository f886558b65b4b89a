"""Attachments and images, content-addressed by sha256 and size-limited (see guard.py)."""

from __future__ import annotations

import hashlib
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from sqlalchemy import insert, select, update
from starlette.concurrency import run_in_threadpool

from portal import db
from portal.api.deps import CallerDep, EngineDep, NowDep
from portal.board.problems import ProblemError, not_found
from portal.site.files import clean_file_name, content_disposition

router = APIRouter(prefix="/api/v1/blobs", tags=["blobs"])

Sha256 = Annotated[str, Path(pattern=r"^[0-9a-fA-F]{64}$")]
#: The file's name on the uploader's disk, shown on the public page (kept to 255 characters).
FileName = Annotated[str, Query(max_length=1000)]

#: Served with these headers so an uploaded file can never run as a page of the portal.
SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    ),
    "Cache-Control": "private, max-age=31536000, immutable",
}


def blob_response(row: Any, public: bool = False) -> Response:
    headers = dict(SAFE_HEADERS)
    if public:
        headers["Cache-Control"] = "public, max-age=31536000, immutable"
    inline = row.content_type.startswith(("image/", "audio/", "video/", "application/pdf"))
    headers["Content-Disposition"] = content_disposition(
        "inline" if inline else "attachment", getattr(row, "name", None)
    )
    return Response(row.data, media_type=row.content_type, headers=headers)


@router.put("/{sha256}", status_code=201)
async def put_blob(
    sha256: Sha256,
    request: Request,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    name: FileName = "",
) -> Response:
    data = await request.body()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256.lower():
        raise ProblemError(
            422,
            "hash_mismatch",
            f"The body's sha256 is {digest}, not {sha256.lower()}.",
        )
    if not any(caller.user.on_board(site) for site in caller.user.roles):
        raise ProblemError(403, "forbidden", "Only the editorial board uploads files.")
    content_type = (request.headers.get("content-type") or "application/octet-stream")[:200]
    file_name = clean_file_name(name)

    def store() -> int:
        with db.writing(engine) as conn:
            found = conn.execute(
                select(db.blobs.c.sha256, db.blobs.c.name).where(db.blobs.c.sha256 == digest)
            ).first()
            if found:
                if file_name and not found.name:  # a name for a file first sent without one
                    conn.execute(
                        update(db.blobs).where(db.blobs.c.sha256 == digest).values(name=file_name)
                    )
                return 200
            conn.execute(
                insert(db.blobs).values(
                    sha256=digest,
                    content_type=content_type,
                    size=len(data),
                    data=data,
                    uploaded_by=caller.username,
                    created_at=now,
                    name=file_name or None,
                )
            )
            return 201

    status = await run_in_threadpool(store)
    import orjson

    body = {"sha256": digest, "size": len(data), "content_type": content_type, "name": file_name}
    return Response(orjson.dumps(body), status_code=status, media_type="application/json")


@router.get("/{sha256}")
def get_blob(sha256: Sha256, caller: CallerDep, engine: EngineDep) -> Response:
    with db.reading(engine) as conn:
        row = conn.execute(select(db.blobs).where(db.blobs.c.sha256 == sha256.lower())).first()
    if row is None:
        raise not_found("blob")
    return blob_response(row)
