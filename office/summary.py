"""What the publishing workflow shows the office on its run's page on GitHub (the job
summary, $GITHUB_STEP_SUMMARY), so that nobody has to read a log: why nothing was published,
each problem with its file, line and fix; or what was published, and where. Outside
GitHub's workflow (no GITHUB_STEP_SUMMARY) nothing is written."""

import os
import re
from pathlib import Path

from plugins.core.messages import for_staff
from plugins.core.problems import Problem

NOT_PUBLISHED = "ยังไม่เผยแพร่ · Not published"
PUBLISHED = "เผยแพร่แล้ว · Published"
PROBLEM_LINE = re.compile(r"^(?P<path>content/[^:\n]+?)(?::(?P<line>\d+))?: (?P<message>.+)$")


def summary_file() -> Path | None:
    name = os.environ.get("GITHUB_STEP_SUMMARY")
    return Path(name) if name else None


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary_text(heading: str, reason: str, problems: list[Problem]) -> str:
    lines = [f"## {heading}", "", reason, ""]
    if problems:
        lines += ["| ไฟล์ · File | บรรทัด · Line | ปัญหาและวิธีแก้ · Problem and fix |", "|---|---|---|"]
        lines += [
            f"| `{cell(p.path)}` | {p.line or ''} | {cell(for_staff(p.message))} |"
            for p in problems
        ]
        lines.append("")
    return "\n".join(lines) + "\n"


def write_summary(heading: str, reason: str, problems: list[Problem] = ()) -> None:
    target = summary_file()
    if target is not None:
        with target.open("a", encoding="utf-8") as file:
            file.write(summary_text(heading, reason, list(problems)))


def problems_in(output: str) -> list[Problem]:
    """The `content/x.md:3: what is wrong (the fix)` lines a build printed."""
    found = (PROBLEM_LINE.match(line.strip()) for line in output.splitlines())
    return [Problem(m["path"], int(m["line"] or 0), m["message"]) for m in found if m]
