"""Validation problems written for the place an editor reads them: a terminal, a GitHub pull
request (workflow commands become annotations on the offending line) or a GitLab merge request
(a Code Quality report)."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ktt_site.errors import DataValidationError, Problem

FORMATS = ("text", "github", "gitlab")


def _escape_data(value: str) -> str:
    # GitHub's own rules (actions/toolkit, command.ts escapeData): '%' first, so the escapes
    # introduced for CR and LF are not escaped again.
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    # Properties are separated by ',' and end at '::', so ':' and ',' are escaped too
    # (command.ts escapeProperty).
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def problem_title(problem: Problem) -> str:
    """The short heading of an annotation."""
    return f"Lỗi dữ liệu ở trường {problem.field}" if problem.field else "Lỗi dữ liệu"


def problem_message(problem: Problem) -> str:
    """What is wrong, without the file and line the annotation already points at."""
    return f"{problem.field}: {problem.message}" if problem.field else problem.message


def github_line(problem: Problem) -> str:
    """One ``::error`` workflow command; GitHub shows it on the file and line it names."""
    props = [f"file={_escape_property(problem.path)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    props.append(f"title={_escape_property(problem_title(problem))}")
    return f"::error {','.join(props)}::{_escape_data(problem_message(problem))}"


def github_report(problems: Sequence[Problem]) -> str:
    return "".join(github_line(p) + "\n" for p in problems)


def fingerprint(problem: Problem, occurrence: int = 0) -> str:
    """Stable across pushes: the line is left out, so editing lines above a problem does not
    make GitLab see it as fixed and found again; ``occurrence`` separates identical ones."""
    key = "\x1f".join([problem.path, problem.field, problem.message, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def gitlab_report(problems: Sequence[Problem]) -> str:
    """A GitLab Code Quality report (a JSON array), shown in the merge request's widget."""
    seen: dict[tuple[str, str, str], int] = {}
    issues = []
    for problem in problems:
        key = (problem.path, problem.field, problem.message)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        issues.append(
            {
                "type": "issue",
                "check_name": "ktt-site-check",
                "description": problem_message(problem),
                "categories": ["Bug Risk"],
                "severity": "critical",
                "fingerprint": fingerprint(problem, occurrence),
                # GitLab needs a line; a whole-file problem is shown at the file's first line.
                "location": {"path": problem.path, "lines": {"begin": problem.line or 1}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def text_report(problems: Sequence[Problem]) -> str:
    """The list a terminal shows, the same as a failed ``mkdocs build`` prints."""
    return f"{DataValidationError(list(problems))}\n" if problems else ""


REPORTERS: dict[str, Callable[[Sequence[Problem]], str]] = {
    "text": text_report,
    "github": github_report,
    "gitlab": gitlab_report,
}


def report(problems: Sequence[Problem], output_format: str) -> str:
    """Every problem in ``output_format`` (one of :data:`FORMATS`); an empty list is valid."""
    return REPORTERS[output_format](problems)


def write_report(problems: Sequence[Problem], output_format: str, output: Path | None) -> None:
    """The machine-readable report, to ``output`` (a CI artifact) or to standard output.

    The plain list for people goes to standard error separately, so a report on standard
    output stays parseable; a ``text`` report without ``output`` is that list alone.
    """
    if output_format == "text" and output is None:
        return
    text = report(problems, output_format)
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
