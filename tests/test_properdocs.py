"""ProperDocs, the maintained continuation of MkDocs 1.6, builds the same site: MkDocs 1.6.1 is
no longer maintained, and a site that can switch engines by changing one command is safe."""

from __future__ import annotations

import os
import re
import subprocess

from conftest import BIN, ROOT, file_tree

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_shipped_site_identical_but_for_the_generator_tag(shipped_site, tmp_path):
    out = tmp_path / "site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764115200", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [str(BIN / "properdocs"), "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    mkdocs_files, properdocs_files = file_tree(shipped_site), file_tree(out)
    assert mkdocs_files.keys() == properdocs_files.keys()
    differing = [name for name in mkdocs_files if mkdocs_files[name] != properdocs_files[name]]
    assert differing, "the generator tag names the engine, so HTML pages should differ there"
    for name in differing:
        assert name.endswith(".html"), name
        assert GENERATOR.sub(b"", mkdocs_files[name]) == GENERATOR.sub(b"", properdocs_files[name]), name
        assert b"ProperDocs" in GENERATOR.search(properdocs_files[name]).group(0)


def test_the_plugins_warnings_stop_a_strict_properdocs_build(project):
    project.remove("content/images/chia-se.png")
    result = project.run(str(BIN / "properdocs"), "build", "--strict", env={"DISABLE_MKDOCS_2_WARNING": "true"})
    assert result.returncode != 0
    assert "share_image: không tìm thấy ảnh 'content/images/chia-se.png'" in result.stderr
