"""``consistency review``: a local web page where editors decide on conflicts (Starlette, Jinja2, plain JS).

It is a page on the editor's own machine, so it defends against other pages in the
same browser: it answers only to its own Host (DNS rebinding) and Origin, every change
needs the per-process CSRF token, bodies and notes are capped, and article text is
escaped by Jinja's autoescape, with a CSP that lets only our own files run.
"""

from __future__ import annotations

import getpass
import ipaddress
import json
import secrets
import socket
import subprocess
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs

import jinja2
import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Receive, Scope, Send

from ..errors import ConsistencyError
from ..models import Conflict, Report
from ..report import html as report_html
from ..report.display import PAGE_FILTERS
from ..safetext import clean
from .cards import STATUS_FILTERS, STATUSES, Card, Filters, build_cards
from .decisions import DecisionLog, append_decision, apply_decisions, decisions_path, make_decision, read_log

HERE = Path(__file__).parent
BODY_LIMIT = 16 * 1024  # bytes: a decision is a word and a note
NOTE_LIMIT = 2000  # characters
VERDICTS = ("confirmed", "dismissed", "follow_up", "open")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SAFE_METHODS = ("GET", "HEAD")


class Review:
    """One review session: the analysed corpus, where its decisions go, who decides, and the CSRF token."""

    def __init__(self, corpus: Path, report: Report, reviewer: str) -> None:
        self.report = report
        self.reviewer = reviewer
        self.log_path = decisions_path(corpus)
        self.token = secrets.token_urlsafe(32)

    def cards(self, only: Conflict | None = None) -> tuple[list[Card], list[str]]:
        """Every conflict (or ``only`` one) as a card, with the log as it is now: another editor may have written."""
        try:
            log = read_log(self.log_path)
        except ConsistencyError as err:  # replaced since the start by a link or a folder: show it, decide nothing
            log = DecisionLog([], [str(err)])
        report = self.report.model_copy(update={"conflicts": [only]}) if only else self.report
        return build_cards(apply_decisions(report, log.latest()), log), log.problems


def create_app(corpus: Path, report: Report, reviewer: str, host: str, port: int, access: str | None = None) -> ASGIApp:
    """The review web app for ``report`` of ``corpus``, answering only as ``host:port`` (and, with ``access``,
    only to requests carrying that token)."""
    review = Review(corpus, report, reviewer)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters.update(PAGE_FILTERS)
    environment.globals.update(statuses=STATUSES, status_filters=STATUS_FILTERS)
    templates = Jinja2Templates(env=environment)

    def queue(request: Request) -> Response:
        cards, problems = review.cards()
        params = request.query_params
        filters = Filters(**{name: params.get(name, default) for name, default in vars(Filters()).items()})
        if filters.status not in STATUS_FILTERS:
            filters.status = "queue"
        return templates.TemplateResponse(
            request,
            "review.html.j2",
            {
                "review": review,
                "cards": cards,
                "shown": [card for card in cards if filters.admits(card)],
                "filters": filters,
                "problems": problems,
                "topics": {
                    card.conflict.topic: card.topic.label if card.topic else card.conflict.topic for card in cards
                },
                "sources": sorted({name for card in cards for name in card.sources}),
                "outlets": sorted({name for card in cards for name in card.outlets}),
            },
        )

    async def decide(request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return PlainTextResponse("send JSON", status_code=415)
        body = await _read_body(request)
        if body is None:
            return PlainTextResponse(f"request body over {BODY_LIMIT} bytes", status_code=413)
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: "[[[[..." thousands deep
            return PlainTextResponse("body is not JSON (or nested too deeply)", status_code=400)
        if not isinstance(payload, dict) or payload.get("decision") not in VERDICTS:
            return PlainTextResponse(f"decision must be one of {', '.join(VERDICTS)}", status_code=400)
        note = payload.get("note", "")
        if not isinstance(note, str) or len(note) > NOTE_LIMIT or not _encodable(note):
            return PlainTextResponse(f"note must be text of at most {NOTE_LIMIT} characters", status_code=400)
        conflicts = {conflict.id: conflict for conflict in review.report.conflicts}
        conflict = conflicts.get(request.path_params["fingerprint"])
        if conflict is None:
            return PlainTextResponse("no such conflict", status_code=404)
        claims = {claim.id: claim for claim in review.report.claims}
        decision = make_decision(
            conflict, [claims[i] for i in conflict.claims], payload["decision"], note.strip(), review.reviewer
        )
        try:
            await run_in_threadpool(append_decision, review.log_path, decision)  # fsync: off the event loop
        except ConsistencyError as err:  # a full disk, a log that is not a regular file: say so, record nothing
            return PlainTextResponse(clean(str(err)), status_code=500)
        [card], _ = await run_in_threadpool(review.cards, conflict)
        return templates.TemplateResponse(request, "card.html.j2", {"card": card})

    app = Starlette(
        routes=[
            Route("/", queue),
            Route("/conflicts/{fingerprint}/decision", decide, methods=["POST"]),
            # The report's stylesheet styles quotes, marks and charts here too.
            Route(
                "/static/report.css",
                lambda request: FileResponse(report_html.TEMPLATES / "report.css", media_type="text/css"),
            ),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ]
    )
    return Guard(app, allowed_hosts(host, port), review.token, access)


class Guard:
    """Refuses requests for another Host or from another Origin, changes without the CSRF token and, when reachable
    from other machines, any request without the access token; adds CSP."""

    def __init__(self, app: ASGIApp, hosts: set[str], token: str, access: str | None = None) -> None:
        self.app, self.hosts, self.token, self.access = app, hosts, token, access
        self.origins = {f"http://{host}" for host in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        refusal = self.refusal(scope["method"], headers) or self.access_refusal(scope, headers)
        if refusal:
            return await PlainTextResponse(refusal[1], status_code=refusal[0], headers=SECURITY_HEADERS)(
                scope, receive, send
            )
        added = dict(SECURITY_HEADERS)
        if self.access and not self._has_cookie(headers):  # the token came in the address: keep it for the session
            added["Set-Cookie"] = f"{ACCESS_COOKIE}={self.access}; HttpOnly; SameSite=Strict; Path=/"

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + [
                    (name.encode(), value.encode()) for name, value in added.items()
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def refusal(self, method: str, headers: dict[str, str]) -> tuple[int, str] | None:
        """(status, reason) if the request must be refused, else None."""
        if headers.get("host", "").lower() not in self.hosts:
            return 403, "unknown Host: open the address consistency review printed"
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in self.origins:
            return 403, "cross-origin request refused"
        if method not in SAFE_METHODS:
            if not secrets.compare_digest(headers.get("x-csrf-token", "").encode(), self.token.encode()):
                return 403, "missing or wrong CSRF token: reload the page"
            length = headers.get("content-length", "0")
            if not length.isdigit():
                return 400, "bad Content-Length"
            if int(length) > BODY_LIMIT:
                return 413, f"request body over {BODY_LIMIT} bytes"
        return None

    def access_refusal(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """(401, reason) if an access token is required and the request carries it neither in the address nor in
        the session cookie."""
        if self.access is None or self._has_cookie(headers):
            return None
        given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get(ACCESS_PARAMETER, [""])[0]
        if secrets.compare_digest(given.encode(), self.access.encode()):
            return None
        return 401, "access token required: open the full address consistency review printed"

    def _has_cookie(self, headers: dict[str, str]) -> bool:
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except CookieError:
            return False
        given = cookies[ACCESS_COOKIE].value if ACCESS_COOKIE in cookies else ""
        return secrets.compare_digest(given.encode(), (self.access or "").encode()) and bool(given)


ACCESS_PARAMETER = "access"  # ?access=<token> in the address printed when listening beyond loopback
ACCESS_COOKIE = "consistency_access"
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def allowed_hosts(host: str, port: int) -> set[str]:
    """The Host headers this server answers to: the bound address, and loopback's other names when on loopback."""
    names = {host.lower()}
    if is_loopback(host):
        names |= {"localhost", "127.0.0.1", "::1"}
    elif host in ("0.0.0.0", "::"):
        # Bound everywhere: the machine's own names. IP literals cannot be rebound by DNS.
        names |= {socket.gethostname().lower(), socket.getfqdn().lower(), *_own_addresses()}
    return {f"{_bracket(name)}:{port}" for name in names}


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine's loopback interface only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def address(host: str, port: int, access: str | None = None) -> str:
    """The URL to open (carrying the access token, when one is required)."""
    return f"http://{_bracket(host)}:{port}/" + (f"?{ACCESS_PARAMETER}={access}" if access else "")


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free one); a clear error if it cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as err:
        raise ConsistencyError(None, f"cannot listen on {host}:{port}: {err.strerror or err}") from None


def serve(app: ASGIApp, sock: socket.socket) -> None:
    """Serve until interrupted."""
    uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False)).run(sockets=[sock])


def default_reviewer(corpus: Path) -> str:
    """Who is deciding: git's user.name where the corpus is, else the login name."""
    try:
        found = subprocess.run(
            ["git", "config", "user.name"], cwd=corpus, capture_output=True, text=True, timeout=5, check=False
        )
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass  # no git: fall back to the login name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


async def _read_body(request: Request) -> bytes | None:
    """The body, or None once it passes BODY_LIMIT (a chunked body has no Content-Length to check first)."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > BODY_LIMIT:
            return None
    return body


def _encodable(text: str) -> bool:
    # A lone surrogate (a JSON escape such as \ud800 with no partner) is valid JSON, but no UTF-8 can hold it.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _own_addresses() -> set[str]:
    try:
        return {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)}
    except OSError:
        return set()


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host
