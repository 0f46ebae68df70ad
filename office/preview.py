"""`make devserver`: a preview at http://localhost:8000 that keeps up with the writer.

One long-lived process builds the site, serves output/, watches content/, theme/, plugins/
and the settings, and after each save brings the site up to date and tells every open page
(Server-Sent Events, read by /__preview-status.js) to reload, and shows over the page what
stopped the build or what it left out (a photo that cannot be used), from the build's own
list of problems:

- a press release or page whose front matter is unchanged but for its Summary: the
  process re-reads that one file and writes again only the pages that show it (its own,
  the listings and feeds it appears in), from the build it keeps in memory (``refresh``);
- anything else (a new or deleted file, front matter, products, editions, the programme,
  galleries and their photos, templates, CSS, JS): a whole build, in the same process,
  with a fresh build state;
- pelicanconf.py or the plugins' code: the process starts itself again.

The search index, the per-page sharing cards and the printable edition (PDF), slow and
not needed to read a draft, are left out of the preview (``PREVIEW_SETTINGS``); ``make
html`` makes them.
"""

import json
import os
import socket
import sys
import threading
import time
import traceback
from pathlib import Path

from office.incremental import IncrementalSite

PREVIEW_SETTINGS = {"PREVIEW": True, "SEARCH_INDEX": False, "SOCIAL_PAGE_CARDS": False,
                    "PRINTED_EDITIONS": False}  # fmt: skip
RESTART_SUFFIXES = {".py"}  # settings and plugin code: imported once per process
EDITOR_NOISE = (".swp", ".swx", ".tmp", "~")  # an editor's scratch files, not content

STATUS_SCRIPT = """(function () {
  function show(problems, ok) {
    var old = document.getElementById("preview-problems");
    if (old) old.remove();
    if (!problems.length) return;
    var box = document.createElement("pre");
    box.id = "preview-problems";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;" +
      "margin:0;padding:1rem;background:#7a0000;color:#fff;font:14px/1.5 monospace;" +
      "white-space:pre-wrap;z-index:9999";
    var heading = ok ? "Left out of the site:" : "The site could not be rebuilt:";
    box.textContent = heading + "\\n" + problems.join("\\n");
    document.body.appendChild(box);
  }
  var seen = null;
  var events = new EventSource("/__preview/events");
  events.onmessage = function (message) {
    var build = JSON.parse(message.data);
    if (seen !== null && build.number !== seen && !build.problems.length) {
      location.reload();
      return;
    }
    seen = build.number;
    show(build.problems, build.ok);
  };
})();
"""


class BuildStatus:
    """The newest build: its number, whether it was written (ok) and the problems to show
    over the page (why it was not, or what it left out); waiters wake when it changes."""

    def __init__(self):
        self.number, self.ok, self.problems = 0, False, []
        self.changed = threading.Condition()

    def publish(self, ok: bool, problems: list[str]) -> None:
        with self.changed:
            self.number += 1
            self.ok, self.problems = ok, problems
            self.changed.notify_all()

    def as_json(self) -> str:
        status = {"number": self.number, "ok": self.ok, "problems": self.problems}
        return json.dumps(status, ensure_ascii=False)

    def wait_after(self, number: int, seconds: float) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.number != number, timeout=seconds)


def problem_lines(error: BaseException) -> list[str]:
    """The writer's lines for a content error; else the last line of what went wrong."""
    problems = getattr(error, "problems", None)
    if problems:
        return [problem.for_staff() for problem in problems]
    return [traceback.format_exception_only(type(error), error)[-1].strip()]


class Preview:
    def __init__(self, root: Path, names: dict, port: int | None = None):
        self.root, self.names = root, names
        self.output = root / names["output"]
        self.status = BuildStatus()
        self.site = IncrementalSite(root / names["config"], self.overrides(port))

    def overrides(self, port: int | None) -> dict:
        paths = {"PATH": str(self.root / self.names["content"]), "OUTPUT_PATH": str(self.output)}
        served = {"FEED_DOMAIN": f"http://localhost:{port}"} if port else {}  # its own address
        return {**paths, "CACHE_PATH": str(self.root / self.names["cache"]), **PREVIEW_SETTINGS,
                **served}  # fmt: skip

    def update(self, changed: set[Path] | None) -> list[str]:
        """Bring output/ up to date with the changed files (None: everything)."""
        started = time.perf_counter()
        try:
            how = self.site.update(changed)
            ok, problems = True, self.site.left_out()
        except Exception as error:  # shown over the page; the preview keeps running
            how, ok, problems = "not rebuilt", False, problem_lines(error)
        self.status.publish(ok, problems)
        for line in problems:
            print(line, file=sys.stderr)
        took = time.perf_counter() - started
        print(f"{how} in {took:.2f} s" + (f", {len(problems)} problem(s)" if problems else ""))
        return problems


def needs_restart(root: Path, changed: set[Path]) -> bool:
    code = [root / "plugins", root / "office"]
    return any(
        path.suffix in RESTART_SUFFIXES
        and (path.parent == root or any(path.is_relative_to(folder) for folder in code))
        for path in changed
    )


def is_editor_noise(path: Path) -> bool:
    return path.name.startswith(".") or path.name.endswith(EDITOR_NOISE) or path.name == "4913"


def watched(root: Path, names: dict) -> list[Path]:
    folders = [names["content"], "theme", "plugins"]
    files = [names["config"], "publishconf.py"]
    return [root / name for name in folders + files if (root / name).exists()]


def watch(preview: Preview, root: Path, names: dict) -> None:
    from watchfiles import watch as changes_in

    for batch in changes_in(*watched(root, names), debounce=400, step=20):
        changed = {Path(path) for _, path in batch}
        changed = {path for path in changed if not is_editor_noise(path)}
        if not changed:
            continue
        if needs_restart(root, changed):
            print("settings or plugins changed: starting again")
            os.execv(sys.executable, [sys.executable, *sys.argv])
        preview.update(changed)


def free_port(wanted: int) -> int:
    """`wanted`, or the next port no other program holds (said in one line)."""
    for candidate in range(wanted, wanted + 20):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
        if candidate != wanted:
            print(f"พอร์ต {wanted} มีโปรแกรมอื่นใช้อยู่ จึงใช้พอร์ต {candidate} แทน · Port {wanted} "
                  f"is in use (another preview?): this one uses {candidate} instead")  # fmt: skip
        return candidate
    raise SystemExit(
        f"Ports {wanted} to {wanted + 19} are all in use: give another, e.g. PORT=9000"
    )


def serve(root: Path, names: dict, port: int | None) -> None:
    """Build, then keep output/ up to date; with a port, serve it there too."""
    from office.server import start_server

    port = free_port(port) if port else None
    preview = Preview(root, names, port)

    preview.output.mkdir(parents=True, exist_ok=True)
    server = start_server(preview.output, port, preview.status, STATUS_SCRIPT) if port else None
    preview.update(None)
    if server:
        print(f"Preview at http://localhost:{port}/ (Ctrl+C stops it)")
    try:
        watch(preview, root, names)
    except KeyboardInterrupt:
        pass
    finally:
        if server:
            server.shutdown()
