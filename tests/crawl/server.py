"""A real HTTP server on 127.0.0.1 for crawl tests: routes are plain functions, and every
request is logged with its arrival time so tests can check what the crawler did."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterator[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before the headers are sent


Route = Callable[[str, dict[str, str]], Reply]  # (path with query, request headers) -> Reply


@dataclass
class Logged:
    path: str
    at: float  # time.monotonic() on arrival
    headers: dict[str, str]


class LoopbackSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[Logged] = []
        self.base = ""
        self._lock = threading.Lock()

    def route(self, path: str, reply: Route | Reply | str | bytes) -> None:
        if isinstance(reply, (str, bytes)):
            body = reply.encode() if isinstance(reply, str) else reply
            self.routes[path] = lambda _p, _h, b=body: Reply(body=b)  # type: ignore[misc]
        elif isinstance(reply, Reply):
            self.routes[path] = lambda _p, _h, r=reply: r  # type: ignore[misc]
        else:
            self.routes[path] = reply

    def paths(self) -> list[str]:
        return [entry.path for entry in self.log]

    def url(self, path: str) -> str:
        return self.base + path

    def handle(self, handler: BaseHTTPRequestHandler) -> None:
        arrived = time.monotonic()
        headers = {k.lower(): v for k, v in handler.headers.items()}
        with self._lock:
            self.log.append(Logged(handler.path, arrived, headers))
        route = self.routes.get(handler.path) or self.routes.get(handler.path.split("?")[0])
        if route is None:  # prefix routes: "/calendar/*"
            prefixes = [
                k for k in self.routes if k.endswith("*") and handler.path.startswith(k[:-1])
            ]
            route = self.routes[max(prefixes, key=len)] if prefixes else None
        reply = route(handler.path, headers) if route else Reply(404, b"<h1>404 Not Found</h1>")
        if reply.delay:
            time.sleep(reply.delay)
        try:
            handler.send_response(reply.status)
            if reply.content_type:
                handler.send_header("Content-Type", reply.content_type)
            for key, value in reply.headers.items():
                handler.send_header(key, value)
            if isinstance(reply.body, bytes):
                if "Content-Length" not in reply.headers:
                    handler.send_header("Content-Length", str(len(reply.body)))
                handler.end_headers()
                handler.wfile.write(reply.body)
            else:  # streamed, no length: the connection closes at the end
                handler.send_header("Connection", "close")
                handler.end_headers()
                for chunk in reply.body:
                    handler.wfile.write(chunk)
                handler.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True


@contextmanager
def serve(site: LoopbackSite) -> Iterator[LoopbackSite]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.handle(self)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # clients hanging up mid-answer are part of the tests

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def article_html(title: str, paragraphs: int = 6, extra_head: str = "", canonical: str = "") -> str:
    """An original, plain article page with enough running text to count as one."""
    body = "".join(
        f"<p>Paragraph {n} of the piece titled {title}: officials weighed the options at "
        "length, noting that the budget, the alliance commitments and the timetable each "
        "constrain what can be done before the next summit, and that partners expect a "
        "clear answer on burden sharing, on industrial capacity and on the sequencing of "
        "deliveries over the coming two years.</p>"
        for n in range(1, paragraphs + 1)
    )
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:type" content="article">{link}{extra_head}</head><body>'
        f"<header><nav><a href='/'>Home</a></nav></header><main><article><h1>{title}</h1>"
        f"<p class='byline'>By Test Author</p><time datetime='2025-03-04'>4 March 2025</time>"
        f"{body}</article></main><footer>© 2025 Test Institute</footer></body></html>"
    )
