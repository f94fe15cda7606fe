"""The in-process commands most tests use say and make exactly what the real commands do."""

from __future__ import annotations

from conftest import BIN, MINIMAL_EPOCH, file_tree, new_project

BROKEN = ("models_data/cooperatives/htx-dong-tam.yaml", "name: [Hợp tác xã\n")


def _same(real, here) -> None:
    assert (here.returncode, here.stdout, here.stderr) == (real.returncode, real.stdout, real.stderr)


def test_check_prints_the_same_with_valid_data_bad_data_and_bad_arguments(project):
    _same(project.check("--format", "xml"), project.check_in_process("--format", "xml"))
    for broken in (False, True):
        if broken:
            project.write(*BROKEN)
        for format_ in ("text", "github", "gitlab"):
            _same(project.check("--format", format_), project.check_in_process("--format", format_))


def test_other_commands_print_and_write_the_same(tmp_path):
    real, here = new_project(tmp_path / "real"), new_project(tmp_path / "here")
    for argv in (["schema"], ["new", "cooperative", "Hợp tác xã Mới", "--commune", "xa-dong-tam"]):
        _same(real.run(str(BIN / "ktt-site"), *argv), here.ktt_site_in_process(*argv))
    assert file_tree(here.root) == file_tree(real.root)


def test_a_failed_build_prints_the_same_and_a_build_makes_the_same_files(project, minimal_site, tmp_path):
    real = project.build("--site-dir", str(tmp_path / "real"), env={"SOURCE_DATE_EPOCH": MINIMAL_EPOCH})
    assert real.returncode == 0, real.stderr
    assert file_tree(minimal_site.built()) == file_tree(tmp_path / "real")  # built here, from another copy

    project.write(*BROKEN)
    _same(project.build(), project.build_in_process())
