"""The pre-commit hook and the GitHub Pages workflow: their YAML and their steps.

Neither can run here (no GitHub, no hook installer), so these guard what each
promises: the hook runs `bulletin check` on content changes; the workflow runs
the README's two commands, checks the content, and deploys site/ to Pages
only from main.
"""
from __future__ import annotations

import re
import subprocess

import yaml

from conftest import TOOL_ROOT


def load(rel: str):
    return yaml.safe_load((TOOL_ROOT / rel).read_text(encoding="utf-8"))


def test_the_hook_runs_bulletin_check_once_per_commit_on_content():
    hooks = load(".pre-commit-hooks.yaml")
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["entry"] == "bulletin check"
    assert hook["pass_filenames"] is False  # check reads the whole site, not single files
    assert re.match(hook["files"], "content/bulletins/2026-02/hate-crime.md")
    assert not re.match(hook["files"], "builder/cli.py")
    assert hook["language"] == "unsupported"
    assert tuple(map(int, hook["minimum_pre_commit_version"].split("."))) >= (4, 4, 0)


def workflow():
    data = load(".github/workflows/publish.yml")
    # YAML 1.1 reads the key `on` as True.
    return data, data.get("on", data.get(True))


def test_the_workflow_publishes_only_on_push_to_main():
    data, on = workflow()
    assert on["push"]["branches"] == ["main"]
    assert "pull_request" not in on
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"]["group"] == "pages"


def test_the_build_job_runs_the_readme_commands_then_uploads_site():
    data, _ = workflow()
    steps = data["jobs"]["build"]["steps"]
    runs = [s.get("run") for s in steps if "run" in s]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    readme = (TOOL_ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("make build", "make test"):
        assert command in readme and command in runs
    check, publish = (f'.venv/bin/bulletin {command} --root "$ROOT"' for command in ("check", "build"))
    assert runs.index("make build") < runs.index(check) < runs.index("make test") < runs.index(publish)
    assert uses[:2] == ["actions/checkout", "actions/setup-node"]
    assert uses[-1] == "actions/upload-pages-artifact"
    assert steps[-1]["with"]["path"].rstrip("/") == "${{ env.ROOT }}/site"


def test_the_site_published_is_this_repositorys_unless_a_variable_names_another_folder():
    """A site made with `bulletin init` in a folder of a fork is published by setting the
    repository variable BULLETIN_ROOT, not by editing the workflow."""
    data, _ = workflow()
    assert data["jobs"]["build"]["env"]["ROOT"] == "${{ vars.BULLETIN_ROOT || '.' }}"


def test_the_build_job_runs_as_root_on_debian_so_make_test_can_install_chromium():
    data, _ = workflow()
    image = data["jobs"]["build"]["container"]
    assert image.startswith("python:3.1") and image.endswith("-bookworm")
    assert tuple(map(int, image.split(":")[1].split("-")[0].split("."))) >= (3, 11)


def test_the_deploy_job_deploys_the_artifact_to_pages():
    data, _ = workflow()
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    step = deploy["steps"][-1]
    assert step["uses"].startswith("actions/deploy-pages@") and step["id"] == "deployment"
    assert "steps.deployment.outputs.page_url" in deploy["environment"]["url"]


def test_every_action_is_pinned_to_a_version():
    data, _ = workflow()
    for job in data["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.search(r"@v\d+$", step["uses"]), step["uses"]


def test_make_build_and_bench_byte_compile_the_builder_first():
    for target in ("build", "bench"):
        planned = subprocess.run(["make", "-n", target], cwd=TOOL_ROOT,
                                 capture_output=True, text=True, check=True).stdout
        assert "compileall -q builder" in planned, planned
        assert planned.index("compileall") < planned.index("bulletin build" if target == "build"
                                                            else "bench/run.py")
