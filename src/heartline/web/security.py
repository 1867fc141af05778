"""The guard in front of every request: sizes, hosts, origins and security headers (pure ASGI).

- A path longer than ``MAX_PATH`` bytes or a query string longer than ``MAX_QUERY`` bytes: 414.
- A ``Host`` header that is not this server's (DNS rebinding): 400.
- A state-changing request (anything but GET, HEAD, OPTIONS) from another site: 403. A browser sends
  ``Sec-Fetch-Site`` and ``Origin`` on every such request; both must say it came from this origin.
  Clients that send neither (curl, scripts) are let through: they cannot carry a visitor's cookies,
  and the app has none.
- A body over its limit (uploads: the configured size; anything else: ``MAX_BODY``): 413, judged from
  ``Content-Length`` before reading and from the bytes actually received while reading.
- Every response gets a strict Content-Security-Policy (no inline script, nothing from elsewhere) unless
  the route set its own, and nosniff, a same-origin referrer policy (so form posts carry their Origin),
  frame and cross-origin isolation headers.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

__all__ = ["CSP", "MAX_BODY", "MAX_PATH", "MAX_QUERY", "BodyTooLarge", "Guard", "allowed_hosts", "too_large"]

MAX_PATH = 1024
MAX_QUERY = 2048
MAX_BODY = 64 * 1024
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
_SAFE = {"GET", "HEAD", "OPTIONS"}

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class BodyTooLarge(Exception):
    """Raised while reading a body that goes past its limit (the app answers 413)."""

    def __init__(self, limit: int) -> None:
        super().__init__(" ".join(too_large(limit)))
        self.limit = limit


def allowed_hosts(bind: str) -> set[str] | None:
    """Host names (without port) the server answers to; None: any (bound to every interface)."""
    if bind in ("0.0.0.0", "::", ""):
        return None
    return {"localhost", "127.0.0.1", "[::1]", "::1", bind.lower(), f"[{bind.lower()}]"}


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """ASGI middleware applying the rules in this module's docstring."""

    def __init__(
        self,
        app: Any,
        *,
        max_upload: int,
        upload_paths: Iterable[str] = ("/api/uploads", "/read"),
        hosts: set[str] | None = None,
    ) -> None:
        self.app = app
        self.max_upload = max_upload
        self.upload_paths = set(upload_paths)
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8")
        if len(raw_path) > MAX_PATH or len(scope.get("query_string", b"")) > MAX_QUERY:
            await _refuse(send, 414, "The address is too long", "Shorten the search")
            return
        if self.hosts is not None and _host_name(headers.get("host", "")) not in self.hosts:
            await _refuse(send, 400, "Unknown Host header", "Open the app at the address heartline serve printed")
            return
        method = scope["method"]
        if method not in _SAFE and not _same_origin(scope, headers):
            await _refuse(send, 403, "Refused a request from another site", "Use the page this server serves")
            return
        limit = self.max_upload if scope["path"] in self.upload_paths else MAX_BODY
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                await _refuse(send, 400, "Bad Content-Length", "Send a number of bytes")
                return
            if int(length) > limit:
                await _refuse(send, 413, *too_large(limit))
                return
        received = 0
        started = False

        async def counted_receive() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def secured_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _HEADERS if k not in present]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", CSP.encode()))
                if b"x-frame-options" not in present:
                    extra.append((b"x-frame-options", b"DENY"))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, counted_receive, secured_send)
        except BodyTooLarge:
            if not started:
                await _refuse(send, 413, *too_large(limit))


def too_large(limit: int) -> tuple[str, str]:
    mb = limit / (1024 * 1024)
    size = f"{mb:g} MB" if mb >= 1 else f"{limit // 1024} KB"
    return (
        f"The request is larger than the limit of {size}",
        "Send a smaller file (see heartline serve --max-upload-mb)",
    )


def _same_origin(scope: Scope, headers: dict[str, str]) -> bool:
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return True
    if origin == "null":  # what a browser sends for a form post under some referrer policies
        return site == "same-origin"
    host = headers.get("host", "")
    return origin == f"{scope.get('scheme', 'http')}://{host}"


async def _refuse(send: Send, status: int, message: str, fix: str) -> None:
    body = json.dumps({"error": f"{message}. {fix}.", "status": status}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                *_HEADERS,
                (b"content-security-policy", CSP.encode()),
                (b"x-frame-options", b"DENY"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
