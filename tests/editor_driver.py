"""Driving the real editor (/admin/) in Debian's chromium, for the tests and for the README's
screenshots (`make screenshots`): the same code for both.

Sveltia's local-repository mode asks for a folder with the browser's folder picker, which
cannot be automated. `showDirectoryPicker` is answered instead, from an init script, with a
folder of the origin's private file system (OPFS) seeded with a copy of a site's files and a
`.git` entry; after a save, the folder is read back. Nothing leaves the machine: a request
to any host but the local server is aborted and recorded.
"""

import base64
import contextlib
import functools
import http.server
import re
import threading
from pathlib import Path

from office.server import QuietHandler

REPOSITORY = "repo"  # the OPFS folder standing for the office's checkout
PICKER = """
window.showDirectoryPicker = async () => {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('repo', { create: true });
};
"""
SEED = """async ([name, files]) => {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(name, { recursive: true }).catch(() => {});
  const repo = await root.getDirectoryHandle(name, { create: true });
  for (const [path, data] of files) {
    const parts = path.split('/');
    let folder = repo;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
    const file = await folder.getFileHandle(parts.at(-1), { create: true });
    const writable = await file.createWritable();
    await writable.write(Uint8Array.from(atob(data), c => c.charCodeAt(0)));
    await writable.close();
  }
}"""
READ_BACK = """async (name) => {
  const found = {};
  const walk = async (folder, prefix) => {
    for await (const [entry, handle] of folder.entries()) {
      const path = prefix + entry;
      if (handle.kind === 'directory') { await walk(handle, path + '/'); continue; }
      const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 32768) text += String.fromCharCode(...bytes.subarray(i, i + 32768));
      found[path] = btoa(text);
    }
  };
  const root = await navigator.storage.getDirectory();
  await walk(await root.getDirectoryHandle(name), '');
  return found;
}"""


@contextlib.contextmanager
def serving(folder: Path):
    """`folder` served at http://localhost:<free port> (local mode wants localhost)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("localhost", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()


def repository_files(root: Path, folders=("content",)) -> dict[str, bytes]:
    """A checkout's files as the editor sees them: `folders` below `root`, and a .git entry."""
    files = {".git/HEAD": b"ref: refs/heads/main\n"}
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


class Editor:
    """One browser page on the editor, its repository in OPFS, and what it asked of others."""

    def __init__(self, page, origin: str):
        self.page, self.origin = page, origin
        self.elsewhere: list[str] = []  # requests to any other host: aborted
        self.refused: list[str] = []  # what the page's Content-Security-Policy refused
        page.context.add_init_script(PICKER)
        page.context.route("**/*", self.only_local)
        page.on("console", self.note_console)

    def only_local(self, route):
        if route.request.url.startswith((self.origin, "blob:", "data:")):
            route.continue_()
        else:
            self.elsewhere.append(route.request.url)
            route.abort()

    def note_console(self, message):
        if "Content Security Policy" in message.text:
            self.refused.append(message.text)

    def open(self, files: dict[str, bytes]) -> None:
        """The editor, working on a local repository holding `files`."""
        self.page.goto(f"{self.origin}/admin/")
        encoded = [[path, base64.b64encode(data).decode()] for path, data in files.items()]
        self.page.evaluate(SEED, [REPOSITORY, encoded])
        self.page.get_by_role("button", name="Work with Local Repository").click()

    def save(self) -> None:
        """Save the entry; the editor then goes back to its collection's list (a moment
        later: going elsewhere before that would be undone)."""
        self.page.get_by_role("button", name="Save").click()
        self.page.wait_for_url(re.compile(r"#/collections/[\w-]+$"))

    def files(self) -> dict[str, bytes]:
        """Every file of the local repository, as it is now."""
        found = self.page.evaluate(READ_BACK, REPOSITORY)
        return {path: base64.b64decode(data) for path, data in found.items()}
