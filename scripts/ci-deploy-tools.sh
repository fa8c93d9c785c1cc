#!/bin/sh
# CI only, before `invoke publish` or `invoke rollback`: a fresh CI machine gets
# what an SSH target (user@host:/path) needs: rsync, ssh, the deploy key and the
# server's known host key, from the CI variables SSH_PRIVATE_KEY and
# SSH_KNOWN_HOSTS. S3 and local targets need nothing.
set -eu
if [ -z "${DEPLOY_TARGET:-}" ]; then
    echo "Не задана переменная CI DEPLOY_TARGET — куда публиковать сайт: s3://BUCKET/PREFIX, user@host:/path или /path (см. docs/ci.md)." >&2
    exit 1
fi
case "$DEPLOY_TARGET" in
    s3://*) exit 0 ;;
    [!/]*:*) ;;
    *) exit 0 ;;
esac
for name in SSH_PRIVATE_KEY SSH_KNOWN_HOSTS; do
    eval "value=\${$name:-}"
    if [ -z "$value" ]; then
        echo "Для публикации на $DEPLOY_TARGET нужна переменная CI $name (см. docs/ci.md)." >&2
        exit 1
    fi
done
if ! command -v rsync >/dev/null 2>&1 || ! command -v ssh >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rsync openssh-client >/dev/null
fi

# A GitLab variable of type File holds a path to the value, a GitHub secret the value.
write_value() {
    if [ -f "$1" ]; then cat "$1"; else printf '%s\n' "$1"; fi
}
umask 077
mkdir -p "$HOME/.ssh"
write_value "$SSH_PRIVATE_KEY" >"$HOME/.ssh/id_deploy"
write_value "$SSH_KNOWN_HOSTS" >>"$HOME/.ssh/known_hosts"
# Host keys are checked against SSH_KNOWN_HOSTS: no trust on first use in CI.
printf 'Host *\n    IdentityFile ~/.ssh/id_deploy\n    StrictHostKeyChecking yes\n' >>"$HOME/.ssh/config"
