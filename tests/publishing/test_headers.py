"""The server's headers carry exactly the policy of the pages' meta tag."""

import re

import pytest

import pelicanconf
from publishing.headers import nginx_snippet, policy_in_headers_file
from sitebuild import built_fixture_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_fixture_site("every_field", tmp_path_factory.mktemp("headers"))


def meta_policy(site, page):
    return site.html(page).find(
        "meta", attrs={"http-equiv": "Content-Security-Policy"}
    )["content"]


def test_headers_file_carries_the_settings_policy(site):
    text = (site.output / "_headers").read_text(encoding="utf-8")
    policy = pelicanconf.CONTENT_SECURITY_POLICY
    assert meta_policy(site, "") == policy
    assert policy_in_headers_file(text) == policy
    blocks = dict(
        (block.splitlines()[0], block.splitlines()[1:])
        for block in re.split(r"\n(?=/)", text.split("\n", 1)[1].strip())
    )
    assert blocks == {
        "/*": [
            f"  Content-Security-Policy: {policy}",
            "  X-Content-Type-Options: nosniff",
            "  Referrer-Policy: strict-origin-when-cross-origin",
        ],
        "/files/*": ["  Content-Disposition: attachment"],
    }


def test_nginx_snippet_repeats_the_headers_in_every_location():
    policy = pelicanconf.CONTENT_SECURITY_POLICY
    snippet = nginx_snippet(policy, "/srv/palata/current")
    assert "root /srv/palata/current;" in snippet
    locations = re.findall(r"location ([^{]+)\{(.*?)\n\}", snippet, re.S)
    assert [where.strip() for where, _ in locations] == [
        "/",
        "^~ /files/",
        r"~ \.atom\.xml$",
        r"~ \.rss\.xml$",
        r"~ \.ics$",
        r"~ \.vtt$",
    ]
    for where, body in locations:
        assert re.findall(
            r'add_header Content-Security-Policy "([^"]*)" always;', body
        ) == [policy], where
        assert 'add_header X-Content-Type-Options "nosniff" always;' in body
        assert (
            'add_header Referrer-Policy "strict-origin-when-cross-origin" always;'
            in body
        )
        disposition = 'add_header Content-Disposition "attachment" always;' in body
        assert disposition == (where.strip() == "^~ /files/")
    assert 'default_type "application/atom+xml";' in snippet
    assert 'default_type "text/calendar; charset=utf-8";' in snippet
