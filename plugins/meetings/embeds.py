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
        "vk.com/video-123_456, vkvideo.ru/video-123_456, vk.com/video_ext.php?…",
    ),
    "youtube": _Provider(
        "YouTube", "youtube.com/watch?v=<идентификатор>, youtu.be/<идентификатор>"
    ),
    "file": _Provider("видеофайл", "ссылка на файл .mp4 или .webm"),
}

_MEDIA_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}

_RUTUBE_ID = r"[0-9a-f]{32}"
_VK_OWNER = r"-?[0-9]+"
_VK_ID = r"[0-9]+"
_YOUTUBE_ID = r"[A-Za-z0-9_-]{11}"
# VK hashes are hexadecimal; anything else in the parameter is a pasting slip.
_VK_HASH = re.compile(r"[0-9a-zA-Z]+")

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
    # (Video field, query parameter, shape) for ids carried in the query string.
    query: tuple[tuple[str, str, str], ...] = ()


_RULES = (
    _Rule(
        "rutube",
        _RUTUBE_HOSTS,
        re.compile(rf"/(?:video|play/embed)/(?P<video_id>{_RUTUBE_ID})/?"),
    ),
    _Rule(
        "vk",
        _VK_HOSTS,
        re.compile(rf"/video(?P<owner>{_VK_OWNER})_(?P<video_id>{_VK_ID})/?"),
    ),
    _Rule(
        "vk",
        _VK_HOSTS,
        re.compile(r"/video_ext\.php"),
        (("owner", "oid", _VK_OWNER), ("video_id", "id", _VK_ID)),
    ),
    _Rule(
        "youtube",
        _YOUTUBE_HOSTS,
        re.compile(r"/watch/?"),
        (("video_id", "v", _YOUTUBE_ID),),
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
    hash: str | None = None  # VK only; unlisted videos do not play without it
    media_type: str | None = None  # files only: "video/mp4" or "video/webm"

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


def _match_host(parts: SplitResult, host: str, text: str) -> Video | None:
    query = dict(parse_qsl(parts.query))
    for rule in _RULES:
        match = rule.path.fullmatch(parts.path) if host in rule.hosts else None
        if match is None:
            continue
        fields = match.groupdict()
        for field, parameter, shape in rule.query:
            fields[field] = query.get(parameter, "")
            if not re.fullmatch(shape, fields[field]):
                return None
        if rule.provider == "vk" and _VK_HASH.fullmatch(query.get("hash", "")):
            fields["hash"] = query["hash"]
        return Video(rule.provider, source_url=text, **fields)
    return None


def _match_file(parts: SplitResult, text: str) -> Video | None:
    absolute = parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    site_relative = not parts.scheme and not parts.netloc
    media_type = _MEDIA_TYPES.get(PurePosixPath(parts.path).suffix.lower())
    if media_type is None or not (absolute or site_relative):
        return None
    # A pasted "#t=..." would clash with the start fragment added later.
    file_url = urlunsplit(parts._replace(fragment=""))
    return Video("file", file_url, text, media_type=media_type)


def embed_url(video: Video, start: int = 0, autoplay: bool = False) -> str:
    """Address for the player iframe (or <video src>), starting at `start` seconds.

    `autoplay` is for a player framed after the reader pressed play: without it
    the reader would have to press play a second time, inside the frame.
    """
    seconds = _checked_start(start)
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
                js_api=1,
                t=format_vk_time(seconds) if seconds else None,
                autoplay=play,
            )
        case "youtube":
            return _with_query(
                f"https://www.youtube-nocookie.com/embed/{video.video_id}",
                enablejsapi=1,
                start=seconds or None,
                autoplay=play,
            )
        case _:
            return _file_at(video, seconds)


def watch_url(video: Video, start: int = 0) -> str:
    """The provider's own page for the video, at `start` seconds."""
    seconds = _checked_start(start)
    match video.provider:
        case "rutube":
            return _with_query(
                f"https://rutube.ru/video/{video.video_id}/", t=seconds or None
            )
        case "vk":
            return _with_query(
                f"https://vk.com/video{video.owner}_{video.video_id}",
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
    hours, rest = divmod(_checked_start(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    units = ((hours, "h"), (minutes, "m"), (secs, "s"))
    return "".join(f"{value}{unit}" for value, unit in units if value) or "0s"


def _checked_start(start: int) -> int:
    if start < 0:
        raise ValueError(f"Время начала видео не может быть отрицательным: {start}")
    return start


def _with_query(base: str, **params: object) -> str:
    present = {name: value for name, value in params.items() if value is not None}
    return f"{base}?{urlencode(present)}" if present else base


def _file_at(video: Video, seconds: int) -> str:
    # Media fragments (#t=) are how browsers start a <video> at a given second.
    return f"{video.video_id}#t={seconds}" if seconds else video.video_id
