"""Writes `_headers` (the server's HTTP headers) into the built site.

At `finalized`, so that the policy is the one every page's meta tag got, after
any plugin has added to `CONTENT_SECURITY_POLICY`.
"""

from pathlib import Path

from pelican import signals

from publishing.headers import HEADERS_FILE, headers_file


def write_headers(pelican) -> None:
    policy = pelican.settings["CONTENT_SECURITY_POLICY"]
    Path(pelican.output_path, HEADERS_FILE).write_text(
        headers_file(policy), encoding="utf-8"
    )


def register():
    signals.finalized.connect(write_headers)
