"""A command's output shown as it comes and kept whole.

invoke's ``c.run`` decodes each 1,000-byte read of a command's output on its own, so a Thai
letter (three bytes in UTF-8) that falls across two reads is printed as "���", more often
the busier the machine: staff read garbled messages. Here the bytes are passed on as they
are read, and decoded once, whole.
"""

import os
import subprocess
import sys


def run_and_show(command: list[str], environment: dict | None = None) -> tuple[int, str]:
    """Run `command` (its errors into its output); (its exit code, all it printed)."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(environment or {})},
    )
    kept = bytearray()
    try:
        for chunk in iter(lambda: process.stdout.read1(65536), b""):
            sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
            kept += chunk
    except KeyboardInterrupt:  # Ctrl+C reached the command too: let it end as it does
        pass
    return process.wait(), kept.decode("utf-8", "replace")
