"""The web editor at /admin/ in Chromium, with Decap's local backend
(decap-server) writing into a throwaway copy of a fixture site."""

import functools
import http.server
import os
import socket
import subprocess
import threading
import time
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from sitebuild import (
    ROOT,
    QuietHandler,
    build,
    copy_fixture_site,
    free_port,
    run_invoke,
)
from web_editor.config import Backend
from web_editor.site import editor_config, write_admin

DECAP_SERVER = ROOT / "node_modules" / ".bin" / "decap-server"


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"decap-server не запустился на порту {port}")


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    if not DECAP_SERVER.exists():
        pytest.fail("Нет decap-server: запустите sh scripts/setup.sh.", pytrace=False)
    folder = tmp_path_factory.mktemp("web_editor")
    repo = folder / "repo"
    repo.mkdir()
    content = copy_fixture_site("every_field", repo).rename(repo / "content")
    built = build(content, folder / "output")
    assert built.result.returncode == 0, built.log
    proxy_port, site_port = free_port(), free_port()
    write_admin(
        built.output,
        editor_config(content, Backend(), f"http://localhost:{proxy_port}/api/v1"),
    )
    env = {
        **os.environ,
        "PORT": str(proxy_port),
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": str(repo),
    }
    proxy = subprocess.Popen(
        [str(DECAP_SERVER)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    handler = functools.partial(QuietHandler, directory=str(built.output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        wait_for_port(proxy_port)
        yield SimpleNamespace(
            url=f"http://localhost:{site_port}/admin/",
            content=content,
            allowed=(
                f"http://localhost:{site_port}/",
                f"http://localhost:{proxy_port}/",
            ),
        )
    finally:
        server.shutdown()
        proxy.terminate()
        proxy.wait(timeout=10)


@pytest.fixture
def page(browser, editor):
    context = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow")
    page = context.new_page()
    page.outside_requests = []

    def route(route):
        if route.request.url.startswith(editor.allowed):
            route.continue_()
        else:
            page.outside_requests.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.goto(editor.url)
    page.get_by_role("button", name="Войти").click()
    page.get_by_role("link", name="Экспертные статьи").first.wait_for()
    yield page
    assert page.outside_requests == []
    context.close()


def choose(page, field: str, text: str) -> None:
    page.locator(f"[id^={field}-field]").click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def publish(page) -> None:
    page.get_by_text("Несохраненные изменения").wait_for()
    page.get_by_role("button", name="Опубликовать", exact=True).click()
    page.get_by_text("Опубликовать сейчас").click()
    page.get_by_text("Изменения сохранены").wait_for()


def wait_for_file(folder, known: set, seconds: float = 20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        new = {p for p in folder.glob("*.md")} - known
        if new:
            return new.pop()
        time.sleep(0.2)
    raise AssertionError(f"в {folder} не появилось нового файла")


def test_an_article_with_a_city_and_a_plan_item_is_saved_as_the_checks_expect(
    page, editor
):
    folder = editor.content / "articles"
    known = set(folder.glob("*.md"))
    page.goto(editor.url + "#/collections/articles/new")
    page.get_by_label("Заголовок").fill("Тюмень: новая статья")
    page.locator("#date-field-2, [id^=date-field]").first.fill("2021-07-01T10:00")
    choose(page, "city", "Тюмень")
    choose(page, "plan", "2021-13")
    publish(page)

    written = wait_for_file(folder, known)
    assert written.name.endswith("-tyumen-novaya-statya.md")
    assert written.read_text(encoding="utf-8") == (
        "Title: Тюмень: новая статья\n"
        "Date: 2021-07-01 10:00\n"
        "City: Тюмень\n"
        "Plan: 2021-13\n"
        "\n"
        "Текст статьи.\n"
    )
    check = run_invoke("check", "--content", str(editor.content))
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_sample_saved_back_unchanged_keeps_its_bytes(page, editor):
    # Decap saves only a changed entry: change the title, save, change it back,
    # save again. Every other line must have been written back as it was read.
    path = editor.content / "articles" / "kazan.md"
    before = path.read_bytes()
    page.goto(editor.url + "#/collections/articles/entries/kazan")
    title = page.get_by_label("Заголовок")
    original = title.input_value()
    title.fill(original + " (правка)")
    publish(page)
    edited = before.replace(
        f"Title: {original}\n".encode(), f"Title: {original} (правка)\n".encode()
    )
    wait_for_bytes(path, edited)
    page.reload()
    title = page.get_by_label("Заголовок")
    expect(title).to_have_value(original + " (правка)")
    title.fill(original)
    publish(page)
    wait_for_bytes(path, before)


def wait_for_bytes(path, expected: bytes, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and path.read_bytes() != expected:
        time.sleep(0.2)
    assert path.read_text(encoding="utf-8") == expected.decode("utf-8")


def test_a_digest_for_a_month_that_has_one_is_refused_in_russian(page, editor):
    folder = editor.content / "digests"
    known = set(folder.glob("*.md"))
    page.goto(editor.url + "#/collections/digests/new")
    page.get_by_label("Месяц").fill("2021-03")
    page.locator("[id^=date-field]").first.fill("2021-04-01T10:00")
    publish(page)
    written = wait_for_file(folder, known)
    assert written.read_text(encoding="utf-8").startswith("Month: 2021-03\n")
    check = run_invoke("check", "--content", str(editor.content))
    assert check.returncode == 1
    relative = written.relative_to(editor.content).as_posix()
    assert f"{relative}: поле «Month»: за этот месяц уже есть дайджест" in check.stderr
