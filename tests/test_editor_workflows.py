"""The publishing pipelines: valid YAML whose steps run the README's commands, and those
commands, as `make` would run them, give the annotations on a broken site."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import yaml
from conftest import BIN, make_dry_run

ROOT = Path(__file__).parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true; GitHub reads it as the trigger list.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def _make_recipe(project_root: Path, command: str, fake_venv: Path) -> list[str]:
    """What `make` would run for ``command`` (a workflow's `run:` line), without running it:
    a dry run against a venv path that does not exist, so the shared venv is never touched."""
    args = shlex.split(command)
    assert args[0] == "make", command
    result = make_dry_run(project_root, *args[1:], f"VENV={fake_venv}")
    assert result.returncode == 0, result.stderr
    assert not fake_venv.exists()
    return [line.rstrip() for line in result.stdout.splitlines()]


def _run_as_make_would(project, command: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    shutil.copy(ROOT / "Makefile", project.root / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", project.root / "pyproject.toml")
    fake = tmp_path / "no-venv"
    last = _make_recipe(project.root, command, fake)[-1]
    assert last.startswith(f"{fake}/bin/"), last
    real = shlex.split(last.replace(f"{fake}/bin/", f"{BIN}/", 1))
    return project.run(*real)


def test_github_publish_workflow_checks_builds_and_deploys_main():
    flow = _load(WORKFLOWS / "publish.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    runs = _runs(build)
    assert runs == ['make check CHECK_ARGS="--format github"', "make site"]
    uses = _uses(build)
    assert uses[:2] == ["actions/checkout", "actions/setup-python"]
    assert "actions/configure-pages" in uses and uses[-1] == "actions/upload-pages-artifact"
    upload = build["steps"][-1]
    assert upload["with"]["path"] == "site"
    site_step = next(s for s in build["steps"] if s.get("run") == "make site")
    assert site_step["env"]["KTT_SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert _uses(deploy) == ["actions/deploy-pages"]


def test_github_pull_request_workflow_validates_and_tests_without_publishing():
    flow = _load(WORKFLOWS / "check.yml")
    assert "pull_request" in flow["on"] and "push" not in flow["on"]
    assert flow["permissions"] == {"contents": "read"}
    assert set(flow["jobs"]) == {"check", "test"}
    assert _runs(flow["jobs"]["check"]) == ['make check CHECK_ARGS="--format github"']
    assert _runs(flow["jobs"]["test"]) == [".ci/run"]
    for job in flow["jobs"].values():
        assert not {"actions/upload-pages-artifact", "actions/deploy-pages"} & set(_uses(job))


def test_ci_script_installs_the_tools_then_runs_the_readmes_test_command():
    script = (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert (ROOT / ".ci/run").stat().st_mode & 0o111, ".ci/run must be executable"
    for tool, package in (("chromium", "chromium"), ("java", "default-jre-headless"), ("npm", "npm")):
        assert f"command -v {tool} >/dev/null 2>&1 || need_apt+=({package})" in script
    assert script[-2:] == ["export KTT_REQUIRE_TOOLS=1", "make test"]


def test_gitlab_pipeline_reports_on_merge_requests_and_publishes_main():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in ci["workflow"]["rules"]
    check, pages = ci["check"], ci["pages"]
    assert check["script"] == ['make check CHECK_ARGS="--format gitlab --output gl-code-quality-report.json"']
    assert check["artifacts"]["when"] == "always"
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert "rules" not in check  # every pipeline, merge request or branch, validates
    test = ci["test"]
    assert test["stage"] == check["stage"] and test["script"] == [".ci/run"]
    assert test["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert pages["rules"] == [{"if": '$CI_COMMIT_BRANCH == "main"'}]
    # npm first (the image has none): make site bundles the form editor from node_modules.
    assert pages["script"][1] == "make site" and "apt-get install -y -qq npm" in pages["script"][0]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["variables"]["KTT_SITE_URL"] == "$CI_PAGES_URL"
    assert ci["stages"].index(check["stage"]) < ci["stages"].index(pages["stage"])


def test_make_targets_run_the_commands_the_readme_names(tmp_path):
    fake = tmp_path / "no-venv"
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert (
        _make_recipe(tmp_path, 'make check CHECK_ARGS="--format github"', fake)[-1]
        == f"{fake}/bin/ktt-site check --format github"
    )
    assert _make_recipe(tmp_path, "make check", fake)[-1] == f"{fake}/bin/ktt-site check"
    assert _make_recipe(tmp_path, "make site", fake)[-1] == f"{fake}/bin/mkdocs build --strict"
    assert _make_recipe(tmp_path, "make test", fake)[-4:] == [
        f"{fake}/bin/ruff check ktt_site",
        f"{fake}/bin/ruff format --check ktt_site",
        f"{fake}/bin/mypy",
        f"env -u PYTHONDONTWRITEBYTECODE {fake}/bin/python -m pytest -n auto",
    ]


def test_github_check_step_annotates_a_broken_site(project, tmp_path):
    project.write(
        "models_data/cooperatives/htx-dong-tam.yaml",
        "name: Hợp tác xã Đồng Tâm\nkind: htx\nfounded: 2018-03-15\ncommune: xa-khong-co\n"
        "status: active\nlegal_basis: luat-htx-2012\n",
    )
    (step,) = _runs(_load(WORKFLOWS / "check.yml")["jobs"]["check"])
    result = _run_as_make_would(project, step, tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=models_data/cooperatives/htx-dong-tam.yaml,line=4,title=Lỗi dữ liệu ở trường commune"
        "::commune: không có xã/phường/thị trấn mang mã 'xa-khong-co'"
    ]


def test_gitlab_check_step_writes_the_code_quality_report(project, tmp_path):
    project.write(
        "models_data/cooperatives/htx-dong-tam.yaml",
        "name: Hợp tác xã Đồng Tâm\nkind: htx\nfounded: 2018-03-15\ncommune: xa-dong-tam\n"
        "status: active\nlegal_basis: luat-htx-2099\n",
    )
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    result = _run_as_make_would(project, ci["check"]["script"][0], tmp_path)
    assert result.returncode == 1
    report = json.loads(project.path("gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert [(i["location"]["path"], i["location"]["lines"]["begin"], i["description"]) for i in report] == [
        (
            "models_data/cooperatives/htx-dong-tam.yaml",
            6,
            "legal_basis: không có văn bản pháp lý mang mã 'luat-htx-2099'",
        ),
    ]


def test_pre_commit_hook_runs_the_check_command():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["entry"] == "ktt-site check"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "models_data/cooperatives/x.yaml")
    assert re.search(hook["files"], "content/ban-tin/2018-so-01/bai.md")
