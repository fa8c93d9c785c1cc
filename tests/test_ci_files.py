"""The CI files for GitLab and GitHub: valid for their host, and calling only the
invoke tasks that tasks.py defines, in the files and in the scripts they run."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from invoke import Collection

import tasks
from sitebuild import ROOT

GITLAB = ROOT / ".gitlab-ci.yml"
GITHUB = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
# The host's schema as vendored by check-jsonschema (SchemaStore's), offline.
SCHEMAS = [(GITLAB, "vendor.gitlab-ci")] + [
    (workflow, "vendor.github-workflows") for workflow in GITHUB
]

INVOKE_CALL = re.compile(r"(?:^|[\s/`\"'])invoke\s+([a-z][\w-]*)", re.MULTILINE)
SCRIPT_CALL = re.compile(r"\b(scripts/[\w.-]+\.sh)\b")


def strings(node):
    """Every string in a parsed YAML document: commands, names, conditions."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(key)
            yield from strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings(item)


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def commands(path: Path) -> list[str]:
    """The file's strings, followed by the text of each script it runs."""
    found = list(strings(load(path)))
    for script in sorted({s for text in found for s in SCRIPT_CALL.findall(text)}):
        assert (ROOT / script).is_file(), f"{path.name} runs a missing {script}"
        found.append((ROOT / script).read_text(encoding="utf-8"))
    return found


def invoked_tasks(path: Path) -> set[str]:
    return {name for text in commands(path) for name in INVOKE_CALL.findall(text)}


def defined_tasks() -> set[str]:
    collection = Collection.from_module(tasks)
    return set(collection.task_names) | {
        alias for aliases in collection.task_names.values() for alias in aliases
    }


def test_there_is_a_file_for_each_host():
    assert GITLAB.is_file()
    assert GITHUB, "no workflow in .github/workflows/"


@pytest.mark.parametrize(
    ("path", "schema"), SCHEMAS, ids=[path.name for path, _ in SCHEMAS]
)
def test_ci_file_is_valid_for_its_host(path, schema):
    assert isinstance(load(path), dict)
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "path", [GITLAB, *GITHUB, PRE_COMMIT], ids=lambda path: path.name
)
def test_only_existing_tasks_are_called(path):
    called = invoked_tasks(path)
    assert called, f"{path.name} calls no invoke task"
    assert called <= defined_tasks(), (
        f"{path.name} calls tasks that tasks.py does not define: "
        f"{sorted(called - defined_tasks())}"
    )


def test_the_scan_reads_commands_and_the_scripts_they_run(tmp_path):
    sample = tmp_path / "ci.yml"
    sample.write_text(
        "job:\n"
        "  script:\n"
        "    - .venv/bin/invoke no-such-task --flag\n"
        "    - sh scripts/pre-commit-check.sh\n",
        encoding="utf-8",
    )
    # `check` comes from the script's text.
    assert invoked_tasks(sample) == {"no-such-task", "check"}
    assert "no-such-task" not in defined_tasks()


def gitlab_jobs():
    return {
        name: job
        for name, job in load(GITLAB).items()
        if isinstance(job, dict) and "script" in job
    }


def gitlab_rules(job: dict) -> list[dict]:
    # `extends` copies the hidden job's keys unless the job sets its own.
    base = load(GITLAB).get(job.get("extends", ""), {})
    return job.get("rules", base.get("rules", []))


def test_gitlab_merge_request_attaches_the_built_site():
    previews = [
        job
        for job in gitlab_jobs().values()
        if any(
            "merge_request_event" in rule.get("if", "") for rule in gitlab_rules(job)
        )
    ]
    assert previews
    for job in previews:
        assert any("invoke build" in line for line in job["script"])
        artifacts = job["artifacts"]
        assert "output/" in artifacts["paths"]
        # GitLab refuses any other character in expose_as.
        assert re.fullmatch(r"\w[-\w ]*", artifacts["expose_as"], re.ASCII)


def test_gitlab_publishes_only_from_the_main_branch():
    live = {
        name: job
        for name, job in gitlab_jobs().items()
        if any(re.search(r"invoke (publish|rollback)\b", s) for s in job["script"])
    }
    assert set(live) == {"publish", "rollback"}
    for job in live.values():
        assert [rule["if"] for rule in gitlab_rules(job)] == [
            "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
        ]
    assert gitlab_rules(live["rollback"])[0]["when"] == "manual"
    assert 'invoke publish --target "$DEPLOY_TARGET"' in " ".join(
        live["publish"]["script"]
    )


def github_jobs():
    return {
        name: job for workflow in GITHUB for name, job in load(workflow)["jobs"].items()
    }


def uploads(job: dict) -> list[dict]:
    return [
        step
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/upload-artifact@")
    ]


def test_github_pull_request_uploads_the_built_site():
    triggered = [load(workflow).get(True, {}) for workflow in GITHUB]  # YAML 1.1 `on`
    assert any("pull_request" in on for on in triggered)
    previews = [job for job in github_jobs().values() if uploads(job)]
    assert previews
    for job in previews:
        assert job["if"] == "github.event_name == 'pull_request'"
        assert ".venv/bin/invoke build" in [step.get("run") for step in job["steps"]]
        assert [step["with"]["path"] for step in uploads(job)] == ["output/"]
        # Pull requests get no deploy secrets.
        assert "secrets." not in " ".join(strings(job))


def test_github_publishes_only_from_the_main_branch():
    live = [
        job
        for job in github_jobs().values()
        if any("invoke publish" in step.get("run", "") for step in job["steps"])
    ]
    assert len(live) == 1
    assert "github.ref == 'refs/heads/main'" in live[0]["if"]
    assert live[0]["env"]["DEPLOY_TARGET"] == "${{ vars.DEPLOY_TARGET }}"
