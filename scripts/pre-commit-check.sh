#!/bin/sh
# The pre-commit hook's command: `invoke check` from the project's own .venv,
# which git's PATH does not include.
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/invoke ]; then
    echo "Проверка перед коммитом не запустилась: нет папки .venv. Выполните sh scripts/setup.sh и повторите коммит." >&2
    exit 1
fi
exec .venv/bin/invoke check
