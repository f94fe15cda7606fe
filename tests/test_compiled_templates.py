"""Templates are compiled once per machine, not in every build: ours and the theme's go to
Jinja's file cache, so a second build of a site compiles none of them (each build and each
rebuild of the live preview otherwise spent 0.1-0.3 s compiling Material's templates)."""

from __future__ import annotations

from typing import Any

import jinja2


def test_a_second_build_compiles_no_template_and_writes_the_same_site(project, monkeypatch):
    assert project.build_in_process().returncode == 0
    first = {path: path.read_bytes() for path in project.built().rglob("*") if path.is_file()}
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append(name)
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    assert project.build_in_process().returncode == 0
    assert compiled == []
    assert {path: path.read_bytes() for path in project.built().rglob("*") if path.is_file()} == first
