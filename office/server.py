"""The preview's web server: output/ as the site will be published, the site's own 404
page for an unknown address, and the build status for the pages (Server-Sent Events)."""

import contextlib
import functools
import http.server
import threading
from pathlib import Path

EVENTS = "/__preview/events"
STATUS = "/__preview/status"
SCRIPT = "/__preview-status.js"
KEEP_ALIVE_SECONDS = 15


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files and says nothing: not each request, nor one a browser cancelled."""

    def handle(self):
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            super().handle()  # a browser that cancels a request is normal: nothing to log

    def log_message(self, *args):
        pass


class SiteHandler(QuietHandler):
    """output/ as the site will be published: the site's own 404 page for an unknown
    address, and pages a reload always fetches again."""

    def send_text(self, text: str, kind: str, code: int = 200) -> None:
        data = text.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def send_error(self, code, message=None, explain=None):
        """An unknown address gets the site's own 404 page, in the address's language."""
        if code != 404:
            return super().send_error(code, message, explain)
        root = Path(self.directory)
        first = self.path.split("?", 1)[0].strip("/").split("/", 1)[0]
        pages = [root / first / "404.html"] if first else []
        for page in [*pages, root / "404.html"]:
            if page.is_file():
                return self.send_text(page.read_text(encoding="utf-8"), "text/html", 404)
        return super().send_error(code, message, explain)

    def end_headers(self):
        if self.path.split("?", 1)[0].endswith((".html", "/", ".css", ".js")):
            self.send_header("Cache-Control", "no-store")  # a reload shows the new build

        super().end_headers()


class PreviewHandler(SiteHandler):
    """The site, and the build's status for the preview's pages (Server-Sent Events)."""

    status = None  # BuildStatus, set by start_server
    script = ""

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == EVENTS:
            return self.send_events()
        if path == STATUS:
            return self.send_text(self.status.as_json(), "application/json")
        if path == SCRIPT:
            return self.send_text(self.script, "text/javascript")
        return super().do_GET()

    def send_events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            while True:
                number = self.status.number
                self.wfile.write(f"data: {self.status.as_json()}\n\n".encode())
                self.wfile.flush()
                self.status.wait_after(number, KEEP_ALIVE_SECONDS)
        except OSError:
            pass  # the page was closed or reloaded


def start_server(output: Path, port: int, status, script: str):
    handler = functools.partial(PreviewHandler, directory=str(output))
    PreviewHandler.status, PreviewHandler.script = status, script
    http.server.ThreadingHTTPServer.daemon_threads = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve_site(output: Path, port: int) -> None:
    """`make serve`: output/ at http://localhost:<port>/ until Ctrl+C."""
    handler = functools.partial(SiteHandler, directory=str(output))
    http.server.ThreadingHTTPServer.daemon_threads = True
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"The site is at http://localhost:{port}/ (Ctrl+C stops it)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
