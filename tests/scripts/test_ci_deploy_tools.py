"""scripts/ci-deploy-tools.sh with HOME in tmp_path and stand-in rsync and ssh on
PATH, so that nothing is installed and no real ~/.ssh is touched."""

import os
import stat
import subprocess

import pytest

from sitebuild import ROOT

KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"
KNOWN_HOST = "deploy.example.ru ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample"


@pytest.fixture
def run(tmp_path):
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("rsync", "ssh"):
        (tools / name).write_text("#!/bin/sh\nexit 0\n")
        (tools / name).chmod(0o755)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SSH_", "DEPLOY"))}

    def run_with(**env):
        return subprocess.run(
            ["sh", str(ROOT / "scripts" / "ci-deploy-tools.sh")],
            env={
                **base,
                "HOME": str(tmp_path / "home"),
                "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
                **env,
            },
            capture_output=True,
            text=True,
            check=False,
        )

    return run_with


def test_a_missing_target_is_named(run):
    result = run()
    assert result.returncode == 1
    assert result.stderr.startswith("Не задана переменная CI DEPLOY_TARGET")


@pytest.mark.parametrize("target", ["s3://palata/site", "/var/www/palata"])
def test_s3_and_local_targets_need_nothing(run, tmp_path, target):
    result = run(DEPLOY_TARGET=target)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "home").exists()


def test_an_ssh_target_needs_the_known_host(run, tmp_path):
    result = run(
        DEPLOY_TARGET="deploy@deploy.example.ru:/srv/palata", SSH_PRIVATE_KEY=KEY
    )
    assert result.returncode == 1
    assert result.stderr == (
        "Для публикации на deploy@deploy.example.ru:/srv/palata нужна переменная CI "
        "SSH_KNOWN_HOSTS (см. docs/ci.md).\n"
    )
    assert not (tmp_path / "home").exists()


def test_an_ssh_target_gets_the_key_and_the_known_host(run, tmp_path):
    # GitLab passes a File variable as a path, GitHub a secret as the value.
    known_hosts_file = tmp_path / "known_hosts_variable"
    known_hosts_file.write_text(KNOWN_HOST + "\n")
    result = run(
        DEPLOY_TARGET="deploy@deploy.example.ru:/srv/palata",
        SSH_PRIVATE_KEY=KEY,
        SSH_KNOWN_HOSTS=str(known_hosts_file),
    )
    assert result.returncode == 0, result.stderr
    assert "PRIVATE KEY" not in result.stdout + result.stderr
    ssh = tmp_path / "home" / ".ssh"
    assert (ssh / "id_deploy").read_text() == KEY + "\n"
    assert stat.S_IMODE((ssh / "id_deploy").stat().st_mode) == 0o600
    assert stat.S_IMODE(ssh.stat().st_mode) == 0o700
    assert (ssh / "known_hosts").read_text() == KNOWN_HOST + "\n"
    config = (ssh / "config").read_text().split()
    assert config == [
        "Host", "*",
        "IdentityFile", "~/.ssh/id_deploy",
        "StrictHostKeyChecking", "yes",
    ]  # fmt: skip
