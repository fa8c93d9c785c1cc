"""Video links from meeting pages: which host, which video, and how to embed it.

Editors paste whatever address their browser shows; this module recognises the
forms RuTube, VK Video and YouTube hand out, plus plain .mp4/.webm files, and
builds the embed and "watch on the site" addresses that start at a given second.
"""

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import NamedTuple
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit


class _Provider(NamedTuple):
    label: str
    forms: str  # shown to editors when their link is not understood


_PROVIDERS = {
    "rutube": _Provider("RuTube", "rutube.ru/video/<идентификатор>/"),
    "vk": _Provider(
        "VK Видео",
        "vk.com/video-123_456, vkvideo.ru/video-123_456, vk.com/video_ext.php?…, "
        "vk.com/video?z=video-123_456",
    ),
    "youtube": _Provider(
        "YouTube", "youtube.com/watch?v=<идентификатор>, youtu.be/<идентификатор>"
    ),
    "file": _Provider("видеофайл", "ссылка на файл .mp4 или .webm"),
}

_MEDIA_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}

_RUTUBE_ID = r"[0-9a-f]{32}"
_VK_VIDEO = r"(?P<owner>-?[0-9]+)_(?P<video_id>[0-9]+)"
_YOUTUBE_ID = r"[A-Za-z0-9_-]{11}"
# VK access keys are letters, digits, "-" and "_"; anything else is a pasting slip.
_VK_KEY = re.compile(r"[0-9A-Za-z_-]+")
# A start time as the hosts write it: "95", "95s", "1m35s", "1h2m3s".
_START = re.compile(r"(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s?)?")

_RUTUBE_HOSTS = frozenset({"rutube.ru", "www.rutube.ru", "m.rutube.ru"})
_VK_HOSTS = frozenset(
    {"vk.com", "www.vk.com", "m.vk.com", "vkvideo.ru", "www.vkvideo.ru", "m.vkvideo.ru"}
)
_YOUTUBE_HOSTS = frozenset(
    {
        "youtube.com",
        "www.youtube.com",
        "m.youtube.com",
        "youtube-nocookie.com",
        "www.youtube-nocookie.com",
    }
)


@dataclass(frozen=True)
class _Rule:
    provider: str
    hosts: frozenset[str]
    path: re.Pattern[str]
    # (query parameter, its shape) for ids carried in the query string; the
    # shape's named groups are the Video's fields.
    query: tuple[tuple[str, re.Pattern[str]], ...] = ()


_RULES = (
    _Rule(
        "rutube",
        _RUTUBE_HOSTS,
        re.compile(rf"/(?:video|play/embed)/(?P<video_id>{_RUTUBE_ID})/?"),
    ),
    _Rule("vk", _VK_HOSTS, re.compile(rf"/video{_VK_VIDEO}/?")),
    _Rule(
        "vk",
        _VK_HOSTS,
        re.compile(r"/video_ext\.php"),
        (
            ("oid", re.compile(r"(?P<owner>-?[0-9]+)")),
            ("id", re.compile(r"(?P<video_id>[0-9]+)")),
        ),
    ),
    # A video opened over another VK page: vk.com/video?z=video-123_456%2Fpl_…
    _Rule(
        "vk",
        _VK_HOSTS,
        re.compile(r"/.*"),
        (("z", re.compile(rf"video{_VK_VIDEO}(?:/.*)?")),),
    ),
    _Rule(
        "youtube",
        _YOUTUBE_HOSTS,
        re.compile(r"/watch/?"),
        (("v", re.compile(rf"(?P<video_id>{_YOUTUBE_ID})")),),
    ),
    _Rule(
        "youtube",
        _YOUTUBE_HOSTS,
        re.compile(rf"/(?:embed|shorts|live)/(?P<video_id>{_YOUTUBE_ID})/?"),
    ),
    _Rule(
        "youtube",
        frozenset({"youtu.be"}),
        re.compile(rf"/(?P<video_id>{_YOUTUBE_ID})/?"),
    ),
)


@dataclass(frozen=True)
class Video:
    provider: str  # "rutube" | "vk" | "youtube" | "file"
    video_id: str  # for a file: its URL without a fragment
    source_url: str  # as the editor wrote it, trimmed
    owner: str | None = None  # VK only
    # VK only: a video open to those with the link plays in a frame with its
    # `hash` (from the embed code) and on VK's page with its `list` key.
    hash: str | None = None
    list_key: str | None = None
    media_type: str | None = None  # files only: "video/mp4" or "video/webm"
    start: int = 0  # seconds; the editor's link may skip a recording's first minutes

    def __post_init__(self) -> None:
        if self.provider not in _PROVIDERS:
            raise ValueError(f"Неизвестный источник видео: {self.provider!r}")


class UnsupportedVideoError(ValueError):
    def __init__(self, url: str, provider: str | None = None) -> None:
        if provider is None:
            supported = "; ".join(f"{p.label} ({p.forms})" for p in _PROVIDERS.values())
            message = (
                f"Ссылка на видео «{url}» не поддерживается. "
                f"Можно указать: {supported}."
            )
        else:
            known = _PROVIDERS[provider]
            message = (
                f"Ссылка «{url}» ведёт на {known.label}, но не на видео: "
                f"ожидается {known.forms}."
            )
        super().__init__(message)
        self.url = url


@dataclass(frozen=True)
class LabelledVideo:
    """One line of a meeting's Video field, read once when the field is checked."""

    label: str | None  # the editor's «Часть 1»
    url: str  # as the editor wrote it
    video: Video
    # The site's own file: its path inside the content folder and its size in
    # bytes, which a feed's enclosure states.
    file: str | None = None
    size: int | None = None


def labelled_video(label: str | None, url: str) -> LabelledVideo:
    """A line of the Video field; raise UnsupportedVideoError for an unknown link."""
    return LabelledVideo(label, url, parse_video_url(url))


def parse_video_url(url: str) -> Video:
    """Recognise a pasted video link; raise UnsupportedVideoError otherwise."""
    text = url.strip()
    parts = urlsplit(text)
    host = parts.hostname if parts.scheme.lower() in ("http", "https") else None
    video = (_match_host(parts, host, text) if host else None) or _match_file(
        parts, text
    )
    if video is not None:
        return video
    raise UnsupportedVideoError(
        text, next((r.provider for r in _RULES if host in r.hosts), None)
    )


def parse_start(text: str) -> int | None:
    """Seconds in a host's start-time notation ("95", "1m35s"); None if unreadable."""
    match = _START.fullmatch(text.strip())
    if match is None or not any(match.groups()):
        return None
    hours, minutes, seconds = (int(match[unit] or 0) for unit in "hms")
    return hours * 3600 + minutes * 60 + seconds


def _match_host(parts: SplitResult, host: str, text: str) -> Video | None:
    query = dict(parse_qsl(parts.query))
    for rule in _RULES:
        match = rule.path.fullmatch(parts.path) if host in rule.hosts else None
        if match is None:
            continue
        fields = match.groupdict()
        for parameter, shape in rule.query:
            found = shape.fullmatch(query.get(parameter, ""))
            if found is None:
                break
            fields.update(found.groupdict())
        else:
            if rule.provider == "vk":
                fields.update(_vk_keys(query))
            start = parse_start(query.get("t") or query.get("start") or "")
            return Video(rule.provider, source_url=text, start=start or 0, **fields)
    return None


def _vk_keys(query: dict[str, str]) -> dict[str, str]:
    keys = {"hash": query.get("hash", ""), "list_key": query.get("list", "")}
    return {field: key for field, key in keys.items() if _VK_KEY.fullmatch(key)}


def _match_file(parts: SplitResult, text: str) -> Video | None:
    absolute = parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    site_relative = not parts.scheme and not parts.netloc
    media_type = _MEDIA_TYPES.get(PurePosixPath(parts.path).suffix.lower())
    if media_type is None or not (absolute or site_relative):
        return None
    # A pasted "#t=30" is kept as the start: the fragment itself is added anew
    # for each start.
    file_url = urlunsplit(parts._replace(fragment=""))
    start = parse_start(parts.fragment.removeprefix("t=")) if parts.fragment else None
    return Video("file", file_url, text, media_type=media_type, start=start or 0)


def embed_url(
    video: Video,
    start: int | None = None,
    autoplay: bool = False,
    scripted: bool = False,
) -> str:
    """Address for the player iframe (or <video src>), starting at `start` seconds.

    Without `start`, the player starts where the editor's link did. `autoplay`
    is for a player framed after the reader pressed play: without it the reader
    would have to press play a second time, inside the frame. `scripted` lets
    the page's script seek a YouTube player; it is left out of the address
    search engines are given.
    """
    seconds = _checked_start(video, start)
    play = 1 if autoplay else None
    match video.provider:
        case "rutube":
            return _with_query(
                f"https://rutube.ru/play/embed/{video.video_id}",
                t=seconds or None,
                autoplay=play,
            )
        case "vk":
            return _with_query(
                "https://vk.com/video_ext.php",
                oid=video.owner,
                id=video.video_id,
                hash=video.hash,
                t=format_vk_time(seconds) if seconds else None,
                autoplay=play,
            )
        case "youtube":
            return _with_query(
                f"https://www.youtube-nocookie.com/embed/{video.video_id}",
                enablejsapi=1 if scripted else None,
                start=seconds or None,
                autoplay=play,
            )
        case _:
            return _file_at(video, seconds)


def watch_url(video: Video, start: int | None = None) -> str:
    """The provider's own page for the video, at `start` seconds (or the link's)."""
    seconds = _checked_start(video, start)
    match video.provider:
        case "rutube":
            return _with_query(
                f"https://rutube.ru/video/{video.video_id}/", t=seconds or None
            )
        case "vk" if video.hash and not video.list_key:
            # VK's page refuses a video shared by link unless given its `list`
            # key; with only the embed code's `hash`, its player page plays it.
            return embed_url(video, seconds)
        case "vk":
            return _with_query(
                f"https://vk.com/video{video.owner}_{video.video_id}",
                list=video.list_key,
                t=format_vk_time(seconds) if seconds else None,
            )
        case "youtube":
            return _with_query(
                "https://www.youtube.com/watch",
                v=video.video_id,
                t=f"{seconds}s" if seconds else None,
            )
        case _:
            return _file_at(video, seconds)


def provider_label(video: Video) -> str:
    return _PROVIDERS[video.provider].label


def format_vk_time(seconds: int) -> str:
    """VK's start-time notation: 3723 -> "1h2m3s", 45 -> "45s"."""
    hours, rest = divmod(_non_negative(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    units = ((hours, "h"), (minutes, "m"), (secs, "s"))
    return "".join(f"{value}{unit}" for value, unit in units if value) or "0s"


def _checked_start(video: Video, start: int | None) -> int:
    return _non_negative(video.start if start is None else start)


def _non_negative(seconds: int) -> int:
    if seconds < 0:
        raise ValueError(f"Время начала видео не может быть отрицательным: {seconds}")
    return seconds


def _with_query(base: str, **params: object) -> str:
    present = {name: value for name, value in params.items() if value is not None}
    return f"{base}?{urlencode(present)}" if present else base


def _file_at(video: Video, seconds: int) -> str:
    # Media fragments (#t=) are how browsers start a <video> at a given second.
    return f"{video.video_id}#t={seconds}" if seconds else video.video_id
