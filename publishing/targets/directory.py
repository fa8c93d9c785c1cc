"""A folder on this machine or on a server over SSH: releases and a `current` link.

    TARGET/releases/20261201T093000.123456Z-0123456789ab/   one folder per publication
    TARGET/current -> releases/…                     what the web server serves
    TARGET/nginx-palata.conf                         the server's headers, root current

rsync copies a build into a new release folder (hard-linking files unchanged
since the previous one); then a new symlink is renamed over `current`, which
replaces it in one step. The same shell commands run here or through ssh, so
both kinds of target behave alike.
"""

import shlex
import shutil
import subprocess
from pathlib import Path

from ..headers import nginx_snippet
from . import DirectoryTarget, TargetError, previous_release, releases_to_prune

NGINX_FILE = "nginx-palata.conf"
# Never stop to ask for a password or a host key: publishing runs unattended.
SSH_COMMAND = ["ssh", "-o", "BatchMode=yes"]


def _q(text: str) -> str:
    return shlex.quote(text)


def state_script(path: str, create: bool) -> str:
    """Print `live NAME` and then one release name per line."""
    enter = f"mkdir -p {_q(path)}/releases; " if create else ""
    return (
        f"set -e; {enter}cd {_q(path)}; "
        "if [ -e current ] && [ ! -L current ]; then "
        'echo "current — не символическая ссылка" >&2; exit 3; fi; '
        'printf "live %s\\n" "$(readlink current || true)"; '
        "ls -1 releases 2>/dev/null || true"
    )


def parse_state(text: str) -> tuple[str | None, list[str]]:
    first, *names = text.splitlines()
    link = first.removeprefix("live ").strip()
    live = link.removeprefix("releases/") if link.startswith("releases/") else None
    return live, [name for name in names if name]


def rsync_command(
    source: Path, target: DirectoryTarget, name: str, link_dest: str | None
) -> list[str]:
    destination = f"{target.path}/releases/{name}/"
    # Pelican rewrites every file, so times differ: files are compared by
    # content and not given their build times, or none could be linked.
    command = ["rsync", "--archive", "--no-times", "--checksum", "--delete"]
    if link_dest:
        # Relative to the new release folder: unchanged files become hard links.
        command.append(f"--link-dest=../{link_dest}")
    if target.host:
        command += ["-e", shlex.join(SSH_COMMAND)]
        destination = f"{target.host}:{destination}"
    return [*command, f"{source}/", destination]


def switch_script(path: str, name: str, prune: list[str], nginx: str | None) -> str:
    """Point `current` at release `name` in one rename, then drop `prune`."""
    steps = [
        "set -e",
        f"cd {_q(path)}",
        f"test -d {_q('releases/' + name)}",
        f"ln -sfn {_q('releases/' + name)} .current.new",
        # -T: rename the link itself over `current`, never move it inside.
        "mv -Tf .current.new current",
    ]
    if nginx is not None:
        steps += [
            f"printf %s {_q(nginx)} > {NGINX_FILE}.new",
            f"mv -f {NGINX_FILE}.new {NGINX_FILE}",
        ]
    steps += [f"rm -rf {_q('releases/' + old)}" for old in prune]
    return "; ".join(steps)


def shell_command(target: DirectoryTarget, script: str) -> list[str]:
    if target.host:
        return [*SSH_COMMAND, target.host, script]
    return ["sh", "-c", script]


def _run(command: list[str], target: DirectoryTarget) -> str:
    if shutil.which(command[0]) is None:
        raise TargetError(
            f"Для публикации в {target} нужна программа {command[0]} "
            f"(Debian: apt-get install {command[0]})."
        )
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise TargetError(
            f"В {target} не удалось выполнить шаг публикации или отката, "
            "на сайте прежняя версия: "
            f"{result.stderr.strip() or result.stdout.strip()}"
        )
    return result.stdout


def _state(target: DirectoryTarget, create: bool) -> tuple[str | None, list[str]]:
    script = state_script(target.path, create)
    return parse_state(_run(shell_command(target, script), target))


def publish(target: DirectoryTarget, build: Path, name: str, policy: str) -> str:
    """Copy the build at `build` as release `name` and make it live."""
    live, names = _state(target, create=True)
    newest = sorted(names)[-1] if names else None
    _run(rsync_command(build, target, name, live or newest), target)
    prune = releases_to_prune(sorted({*names, name}), name)
    nginx = nginx_snippet(policy, f"{target.path}/current")
    _run(shell_command(target, switch_script(target.path, name, prune, nginx)), target)
    return name


def rollback(target: DirectoryTarget) -> str:
    live, names = _state(target, create=False)
    previous = previous_release(names, live)
    if live is None:
        raise TargetError(
            f"В {target} нет опубликованной версии: откатывать не к чему."
        )
    if previous is None:
        raise TargetError(
            f"В {target} нет версии раньше текущей ({live}): откатывать не к чему."
        )
    _run(shell_command(target, switch_script(target.path, previous, [], None)), target)
    return previous
