"""The backend of the web editor, read from the environment."""

from web_editor.config import Backend
from web_editor.site import backend_from_environment


def test_backends_for_self_hosted_gitlab_and_gitea(monkeypatch):
    for field in ("BACKEND", "BRANCH"):
        monkeypatch.delenv(f"WEB_EDITOR_{field}", raising=False)
    monkeypatch.setenv("WEB_EDITOR_REPO", "palata/site")
    monkeypatch.setenv("WEB_EDITOR_BASE_URL", "https://git.palata.ru")
    monkeypatch.setenv("WEB_EDITOR_APP_ID", "abc")
    gitlab = backend_from_environment()
    assert gitlab.as_config() == {
        "name": "gitlab",
        "repo": "palata/site",
        "branch": "main",
        "auth_type": "pkce",
        "app_id": "abc",
        "base_url": "https://git.palata.ru",
        "api_root": "https://git.palata.ru/api/v4",
    }
    gitea = Backend(name="gitea", repo="palata/site", base_url="https://code.palata.ru")
    assert gitea.as_config()["api_root"] == "https://code.palata.ru/api/v1"
    github = Backend(
        name="github", repo="palata/site", base_url="https://oauth.palata.ru"
    )
    assert github.as_config() == {
        "name": "github",
        "repo": "palata/site",
        "branch": "main",
        "base_url": "https://oauth.palata.ru",
    }
