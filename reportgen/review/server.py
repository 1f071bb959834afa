"""The review page's server: the standard library's threading HTTP server on 127.0.0.1.

Why no framework: the page has four routes (the page, its state, its font, a change), one
user and no sessions; http.server does that in a page of code with nothing to install, and
Jinja (already used for the sources page) renders the one HTML template with autoescaping.
The front end is plain HTML, CSS and one inline script: no build step, nothing fetched from
anywhere but this server.

What keeps it safe on a workstation:
- it listens on 127.0.0.1 only, on a random free port unless told one;
- a request whose Host is not this server's own (``127.0.0.1:PORT`` or ``localhost:PORT``)
  is refused, so a web page cannot reach it through DNS rebinding;
- a change must come from this page: a JSON POST whose Origin is this server and which
  carries the token the page was served with (a cross-site form can do neither);
- only the four routes exist: no path is ever mapped to a file, so nothing in or beyond the
  data folder can be read through it;
- the page's Content-Security-Policy lets it run only its own script (by nonce) and connect
  only to this server.
"""

from __future__ import annotations

import json
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reportgen.errors import ReportgenError
from reportgen.review.edits import Change, Refused, apply
from reportgen.review.state import state

#: The largest change a page sends (a form of a few fields).
MAX_BODY = 64 * 1024


class Saved(Exception):
    """A change was written but the folder could not be read back (another file in it was
    broken meanwhile, by an editor): the page says both."""


def _first(error: Exception) -> str:
    problems = getattr(error, "problems", None)
    return str(problems[0]) if problems else str(error)


class Review:
    """One data folder under review: reads its state and applies changes, one at a time."""

    def __init__(self, folder: Path, face) -> None:
        self.folder, self.face = Path(folder), face
        self.token = secrets.token_urlsafe(24)
        self._lock = threading.Lock()  # two tabs' changes are applied one after the other

    def validate(self, folder: Path):
        from reportgen.data import load_dataset

        return load_dataset(folder, self.face)

    def state(self) -> dict[str, Any]:
        return state(self.folder, self.validate(self.folder))

    def change(self, body: dict[str, Any]) -> dict[str, Any]:
        fields = body.get("fields") or {}
        if not isinstance(fields, dict) or not all(isinstance(k, str) for k in fields):
            raise Refused(None, "fields must be an object of texts", 400)
        change = Change(
            kind=str(body.get("kind", "")),
            id=str(body.get("id", "")),
            action=str(body.get("action", "")),
            version=str(body.get("version", "")),
            fields={k: "" if v is None else str(v) for k, v in fields.items()},
        )
        with self._lock:
            apply(self.folder, change, self.validate)
            try:
                return self.state()
            except ReportgenError as error:  # saved; another file broke meanwhile
                raise Saved(_first(error)) from None


def serve(review: Review, port: int = 0) -> ThreadingHTTPServer:
    """A server for ``review`` on 127.0.0.1 (``port`` 0: a free one), not yet serving."""
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(review))
    server.daemon_threads = True
    return server


def _handler(review: Review) -> type[BaseHTTPRequestHandler]:
    page_source = files("reportgen.review").joinpath("page.html").read_text("utf-8")

    class Handler(BaseHTTPRequestHandler):
        server_version = "reportgen-review"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:
            return

        # --- who may ask --------------------------------------------------------------
        def _own(self) -> set[str]:
            port = self.server.server_address[1]
            return {f"127.0.0.1:{port}", f"localhost:{port}"}

        def _allowed(self, writing: bool) -> bool:
            if self.headers.get("Host", "") not in self._own():
                self._fail(
                    HTTPStatus.MISDIRECTED_REQUEST, "this server answers to its own address only"
                )
                return False
            origin = self.headers.get("Origin")
            if origin is not None and urlsplit(origin).netloc not in self._own():
                self._fail(HTTPStatus.FORBIDDEN, "requests from other sites are refused")
                return False
            if writing and (
                origin is None
                or not secrets.compare_digest(
                    self.headers.get("X-Reportgen-Token", "").encode("utf-8", "surrogateescape"),
                    review.token.encode("ascii"),
                )
                or self.headers.get("Content-Type", "").split(";")[0] != "application/json"
            ):
                self._fail(HTTPStatus.FORBIDDEN, "changes come from the review page only")
                return False
            return True

        # --- routes -------------------------------------------------------------------
        def do_GET(self) -> None:
            if not self._allowed(writing=False):
                return
            path = urlsplit(self.path).path
            if path == "/":
                self._page()
            elif path == "/api/state":
                try:
                    self._json(HTTPStatus.OK, review.state())
                except (ReportgenError, OSError) as error:  # broken on disk meanwhile
                    message = f"the folder cannot be read: {_first(error)}"
                    self._json(HTTPStatus.CONFLICT, {"field": None, "message": message})
            elif path == "/font":
                self._send(HTTPStatus.OK, "font/otf", review.face.path.read_bytes(), cache=True)
            else:
                self._fail(HTTPStatus.NOT_FOUND, "no such page")

        def do_POST(self) -> None:
            if not self._allowed(writing=True):
                return
            if urlsplit(self.path).path != "/api/change":
                self._fail(HTTPStatus.NOT_FOUND, "no such page")
                return
            length_text = self.headers.get("Content-Length") or "0"
            length = int(length_text) if length_text.isdigit() else 0
            if not 0 < length <= MAX_BODY:
                self._fail(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "a change is a small JSON object")
                return
            try:
                body = json.loads(self.rfile.read(length).decode("utf-8"))
                if not isinstance(body, dict):
                    raise ValueError
            except (ValueError, UnicodeDecodeError):
                self._fail(HTTPStatus.BAD_REQUEST, "a change is a JSON object")
                return
            try:
                self._json(HTTPStatus.OK, review.change(body))
            except Refused as refused:
                self._json(refused.status, {"field": refused.field, "message": refused.message})
            except Saved as saved:
                message = f"saved, but the folder no longer reads: {saved}; fix it and reload"
                self._json(HTTPStatus.CONFLICT, {"field": None, "message": message, "saved": True})
            except (ReportgenError, OSError) as error:  # broken or unwritable meanwhile
                message = f"not saved: {_first(error)}"
                self._json(HTTPStatus.CONFLICT, {"field": None, "message": message})

        def do_PUT(self) -> None:
            self._fail(HTTPStatus.METHOD_NOT_ALLOWED, "not here")

        do_DELETE = do_PATCH = do_PUT

        # --- answers ------------------------------------------------------------------
        def _page(self) -> None:
            import jinja2

            nonce = secrets.token_urlsafe(16)
            html = (
                jinja2.Environment(autoescape=True)
                .from_string(page_source)
                .render(token=review.token, nonce=nonce, folder=review.folder.name)
            )
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", html.encode("utf-8"), nonce)

        def _json(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self._send(status, "application/json; charset=utf-8", data)

        def _fail(self, status: int, message: str) -> None:
            self._send(status, "text/plain; charset=utf-8", message.encode("utf-8"))

        def _send(
            self, status: int, kind: str, data: bytes, nonce: str = "", cache: bool = False
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Cache-Control", "max-age=3600" if cache else "no-store")
            script = f"'nonce-{nonce}'" if nonce else "'none'"
            self.send_header(
                "Content-Security-Policy",
                f"default-src 'none'; script-src {script}; style-src 'unsafe-inline'; "
                "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; "
                "base-uri 'none'; form-action 'none'",
            )
            self.end_headers()
            self.wfile.write(data)

    return Handler
