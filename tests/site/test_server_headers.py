"""The `_headers` file of a built site carries exactly the policy of the pages' meta
tag."""

import re

import pytest

import pelicanconf
from publishing.headers import policy_in_headers_file
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
