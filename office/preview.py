"""`invoke livereload`: a preview at http://localhost:8000 that rebuilds on every save and
reloads the browser. A content error is shown in the terminal and over the page; the
server keeps running, and the next good save clears it."""

import json
import subprocess
import sys
from pathlib import Path

STATUS_FILE = "__preview-status.js"
STATUS_SCRIPT = """(function () {
  var problems = %s;
  var old = document.getElementById("preview-problems");
  if (old) old.remove();
  if (!problems.length) return;
  var box = document.createElement("pre");
  box.id = "preview-problems";
  box.setAttribute("role", "alert");
  box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;" +
    "margin:0;padding:1rem;background:#7a0000;color:#fff;font:14px/1.5 monospace;" +
    "white-space:pre-wrap;z-index:9999";
  box.textContent = "The site could not be rebuilt:\\n" + problems.join("\\n");
  document.body.appendChild(box);
})();
"""


def build(root: Path, settings: dict) -> list[str]:
    """Build once; return the problems (empty when it worked), and write them for the page."""
    pelican = Path(sys.executable).parent / "pelican"
    output = root / settings["output"]
    command = [
        str(pelican),
        settings["content"],
        "-o",
        settings["output"],
        "-s",
        settings["config"],
    ]
    command += ["-e", "PREVIEW=true"]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    problems = [] if done.returncode == 0 else problem_lines(done.stderr)
    output.mkdir(parents=True, exist_ok=True)
    (output / STATUS_FILE).write_text(
        STATUS_SCRIPT % json.dumps(problems, ensure_ascii=False), "utf-8"
    )
    for line in problems:
        print(line, file=sys.stderr)
    print(
        "rebuilt"
        if not problems
        else f"{len(problems)} problem(s): the preview shows the last good build"
    )
    return problems


def problem_lines(stderr: str) -> list[str]:
    """The writer's lines (`content/…: …`), else the last lines Pelican printed."""
    lines = [line for line in stderr.splitlines() if line.startswith("content/")]
    return lines or [line.strip() for line in stderr.splitlines() if line.strip()][-5:]


def serve(root: Path, settings: dict, port: int) -> None:
    from livereload import Server

    rebuild = lambda: build(root, settings)  # noqa: E731
    rebuild()
    server = Server()
    for pattern in ("content/**/*", "content/*/*", "theme/**/*", "plugins/**/*.py", "*.py"):
        server.watch(str(root / pattern), rebuild)
    print(f"Preview at http://localhost:{port}/ (Ctrl+C stops it)")
    server.serve(
        host="127.0.0.1", port=port, root=str(root / settings["output"]), open_url_delay=None
    )
