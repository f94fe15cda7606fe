"""Validation problems reported to editors, collected and raised together."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one editor file: ``path:line: field: message`` (message in Vietnamese)."""

    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataValidationError(Exception):
    """Raised once, after loading, with every problem found in the editors' files."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
        count = len(self.problems)
        header = f"Dữ liệu có {count} lỗi, chưa xây dựng trang (sửa các lỗi sau rồi chạy lại):"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


@dataclass
class ProblemLog:
    """Collects problems while loading; ``raise_if_any`` stops once with all of them."""

    root: Path
    problems: list[Problem] = field(default_factory=list)

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        # Resolve the folder only: a symlink is reported where the editor sees it, not its target.
        where = path.parent.resolve() / path.name
        try:
            return where.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path | str, line: int | None, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.relative(path), line, field_name, message))

    def __bool__(self) -> bool:
        return bool(self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataValidationError(self.problems)
