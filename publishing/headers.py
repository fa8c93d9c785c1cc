"""The HTTP headers the site needs from its server, for nginx and for `_headers`.

A meta tag's CSP does not protect a file that is not a page, such as an SVG or a
PDF in `files/`, so the server must send it. The policy is always the build's
`CONTENT_SECURITY_POLICY` setting, never a second copy of it.
"""

import re
from dataclasses import dataclass

from .media import content_type

HEADERS_FILE = "_headers"

# Sends only the origin to other hosts: video hosts want it to allow their
# players, and a reader's page address is nobody else's business.
REFERRER_POLICY = "strict-origin-when-cross-origin"

# Feeds, the calendar and captions, whose types nginx's mime.types does not know.
NGINX_UNKNOWN_SUFFIXES = (".atom.xml", ".rss.xml", ".ics", ".vtt")


@dataclass(frozen=True)
class Rule:
    pattern: str  # a `_headers` path pattern
    headers: tuple[tuple[str, str], ...]


def rules(policy: str) -> list[Rule]:
    every_file = (
        ("Content-Security-Policy", policy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", REFERRER_POLICY),
    )
    return [
        Rule("/*", every_file),
        # Editors' attachments are downloaded, never opened as the site's pages.
        Rule("/files/*", (("Content-Disposition", "attachment"),)),
    ]


def headers_file(policy: str) -> str:
    """`_headers` for static hosts that read one; its rules add up per path."""
    lines = ["# Заголовки HTTP сайта; файл пишет сборка (invoke build)."]
    for rule in rules(policy):
        lines.append(rule.pattern)
        lines += [f"  {name}: {value}" for name, value in rule.headers]
    return "\n".join(lines) + "\n"


def policy_in_headers_file(text: str) -> str:
    """The CSP a built `_headers` carries: the build's policy, read back."""
    for line in text.splitlines():
        name, _, value = line.strip().partition(": ")
        if name == "Content-Security-Policy":
            return value
    raise ValueError(f"в {HEADERS_FILE} нет заголовка Content-Security-Policy")


def nginx_snippet(policy: str, root: str) -> str:
    """A `server { … }` body for nginx serving the `current` release at `root`.

    nginx drops a level's add_header lines where a location adds its own, so each
    location repeats the site-wide ones.
    """
    site_wide, files = rules(policy)

    def add(headers) -> list[str]:
        return [f'    add_header {name} "{value}" always;' for name, value in headers]

    lines = [
        "# Сайт Палаты для nginx: include этого файла в блок server { … }.",
        "# Пишется при каждой публикации (invoke publish); не правьте вручную.",
        f"root {root};",
        "index index.html;",
        "charset utf-8;",
        "charset_types text/css text/plain text/xml application/javascript "
        "application/json application/atom+xml application/rss+xml text/calendar "
        "text/vtt;",
        "location / {",
        *add(site_wide.headers),
        "}",
        "location ^~ /files/ {",
        *add(site_wide.headers + files.headers),
        "}",
    ]
    for suffix in NGINX_UNKNOWN_SUFFIXES:
        lines += [
            f"location ~ {re.escape(suffix)}$ {{",
            "    types { }",
            f'    default_type "{content_type(suffix)}";',
            *add(site_wide.headers),
            "}",
        ]
    return "\n".join(lines) + "\n"
