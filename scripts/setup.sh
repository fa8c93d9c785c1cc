#!/bin/sh
# Creates .venv and installs the pinned dependencies; safe to run again.
# PYTHON names the interpreter to use when `python3` is too old.
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
# One source of truth for the version: requires-python in pyproject.toml.
required=$(sed -n 's/^requires-python *= *">=\([0-9]*\.[0-9]*\)".*/\1/p' pyproject.toml)
if [ -z "$required" ]; then
    echo "В pyproject.toml не найдена строка requires-python = \">=X.Y\"." >&2
    exit 1
fi

install_hint="Установите Python $required или новее: в Debian и Ubuntu — sudo apt-get install python3 python3-venv, в Windows и macOS — с https://www.python.org/downloads/. Если новый Python называется иначе, укажите его: PYTHON=python$required sh scripts/setup.sh"

# Only the version is asked first, so that an old Python fails here and not
# inside pip with ResolutionImpossible.
if ! found=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null); then
    echo "Не найден Python ($PYTHON). $install_hint" >&2
    exit 1
fi
if [ "${found%%.*}" -lt "${required%%.*}" ] || {
    [ "${found%%.*}" -eq "${required%%.*}" ] && [ "${found#*.}" -lt "${required#*.}" ]
}; then
    echo "Нужен Python $required или новее, а $PYTHON — это Python $found. $install_hint" >&2
    exit 1
fi

# A .venv made by another Python (its pyvenv.cfg says which) or left broken by an
# interrupted run would be reused forever: rebuild it instead.
venv_version=$(sed -n 's/^version\(_info\)\{0,1\} *= *\([0-9]*\.[0-9]*\).*/\2/p' \
    .venv/pyvenv.cfg 2>/dev/null | head -n 1)
if [ -e .venv ]; then
    if [ "$venv_version" != "$found" ]; then
        echo "Папка .venv создана для Python ${venv_version:-неизвестной версии}, а сейчас Python $found: создаю её заново." >&2
        rm -rf .venv
    elif ! .venv/bin/python -c 'import pip' >/dev/null 2>&1; then
        echo "Папка .venv повреждена (в ней не запускается Python или pip): создаю её заново." >&2
        rm -rf .venv
    fi
fi
if [ ! -e .venv ]; then
    if ! "$PYTHON" -m venv .venv; then
        rm -rf .venv
        echo "Не удалось создать .venv. В Debian и Ubuntu нужен пакет python3-venv: sudo apt-get install python3-venv" >&2
        exit 1
    fi
fi
if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -c constraints.txt -e ".[test]"; then
    echo "Установка зависимостей не удалась (подробности выше). Проверьте доступ к PyPI и запустите sh scripts/setup.sh снова." >&2
    exit 1
fi
# The Nu HTML checker (vnu-jar, pinned in package-lock.json) ships its jar in the
# package; its install script only offers to download Java, which CI installs itself.
if command -v npm >/dev/null 2>&1 && [ -f package-lock.json ]; then
    if ! npm ci --ignore-scripts --no-audit --no-fund --silent; then
        echo "Установка валидатора HTML (npm ci) не удалась (подробности выше). Проверьте доступ к реестру npm и запустите sh scripts/setup.sh снова." >&2
        exit 1
    fi
fi
