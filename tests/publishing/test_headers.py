"""The nginx snippet repeats the settings' headers and policy in every location."""

import re

import pelicanconf
from publishing.headers import nginx_snippet


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
