"""Request-body caps, enforced while the body streams in and before anyone is signed in.

FastAPI reads (and parses) a request's whole body before it runs a route's dependencies,
the token check among them: 1 GB of zeros sent to ``/api/auth/login`` took the server
from 96 MB to 2.2 GB before it answered 422, and a 1 GB multipart upload without a token
was spooled to disk before the 401 (issue 13). ``BodyLimit`` sits in front of the app:

- a ``Content-Length`` over the route's cap is answered 413 before a byte is read;
- a body without one (``Transfer-Encoding: chunked``) is counted chunk by chunk and
  stopped with 413 as soon as it passes the cap;
- an upload (the one route that takes files) without a valid token is answered 401
  before its body is read.

    >>> app = BodyLimit(app, json_bytes=1 << 20, upload_bytes=200 << 20, token_days=90)
"""
from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Multipart framing around the files of one upload: boundaries, part headers, the hints field.
MULTIPART_SLACK = 1 << 20
UPLOAD_ROUTES = {("POST", "/api/documents")}


def _mb(n: int) -> str:
    return f"{n / (1 << 20):.0f} MB" if n >= 1 << 20 else f"{n} bytes"


class BodyLimit:
    """ASGI middleware: a cap on each request body, by route (uploads get ``upload_bytes``,
    everything else ``json_bytes``)."""

    def __init__(self, app: ASGIApp, *, json_bytes: int, upload_bytes: int, token_days: int) -> None:
        self.app = app
        self.token_days = token_days
        self.json_bytes = json_bytes
        self.upload_bytes = upload_bytes + MULTIPART_SLACK

    def cap_for(self, scope: Scope) -> int:
        path = scope.get("path", "").rstrip("/") or "/"
        return self.upload_bytes if (scope.get("method"), path) in UPLOAD_ROUTES else self.json_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        cap = self.cap_for(scope)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await _answer(send, 400, "the Content-Length header is not a number")
                return
            if declared > cap:
                await _answer(send, 413, _too_large(scope, cap))
                return
        if cap == self.upload_bytes and not await _token_ok(headers.get(b"authorization", b""), self.token_days):
            await _answer(send, 401, "missing, invalid or revoked token: send Authorization: Bearer TOKEN",
                          {"www-authenticate": "Bearer"})
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap:
                    # Raised inside the app's body read: Starlette answers the HTTPException
                    # and the rest of the body is never read.
                    raise HTTPException(413, _too_large(scope, cap), headers={"connection": "close"})
            return message

        await self.app(scope, counted, send)


def _too_large(scope: Scope, cap: int) -> str:
    if cap > MULTIPART_SLACK * 2:
        return (f"the upload is larger than {_mb(cap - MULTIPART_SLACK)} (GIAOVIEC_MAX_UPLOAD_BYTES); "
                "send the files one at a time or split the archive")
    return f"the request body is larger than {_mb(cap)}, the limit for {scope.get('path')}; send less"


async def _token_ok(authorization: bytes, token_days: int) -> bool:
    """Whether the Authorization header carries a live token (cached like every route's check)."""
    scheme, _, token = authorization.decode("latin-1").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    from starlette.concurrency import run_in_threadpool

    from service.auth import signed_in
    from service.storage.db import session_scope

    def check() -> bool:
        with session_scope() as s:
            return signed_in(s, token.strip(), token_days) is not None

    return await run_in_threadpool(check)


async def _answer(send: Send, status: int, detail: str, extra: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    headers += [(k.encode(), v.encode()) for k, v in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
