"""The files of /admin/: the page, admin.js, the generated config and Decap CMS."""

import json
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from chamber.cities import load_cities
from chamber.collisions import EDITOR_FOLDER
from chamber.plan.model import load_plans
from chamber.russian.slugs import TRANSLITERATION
from web_editor.config import FILE_NAME_FIELD, Backend, cms_config

ROOT = Path(__file__).resolve().parents[1]
STATIC = Path(__file__).parent / "static"
DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"
LOCAL_BACKEND = "http://localhost:8081/api/v1"


class EditorUnavailable(Exception):
    """The CMS file is not installed; the message is Russian."""


def backend_from_environment() -> Backend:
    """The publisher's backend: WEB_EDITOR_BACKEND, _REPO, _BRANCH, _BASE_URL, _APP_ID."""
    values = {
        field: os.environ[f"WEB_EDITOR_{field.upper()}"]
        for field in ("backend", "repo", "branch", "base_url", "app_id")
        if os.environ.get(f"WEB_EDITOR_{field.upper()}")
    }
    if "backend" in values:
        values["name"] = values.pop("backend")
    backend = Backend(**values)
    if backend.name not in ("gitlab", "gitea", "github"):
        raise EditorUnavailable(
            f"WEB_EDITOR_BACKEND=«{backend.name}»: допустимо gitlab, gitea или github."
        )
    return backend


def content_security_policy(config: dict) -> str:
    """The editor's own policy, looser than the site's and for /admin/ only:
    Decap's interface is built with inline styles, it checks its configuration
    with code compiled at run time (ajv: 'unsafe-eval'), and it talks to the
    git host's API. Still nothing is loaded from another host."""
    hosts = {"'self'"}
    backend = config["backend"]
    api = backend.get("api_root") or {
        "gitlab": "https://gitlab.com",
        "github": "https://api.github.com",
    }.get(backend["name"])
    for url in (api, backend.get("base_url"), _local_url(config)):
        if url:
            parts = urlsplit(url)
            hosts.add(f"{parts.scheme}://{parts.netloc}")
    connect = " ".join(sorted(hosts))
    return (
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        f"img-src 'self' data: blob:; connect-src {connect}; frame-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def _local_url(config: dict) -> str | None:
    local = config.get("local_backend")
    if not local:
        return None
    return local.get("url", LOCAL_BACKEND) if isinstance(local, dict) else LOCAL_BACKEND


def editor_config(content_dir: Path, backend: Backend, local_url: str = "") -> dict:
    plans, _errors = load_plans(content_dir / "plans")  # the check reports them
    config = cms_config(load_cities(), plans, backend, local=bool(local_url))
    if local_url:
        config["local_backend"] = {"url": local_url}
    return config


def write_admin(output_dir: Path, config: dict) -> Path:
    """Write /admin/ into a built site; the CMS comes from node_modules."""
    if not (DECAP_DIST / "decap-cms.js").is_file():
        raise EditorUnavailable(
            "веб-редактор /admin/ не добавлен: нет файла Decap CMS "
            "(node_modules/decap-cms). Установите Node.js и запустите "
            "sh scripts/setup.sh."
        )
    admin = output_dir / EDITOR_FOLDER
    shutil.rmtree(admin, ignore_errors=True)
    admin.mkdir(parents=True)
    # decap-cms.js loads its parts (NNN.decap-cms.js) from beside itself.
    for script in sorted(DECAP_DIST.glob("*decap-cms.js")):
        shutil.copyfile(script, admin / script.name)
    shutil.copyfile(STATIC / "admin.js", admin / "admin.js")
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    (admin / "index.html").write_text(
        page.replace("{csp}", content_security_policy(config)), encoding="utf-8"
    )
    settings = {
        "cms": config,
        "file_name_field": FILE_NAME_FIELD,
        "transliteration": TRANSLITERATION,
    }
    (admin / "config.json").write_text(
        json.dumps(settings, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return admin
