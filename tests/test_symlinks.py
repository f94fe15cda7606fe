"""A symbolic link committed under content/ or models_data/ would publish (or feed the data with)
a file from outside the repository: it is an error naming the link, and nothing is published."""

from __future__ import annotations

import os

import pytest


@pytest.mark.parametrize(
    "link",
    ["content/images/mat-khau.txt", "content/tai-lieu", "models_data/cooperatives/htx-ngoai.yaml"],
)
def test_a_link_anywhere_is_refused_before_anything_is_read(project, tmp_path, link):
    outside = tmp_path / "ngoai-kho"
    outside.mkdir()
    secret = outside / "bi-mat.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    target = outside if link == "content/tai-lieu" else secret
    project.path(link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, project.path(link))
    previous = project.write("site/index.html", "bản trước")
    check_command, build_command = project.commands(real=link == "content/tai-lieu")

    check = check_command()
    assert check.returncode == 1
    assert f"{link}: là liên kết (symlink), không phải tệp thật" in check.stderr

    build = build_command()
    assert build.returncode != 0
    assert f"{link}: là liên kết (symlink)" in build.stderr
    assert previous.read_text(encoding="utf-8") == "bản trước"
    published = [p for p in project.built().rglob("*") if p.is_file()]
    assert published == [previous]
