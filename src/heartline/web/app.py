"""The web app: the library in a browser, and a page to read new stories into it.

    app = create_app(WebConfig(library=Path("library.db")))

Pages (HTML, escaped, no inline script) and a JSON API (``/openapi.json``) over the same functions:

    GET  /                          the library: search, facets, sorting, paging (the query is in the URL)
    GET  /stories/{id}              one story: its reading as the report shows it, similar stories, downloads
    GET  /stories/{id}/report       the report page itself (embedded on the story page, sandboxed)
    GET  /stories/{id}/reading.json, /stories/{id}/report.html      downloads
    GET  /read, POST /read          drop, choose or paste a story; GET /jobs/{id} follows its reading
    GET  /api/stories, /api/stories/{id}, /api/stories/{id}/reading, /api/stories/{id}/similar
    GET  /api/find, /api/facets, /api/jobs, /api/jobs/{id};  POST /api/uploads

Path parameters never reach the filesystem: a story id must be 16 hex digits and a job id 32, checked
before anything else (anything else is a 404), and assets are served from memory by exact name.
"""

from __future__ import annotations

import re
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import HeartlineError
from .jobs import JOB_ID, Job, JobQueue
from .security import BodyTooLarge, Guard, allowed_hosts
from .uploads import sniff, stored_name

__all__ = ["QUERY_FIELDS", "SORTS", "STORY_ID", "WebConfig", "create_app"]

STORY_ID = r"[0-9a-f]{16}"
_STORY_RE = re.compile(STORY_ID)
_JOB_RE = re.compile(JOB_ID)
QUERY_FIELDS = ("text", "pair", "feeling", "unsaid", "arc", "fandom", "relationship", "tag", "character")
_RANKED = ("text", "pair", "feeling", "unsaid")  # fields whose matches have a score and reasons
SORTS = {  # the library's sort keys, and "best" (find's ranking)
    "best": "Best match",
    "-added": "Newest first",
    "added": "Oldest first",
    "title": "Title, A to Z",
    "-title": "Title, Z to A",
    "-words": "Longest first",
    "words": "Shortest first",
}
FACETS = ("fandom", "relationship", "tag", "arc", "emotion")
_FACET_PARAM = {"fandom": "fandom", "relationship": "relationship", "tag": "tag", "arc": "arc", "emotion": "feeling"}
_FACET_TITLE = {"fandom": "Fandom", "relationship": "Relationship", "tag": "Tag", "arc": "Arc shape",
                "emotion": "Emotion"}  # fmt: skip
PER_PAGE = (20, 50, 100)
STALE_S = 10.0  # how long facet counts may lag behind a change to the library
FACET_WAIT_S = 0.05  # how long the library page waits for counts it has not cached before showing it without
MAX_FIELD = 200  # characters in one search field


@dataclass
class WebConfig:
    """What ``heartline serve`` starts the app with."""

    library: Path | None = None  # None: the default library
    max_upload_mb: float = 20.0
    host: str = "127.0.0.1"
    uploads: Path | None = None  # where uploads wait for their reading (default: a private temp folder)
    job_timeout_s: float = 3600.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def max_upload(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


class NotFound(Exception):
    """A story or job that does not exist (or an id that is not one): 404."""


class BadRequest(Exception):
    """A search or upload the app cannot take: 400, with a one-line message."""


# -- the library, one connection per thread ---------------------------------------------------------


class Libraries:
    """A small pool of ``Library`` objects shared by the server's threads (a SQLite connection each, so
    reads run side by side), and a cache of page results that lives until the library file changes.

    The cache key is SQLite's ``data_version`` read on a connection of its own, which changes whenever
    any other connection (the upload worker, ``heartline add`` in another process) commits: a cached
    answer is never stale."""

    def __init__(self, path: Path, size: int = 8, cache_size: int = 512) -> None:
        import queue
        import sqlite3
        from concurrent.futures import ThreadPoolExecutor

        self.path = path
        self.size = size
        self._idle: queue.LifoQueue[Any] = queue.LifoQueue()
        self._made = 0
        self._lock = threading.Lock()
        self._watch_lock = threading.Lock()
        self._all: list[Any] = []
        self._watch = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: OrderedDict[tuple[Any, ...], tuple[int, Any, float]] = OrderedDict()
        self._cache_size = cache_size
        self._running: dict[tuple[Any, ...], threading.Event] = {}
        # Slow answers a page can do without (facet counts) are worked out here, one at a time, so that
        # however many new queries arrive at once they take at most one core and one connection.
        self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heartline-counts")
        self._pending: dict[tuple[Any, ...], Any] = {}

    @contextmanager
    def get(self) -> Iterator[Any]:
        lib = None
        with self._lock:
            if self._idle.empty() and self._made < self.size:
                self._made += 1
                make = True
            else:
                make = False
        if make:
            from ..library import Library

            lib = Library(self.path)
            with self._lock:
                self._all.append(lib)
        else:
            lib = self._idle.get()
        try:
            yield lib
        finally:
            self._idle.put(lib)

    def version(self) -> int:
        with self._watch_lock:  # its own lock: reading it never waits on the cache
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def _fresh(self, key: tuple[Any, ...], version: int, stale_ok: bool) -> tuple[bool, Any]:
        """(True, answer) when the cache holds an answer for ``key`` that may be used now (lock held)."""
        hit = self._cache.get(key)
        if hit is not None and (
            hit[0] == version or (stale_ok and (key in self._running or time.monotonic() - hit[2] < STALE_S))
        ):
            self._cache.move_to_end(key)
            return True, hit[1]
        return False, None

    def cached_soon(self, key: tuple[Any, ...], compute: Any, wait_s: float, *, stale_ok: bool = False) -> Any:
        """``cached(key, compute)``'s answer when it is cached or comes within ``wait_s`` seconds, else None.

        A missing answer is worked out in the background (one at a time, whatever the number of requests
        that ask for it) and cached, so a later request finds it: in the manner of datasette's facet time
        limit, a page that would wait long for its counts is shown without them instead."""
        from concurrent.futures import TimeoutError as Late

        version = self.version()
        with self._lock:
            ok, value = self._fresh(key, version, stale_ok)
            if ok:
                return value
            future = self._pending.get(key)
            if future is None:
                refresh = key in self._cache  # an older answer exists: bringing it up to date can wait
                future = self._background.submit(self._work, key, compute, stale_ok, refresh)
                self._pending[key] = future
                future.add_done_callback(partial(self._done, key))
        try:
            return future.result(timeout=wait_s)
        except Late:
            return None

    def _work(self, key: tuple[Any, ...], compute: Any, stale_ok: bool, refresh: bool) -> Any:
        start = time.monotonic()
        value = self.cached(key, compute, stale_ok=stale_ok)
        if refresh:  # updates of answers already shown use at most half a core: the pages come first
            time.sleep(min(1.0, time.monotonic() - start))
        return value

    def _done(self, key: tuple[Any, ...], future: Any) -> None:
        with self._lock:
            if self._pending.get(key) is future:
                del self._pending[key]

    def cached(self, key: tuple[Any, ...], compute: Any, *, stale_ok: bool = False) -> Any:
        """``compute(lib)``'s answer for ``key``, reused until the library changes.

        One computation per key at a time: requests that arrive while it runs wait for its answer instead
        of repeating the work. With ``stale_ok`` (facet counts, similar stories, the library's size), an
        answer computed before the latest change is still returned while it is younger than
        ``STALE_S`` seconds or while another request brings it up to date: during a long ``heartline add``
        these counts lag by at most that long, and are not recomputed after every story."""
        version = self.version()
        while True:
            with self._lock:
                ok, value = self._fresh(key, version, stale_ok)
                if ok:
                    return value
                running = self._running.get(key)
                if running is None:
                    running = self._running[key] = threading.Event()
                    break
            running.wait(timeout=60)
        try:
            with self.get() as lib:
                value = compute(lib)
            with self._lock:
                self._cache[key] = (version, value, time.monotonic())
                self._cache.move_to_end(key)
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
            return value
        finally:
            with self._lock:
                del self._running[key]
            running.set()

    def close(self) -> None:
        self._background.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            for lib in self._all:
                with suppress(Exception):
                    lib.close()
            self._all.clear()
        with self._watch_lock:
            self._watch.close()


# -- helpers --------------------------------------------------------------------------------------


def _story_id(value: str) -> str:
    if not _STORY_RE.fullmatch(value):
        raise NotFound(value)
    return value


def _query(params: Any) -> tuple[Any, dict[str, str]]:
    """The library Query for request parameters (the CLI's strings), and the raw values given."""
    from ..library import Query

    raw = {}
    for name in QUERY_FIELDS:
        value = (params.get(name) or "").strip()
        if len(value) > MAX_FIELD:
            raise BadRequest(f"The {name} field is longer than {MAX_FIELD} characters")
        if value:
            raw[name] = value
    try:
        return Query.from_params(raw), raw
    except HeartlineError as exc:
        raise BadRequest(exc.one_line()) from exc


def _int(params: Any, name: str, default: int, lo: int, hi: int) -> int:
    value = params.get(name)
    if value in (None, ""):
        return default
    try:
        return max(lo, min(hi, int(value)))
    except ValueError:
        raise BadRequest(f"{name} must be a whole number") from None


def _sort(params: Any, ranked: bool) -> str:
    sort = params.get("sort") or ("best" if ranked else "-added")
    if sort not in SORTS:
        raise BadRequest(f"Unknown sort '{sort}'. Choose one of: {', '.join(SORTS)}")
    if sort == "best" and not ranked:
        sort = "-added"
    return sort


def _key(request: Request) -> tuple[tuple[str, str], ...]:
    """A request's query parameters as a cache key (order does not matter)."""
    return tuple(sorted(request.query_params.multi_items()))


def _safe_filename(title: str | None, story_id: str, ext: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9 ._-]+", "", title or "").strip(" .")[:60] or story_id
    return f"{stem}{ext}"


def _records(items: list[Any]) -> list[dict[str, Any]]:
    return [r.to_dict() for r in items]


def _search_page(lib: Any, params: Any) -> dict[str, Any]:
    """Everything the library page and /api/stories show for a query string."""
    query, raw = _query(params)
    ranked = any(k in raw for k in _RANKED)
    sort = _sort(params, ranked)
    per = _int(params, "per", 50, 1, 200)
    page = _int(params, "page", 1, 1, 100_000)
    offset = (page - 1) * per
    total = lib.count(query)
    if sort == "best":
        matches = lib.find(query, limit=per, offset=offset)
        rows = [{"story": m.story.to_dict(), "score": m.score, "reasons": [r.to_dict() for r in m.reasons]}
                for m in matches]  # fmt: skip
    else:
        rows = [{"story": r.to_dict(), "score": None, "reasons": []}
                for r in lib.list(query=query, sort=sort, limit=per, offset=offset)]  # fmt: skip
    return {
        "query": query,
        "raw": raw,
        "params": query.to_params(),
        "ranked": ranked,
        "sort": sort,
        "per": per,
        "page": page,
        "offset": offset,
        "total": total,
        "rows": rows,
    }


def _asset_files() -> dict[str, tuple[bytes, str]]:
    types = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
             ".svg": "image/svg+xml"}  # fmt: skip
    folder = resources.files(__package__).joinpath("assets")
    out = {}
    for item in folder.iterdir():
        suffix = Path(item.name).suffix
        if suffix in types:
            out[item.name] = (item.read_bytes(), types[suffix])
    return out


# -- the app --------------------------------------------------------------------------------------


def create_app(config: WebConfig | None = None) -> Any:
    """The ASGI app (FastAPI behind the security guard) for ``config``."""
    config = config or WebConfig()
    from ..library import Library

    library_path = Path(config.library) if config.library else Library.default_path()
    with Library(library_path):  # create it now, and refuse a file that is not a library before serving
        pass
    libraries = Libraries(library_path)
    upload_dir = Path(config.uploads) if config.uploads else Path(tempfile.mkdtemp(prefix="heartline-uploads-"))
    state: dict[str, Any] = {}
    reports: OrderedDict[str, str] = OrderedDict()
    reports_lock = threading.Lock()
    assets = _asset_files()
    env = Environment(
        loader=PackageLoader("heartline.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from ..arcs import SHAPE_NAMES

    env.globals.update(shapes=SHAPE_NAMES, version=__version__, sorts=SORTS, facet_titles=_FACET_TITLE,
                       per_page=PER_PAGE, max_upload_mb=config.max_upload_mb, quote=quote)  # fmt: skip

    def url(path: str, params: dict[str, Any] | None = None) -> str:
        clean = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        return path + ("?" + urlencode(clean) if clean else "")

    env.globals["url"] = url
    env.globals["link"] = lambda params, changes: url("/", {**params, **changes})

    @asynccontextmanager
    async def lifespan(_app: Any) -> Any:
        state["jobs"] = JobQueue(
            library_path, upload_dir, timeout_s=config.job_timeout_s, remove_folder=config.uploads is None
        )
        try:
            yield
        finally:
            state["jobs"].close()
            libraries.close()

    app = FastAPI(
        title="heartline",
        version=__version__,
        description="Who feels what, toward whom: the stories in a heartline library, and reading new ones.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.library_path = library_path
    app.state.jobs = lambda: state["jobs"]

    def jobs() -> JobQueue:
        return state["jobs"]  # type: ignore[no-any-return]

    def page(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(request=request, path=request.url.path, **context)
        return HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    # -- errors -----------------------------------------------------------------------------------

    @app.exception_handler(NotFound)
    async def not_found(request: Request, _exc: NotFound) -> Response:
        if is_api(request):
            return JSONResponse({"error": "Not found.", "status": 404}, status_code=404)
        return page("error.html", request, 404, title="Not found", message="There is nothing at this address.")

    @app.exception_handler(BadRequest)
    async def bad_request(request: Request, exc: BadRequest) -> Response:
        if is_api(request):
            return JSONResponse({"error": str(exc), "status": 400}, status_code=400)
        return page("error.html", request, 400, title="That search cannot run", message=str(exc))

    @app.exception_handler(BodyTooLarge)
    async def too_big(request: Request, exc: BodyTooLarge) -> Response:
        return JSONResponse({"error": str(exc), "status": 413}, status_code=413)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return await not_found(request, NotFound())
        message = str(exc.detail)
        if is_api(request):
            return JSONResponse({"error": message, "status": exc.status_code}, status_code=exc.status_code)
        return page("error.html", request, exc.status_code, title="Error", message=message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return await bad_request(request, BadRequest(f"{where}: {first.get('msg', 'invalid')}"))

    # -- static assets ----------------------------------------------------------------------------

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in assets:
            raise NotFound(name)
        body, media = assets[name]
        return Response(body, media_type=media, headers={"cache-control": "public, max-age=3600"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(b"", status_code=204)

    # -- the JSON API -----------------------------------------------------------------------------

    @app.get("/api/stories", tags=["stories"], summary="Stories in the library, filtered, sorted and paged")
    def api_stories(request: Request) -> Response:
        """Query parameters: the search fields of ``heartline find`` (text, pair, feeling, unsaid, arc,
        fandom, relationship, tag, character), ``sort`` (best, -added, added, title, -title, -words,
        words), ``per`` (1-200) and ``page``."""
        found = libraries.cached(("search", _key(request)), lambda lib: _search_page(lib, request.query_params))
        return JSONResponse({k: found[k] for k in ("params", "sort", "per", "page", "offset", "total", "rows")})

    @app.get("/api/find", tags=["stories"], summary="Best matches for a search, with the reasons")
    def api_find(request: Request) -> Response:
        params = dict(request.query_params)
        query, raw = _query(params)
        if not raw:
            raise BadRequest("Give at least one of: " + ", ".join(QUERY_FIELDS))
        per = _int(params, "per", 20, 1, 200)
        page_no = _int(params, "page", 1, 1, 100_000)

        def compute(lib: Any) -> dict[str, Any]:
            matches = lib.find(query, limit=per, offset=(page_no - 1) * per)
            return {"params": query.to_params(), "total": lib.count(query), "page": page_no, "per": per,
                    "matches": [m.to_dict() for m in matches]}  # fmt: skip

        return JSONResponse(libraries.cached(("find", _key(request)), compute))

    @app.get("/api/facets", tags=["stories"], summary="Counts of stories per fandom, relationship, tag, arc, emotion")
    def api_facets(request: Request) -> Response:
        query, _ = _query(request.query_params)
        limit = _int(request.query_params, "limit", 20, 1, 200)
        facets = libraries.cached(
            ("facets", query, limit), lambda lib: lib.facets(query, fields=FACETS, limit=limit), stale_ok=True
        )
        return JSONResponse({"params": query.to_params(),
                             "facets": {k: [[v, n] for v, n in vals] for k, vals in facets.items()}})  # fmt: skip

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story's record")
    def api_story(story_id: str) -> Response:
        with libraries.get() as lib:
            return JSONResponse(_get(lib, story_id).to_dict())

    @app.get("/api/stories/{story_id}/reading", tags=["stories"], summary="One story's reading JSON")
    def api_reading(story_id: str) -> Response:
        with libraries.get() as lib:
            return JSONResponse(_reading(lib, story_id))

    @app.get("/api/stories/{story_id}/similar", tags=["stories"], summary="Stories most like this one")
    def api_similar(story_id: str, request: Request) -> Response:
        limit = _int(request.query_params, "limit", 10, 1, 100)
        matches = libraries.cached(
            ("similar", _story_id(story_id), limit), lambda lib: _similar(lib, story_id, limit), stale_ok=True
        )
        return JSONResponse({"story_id": story_id, "matches": [m.to_dict() for m in matches]})

    @app.post("/api/uploads", tags=["reading"], status_code=202, summary="Read a story: a file or pasted text")
    async def api_upload(request: Request) -> Response:
        """A multipart form with ``file`` (one or more story files) or ``text`` (the story's text), and an
        optional ``title``. Answers 202 with the queued jobs; follow each at ``/api/jobs/{id}``."""
        try:
            queued = await _submit(request)
        except BadRequest as exc:
            return JSONResponse({"error": str(exc), "status": 400}, status_code=400)
        body = {"jobs": [j.to_dict(jobs().position(j)) for j in queued]}
        return JSONResponse(body, status_code=202, headers={"location": f"/api/jobs/{queued[0].id}"})

    @app.get("/api/jobs", tags=["reading"], summary="Recent reading jobs")
    def api_jobs() -> dict[str, Any]:
        return {"jobs": [j.to_dict(jobs().position(j)) for j in jobs().jobs()]}

    @app.get("/api/jobs/{job_id}", tags=["reading"], summary="A reading job's state and progress")
    def api_job(job_id: str) -> dict[str, Any]:
        job = _job(job_id)
        return job.to_dict(jobs().position(job))

    # -- pages ------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def library_page(request: Request) -> Response:
        error = None

        everything = libraries.cached(("count",), lambda lib: lib.count(None), stale_ok=True)
        try:
            found = libraries.cached(("search", _key(request)), lambda lib: _search_page(lib, request.query_params))
            query = found["query"]
            facets = libraries.cached_soon(
                ("facets", query, 10),
                lambda lib: lib.facets(query, fields=FACETS, limit=10),
                FACET_WAIT_S,
                stale_ok=True,
            )
        except BadRequest as exc:
            error, found, facets = str(exc), None, {}
        raw = {k: (request.query_params.get(k) or "")[:MAX_FIELD] for k in QUERY_FIELDS}
        keep: dict[str, Any] = {}
        if found:
            keep = dict(found["params"])
            if found["sort"] not in ("best", "-added"):
                keep["sort"] = found["sort"]
            if found["per"] != 50:
                keep["per"] = found["per"]
        counting = found is not None and facets is None  # counts still being worked out: the page goes without
        return page("library.html", request, 400 if error else 200, found=found, facets=facets or {},
                    counting=counting, error=error,
                    raw=raw, everything=everything, facet_param=_FACET_PARAM, keep=keep)  # fmt: skip

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str, request: Request) -> Response:
        with libraries.get() as lib:
            record = _get(lib, story_id)
        similar = libraries.cached(("similar", story_id, 8), lambda lib: _similar(lib, story_id, 8), stale_ok=True)
        return page("story.html", request, story=record.to_dict(), similar=similar)

    @app.get("/stories/{story_id}/report", response_class=HTMLResponse, include_in_schema=False)
    def story_report(story_id: str) -> Response:
        html = _report(story_id)
        nonce = re.search(r"'nonce-([A-Za-z0-9_-]+)'", html)
        csp = (
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
            f"script-src 'nonce-{nonce.group(1) if nonce else 'none'}'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'self'; sandbox allow-scripts"
        )
        return HTMLResponse(html, headers={"content-security-policy": csp, "x-frame-options": "SAMEORIGIN"})

    @app.get("/stories/{story_id}/report.html", include_in_schema=False)
    def download_report(story_id: str) -> Response:
        html = _report(story_id)
        with libraries.get() as lib:
            title = _get(lib, story_id).title
        name = _safe_filename(title, story_id, ".html")
        return Response(html.encode("utf-8"), media_type="text/html; charset=utf-8", headers={
            "content-disposition": f'attachment; filename="{name}"',
            "content-security-policy": "sandbox; default-src 'none'"})  # fmt: skip

    @app.get("/stories/{story_id}/reading.json", include_in_schema=False)
    def download_reading(story_id: str) -> Response:
        with libraries.get() as lib:
            record = _get(lib, story_id)
            reading = _reading(lib, story_id)
        name = _safe_filename(record.title, story_id, ".reading.json")
        return JSONResponse(reading, headers={"content-disposition": f'attachment; filename="{name}"'})

    @app.get("/read", response_class=HTMLResponse, include_in_schema=False)
    def read_page(request: Request) -> Response:
        return page("read.html", request, jobs=[(j, jobs().position(j)) for j in jobs().jobs()[:20]], error=None)

    @app.post("/read", include_in_schema=False)
    async def read_form(request: Request) -> Response:
        try:
            queued = await _submit(request)
        except BadRequest as exc:
            recent = [(j, jobs().position(j)) for j in jobs().jobs()[:20]]
            return page("read.html", request, 400, jobs=recent, error=str(exc))
        target = f"/jobs/{queued[0].id}" if len(queued) == 1 else "/read"
        return RedirectResponse(target, status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(job_id: str, request: Request) -> Response:
        live = _job(job_id)
        # The worker thread moves the job on while the page is drawn: decide and draw from one copy, which
        # reads the state before the story (the worker sets them in the other order).
        job = live.to_dict(jobs().position(live))
        if job["state"] == "done" and job["story_id"]:
            return RedirectResponse(f"/stories/{job['story_id']}", status_code=303)
        return page("job.html", request, job=job, position=job["position"])

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> Response:
        routes = []
        for path, item in app.openapi().get("paths", {}).items():
            for method, op in item.items():
                routes.append((method.upper(), path, op.get("summary", "")))
        return page("api.html", request, routes=routes)

    # -- shared pieces ----------------------------------------------------------------------------

    def _get(lib: Any, story_id: str) -> Any:
        from ..library import LibraryError

        try:
            return lib.get(_story_id(story_id))
        except LibraryError:
            raise NotFound(story_id) from None

    def _similar(lib: Any, story_id: str, limit: int) -> list[Any]:
        _get(lib, story_id)
        return lib.similar(story_id, limit=limit)  # type: ignore[no-any-return]

    def _reading(lib: Any, story_id: str) -> dict[str, Any]:
        from ..library import LibraryError

        try:
            return lib.reading(_story_id(story_id))  # type: ignore[no-any-return]
        except LibraryError:
            raise NotFound(story_id) from None

    def _report(story_id: str) -> str:
        _story_id(story_id)
        with reports_lock:
            if story_id in reports:
                reports.move_to_end(story_id)
                return reports[story_id]
        from ..report import render_html
        from ..story import Story

        with libraries.get() as lib:
            story = Story.from_dict(_reading(lib, story_id))
        html = render_html(story)
        with reports_lock:
            reports[story_id] = html
            while len(reports) > 64:
                reports.popitem(last=False)
        return html

    def _job(job_id: str) -> Job:
        job = jobs().get(job_id) if _JOB_RE.fullmatch(job_id) else None
        if job is None:
            raise NotFound(job_id)
        return job

    async def _submit(request: Request) -> list[Job]:
        """Queue every file (or the pasted text) of an upload form; refuse the whole form on a bad one."""
        from starlette.datastructures import UploadFile

        try:
            form = await request.form(max_files=20, max_fields=10, max_part_size=config.max_upload)
        except BodyTooLarge:
            raise
        except Exception as exc:  # malformed multipart, too many parts
            raise BadRequest(f"The upload could not be read ({exc})") from None
        try:
            items: list[tuple[bytes, str, str]] = []
            for value in form.getlist("file"):
                if isinstance(value, UploadFile) and (value.filename or value.size):
                    data = await value.read()
                    if not data and not value.filename:
                        continue
                    items.append((data, value.filename or "story", ""))
            text = form.get("text")
            if isinstance(text, str) and text.strip():
                items.append((text.encode("utf-8"), "pasted text.txt", "text"))
            if not items:
                raise BadRequest("Choose a story file, or paste the story's text")
            title_value = form.get("title")
            title = title_value.strip()[:MAX_FIELD] if isinstance(title_value, str) and title_value.strip() else None
            checked = []
            for data, name, forced in items:
                if len(data) > config.max_upload:
                    raise BadRequest(f"{name} is larger than the limit of {config.max_upload_mb:g} MB")
                try:
                    fmt = forced or sniff(data, name)
                except HeartlineError as exc:
                    raise BadRequest(f"{_display(name)}: {exc.one_line()}") from None
                checked.append((data, stored_name(name, fmt), fmt))
            try:
                return [jobs().submit(d, name=n, fmt=f, title=title if len(checked) == 1 else None)
                        for d, n, f in checked]  # fmt: skip
            except HeartlineError as exc:
                raise BadRequest(exc.one_line()) from None
        finally:
            await form.close()

    app.add_exception_handler(HeartlineError, _heartline_error)
    return Guard(app, max_upload=config.max_upload, hosts=allowed_hosts(config.host))


def _display(name: str) -> str:
    return name.replace("\n", " ")[:80]


async def _heartline_error(request: Request, exc: Exception) -> Response:
    message = exc.one_line() if isinstance(exc, HeartlineError) else str(exc)
    return JSONResponse({"error": message, "status": 400}, status_code=400)
