import pytest

from chamber.video import (
    UnsupportedVideoError,
    Video,
    embed_url,
    format_vk_time,
    parse_start,
    parse_video_url,
    provider_label,
    watch_url,
)

RUTUBE_ID = "3d9c2f4a1b8e4c7d9a0b1c2d3e4f5a6b"
YOUTUBE_ID = "dQw4w9WgXcQ"


@pytest.mark.parametrize(
    "url",
    [
        f"https://rutube.ru/video/{RUTUBE_ID}/",
        f"https://rutube.ru/video/{RUTUBE_ID}",
        f"https://rutube.ru/video/{RUTUBE_ID}/?r=wd",
        f"http://www.rutube.ru/video/{RUTUBE_ID}/",
        f"https://rutube.ru/play/embed/{RUTUBE_ID}",
        f"  https://rutube.ru/play/embed/{RUTUBE_ID}/  ",
    ],
)
def test_rutube_page_and_embed_links(url):
    video = parse_video_url(url)
    assert (video.provider, video.video_id) == ("rutube", RUTUBE_ID)
    assert video.source_url == url.strip()


@pytest.mark.parametrize(
    ("url", "owner", "video_id", "hash_"),
    [
        ("https://vk.com/video-12345_456239017", "-12345", "456239017", None),
        ("https://vk.com/video12345_456", "12345", "456", None),
        ("https://m.vk.com/video-12345_456/", "-12345", "456", None),
        ("https://vkvideo.ru/video-12345_456239017", "-12345", "456239017", None),
        (
            "https://vk.com/video_ext.php?oid=-12345&id=456239017&hash=8a1b2c3d4e5f6a7b",
            "-12345",
            "456239017",
            "8a1b2c3d4e5f6a7b",
        ),
        ("https://vk.com/video_ext.php?oid=12345&id=456", "12345", "456", None),
        ("https://vk.com/video-1_2?hash=abc123", "-1", "2", "abc123"),
        ("https://vk.com/video?z=video-12345_456239017", "-12345", "456239017", None),
        (
            "https://vk.com/video?z=video-12345_456%2Fpl_cat_trends",
            "-12345",
            "456",
            None,
        ),
        ("https://vkvideo.ru/club12345?z=video-12345_456", "-12345", "456", None),
    ],
)
def test_vk_links(url, owner, video_id, hash_):
    video = parse_video_url(url)
    assert (video.provider, video.owner, video.video_id, video.hash) == (
        "vk",
        owner,
        video_id,
        hash_,
    )


@pytest.mark.parametrize(
    "url",
    [
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://youtube.com/watch?v={YOUTUBE_ID}&list=PL123&t=30s",
        f"https://m.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}?si=abcDEF",
        f"https://www.youtube.com/embed/{YOUTUBE_ID}",
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?start=5",
        f"https://www.youtube.com/shorts/{YOUTUBE_ID}",
        f"https://youtube.com/live/{YOUTUBE_ID}?feature=share",
    ],
)
def test_youtube_links(url):
    video = parse_video_url(url)
    assert (video.provider, video.video_id) == ("youtube", YOUTUBE_ID)


@pytest.mark.parametrize(
    ("url", "file_url", "media_type"),
    [
        (
            "https://example.org/media/zasedanie.mp4",
            "https://example.org/media/zasedanie.mp4",
            "video/mp4",
        ),
        ("http://example.org/a.webm", "http://example.org/a.webm", "video/webm"),
        ("/files/video.mp4", "/files/video.mp4", "video/mp4"),
        ("files/video.WEBM", "files/video.WEBM", "video/webm"),
        ("/files/video.mp4#t=30", "/files/video.mp4", "video/mp4"),
    ],
)
def test_video_file_links(url, file_url, media_type):
    video = parse_video_url(url)
    assert (video.provider, video.video_id, video.media_type) == (
        "file",
        file_url,
        media_type,
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/v/1",
        "https://vimeo.com/123",
        "ftp://example.org/video.mp4",
        "javascript:alert(1)//.mp4",
        "/files/video.avi",
        "",
    ],
)
def test_unsupported_link_lists_supported_hosts(url):
    with pytest.raises(UnsupportedVideoError) as raised:
        parse_video_url(url)
    message = str(raised.value)
    assert message.startswith("Ссылка на видео")
    for host in ("RuTube", "VK Видео", "YouTube", ".mp4", ".webm"):
        assert host in message


def test_vk_list_key_of_a_video_shared_by_link():
    video = parse_video_url("https://vk.com/video-12345_456?list=ln-AbC123xyz")
    assert video.list_key == "ln-AbC123xyz"
    assert parse_video_url("https://vk.com/video-12345_456?list=a b").list_key is None


@pytest.mark.parametrize(
    ("url", "start"),
    [
        (f"https://youtu.be/{YOUTUBE_ID}?t=42", 42),
        (f"https://www.youtube.com/watch?v={YOUTUBE_ID}&t=30s", 30),
        (f"https://www.youtube.com/watch?v={YOUTUBE_ID}&t=1h2m3s", 3723),
        (f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?start=5", 5),
        (f"https://rutube.ru/video/{RUTUBE_ID}/?t=95", 95),
        ("https://vk.com/video-12345_456?t=1m5s", 65),
        ("/files/video.mp4#t=30", 30),
        (f"https://youtu.be/{YOUTUBE_ID}", 0),
        (f"https://youtu.be/{YOUTUBE_ID}?t=soon", 0),
    ],
)
def test_a_start_time_in_the_link_is_kept(url, start):
    assert parse_video_url(url).start == start


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("42", 42), ("42s", 42), ("1m", 60), ("1m30s", 90), ("1h2m3s", 3723)],
)
def test_parse_start(text, seconds):
    assert parse_start(text) == seconds


@pytest.mark.parametrize("text", ["", "s", "1.5", "-3", "1h-2m"])
def test_parse_start_refuses(text):
    assert parse_start(text) is None


def test_players_and_pages_start_where_the_editors_link_did():
    video = parse_video_url(f"https://youtu.be/{YOUTUBE_ID}?t=42")
    assert embed_url(video) == (
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?start=42"
    )
    assert watch_url(video) == f"https://www.youtube.com/watch?v={YOUTUBE_ID}&t=42s"
    # A turn's own time wins, also the very start of the recording.
    assert embed_url(video, 0) == f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"
    assert watch_url(video, 95).endswith("&t=95s")


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://rutube.ru/video/123/", "RuTube"),
        ("https://rutube.ru/channel/25462374/", "RuTube"),
        ("https://vk.com/video_ext.php?oid=-1", "VK Видео"),
        ("https://vk.com/club12345", "VK Видео"),
        ("https://vk.com/video?z=photo-1_2", "VK Видео"),
        ("https://www.youtube.com/watch?v=short", "YouTube"),
        ("https://youtu.be/", "YouTube"),
    ],
)
def test_known_host_without_a_video_names_the_host(url, label):
    with pytest.raises(
        UnsupportedVideoError, match=f"ведёт на {label}, но не на видео"
    ):
        parse_video_url(url)


def test_unsupported_video_error_is_a_value_error():
    assert issubclass(UnsupportedVideoError, ValueError)


RUTUBE = parse_video_url(f"https://rutube.ru/video/{RUTUBE_ID}/")
VK = parse_video_url("https://vk.com/video_ext.php?oid=-12345&id=456&hash=8a1b2c")
VK_WITHOUT_HASH = parse_video_url("https://vkvideo.ru/video-12345_456")
VK_WITH_LIST = parse_video_url("https://vk.com/video-12345_456?list=ln-AbC&hash=8a1b2c")
YOUTUBE = parse_video_url(f"https://youtu.be/{YOUTUBE_ID}")
FILE = parse_video_url("/files/video.webm")


@pytest.mark.parametrize(
    ("video", "start", "expected"),
    [
        (RUTUBE, 0, f"https://rutube.ru/play/embed/{RUTUBE_ID}"),
        (RUTUBE, 95, f"https://rutube.ru/play/embed/{RUTUBE_ID}?t=95"),
        (VK, 0, "https://vk.com/video_ext.php?oid=-12345&id=456&hash=8a1b2c"),
        (
            VK,
            3723,
            "https://vk.com/video_ext.php?oid=-12345&id=456&hash=8a1b2c&t=1h2m3s",
        ),
        (VK_WITHOUT_HASH, 45, "https://vk.com/video_ext.php?oid=-12345&id=456&t=45s"),
        (YOUTUBE, 0, f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}"),
        (YOUTUBE, 65, f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?start=65"),
        (FILE, 0, "/files/video.webm"),
        (FILE, 30, "/files/video.webm#t=30"),
    ],
)
def test_embed_url_starts_at_the_given_second(video, start, expected):
    assert embed_url(video, start) == expected


@pytest.mark.parametrize(
    ("video", "expected"),
    [
        (RUTUBE, f"https://rutube.ru/play/embed/{RUTUBE_ID}?t=95&autoplay=1"),
        (
            VK,
            "https://vk.com/video_ext.php?oid=-12345&id=456&hash=8a1b2c"
            "&t=1m35s&autoplay=1",
        ),
        (
            YOUTUBE,
            f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?start=95&autoplay=1",
        ),
        (FILE, "/files/video.webm#t=95"),
    ],
)
def test_embed_url_plays_at_once_after_the_reader_pressed_play(video, expected):
    assert embed_url(video, 95, autoplay=True) == expected


def test_only_the_pages_youtube_player_takes_commands():
    assert embed_url(YOUTUBE, 95, autoplay=True, scripted=True) == (
        f"https://www.youtube-nocookie.com/embed/{YOUTUBE_ID}?enablejsapi=1"
        "&start=95&autoplay=1"
    )
    # Nothing else needs a parameter for the page's commands.
    for video in (RUTUBE, VK, FILE):
        assert embed_url(video, scripted=True) == embed_url(video)


@pytest.mark.parametrize(
    ("video", "start", "expected"),
    [
        (RUTUBE, 0, f"https://rutube.ru/video/{RUTUBE_ID}/"),
        (RUTUBE, 95, f"https://rutube.ru/video/{RUTUBE_ID}/?t=95"),
        (VK_WITHOUT_HASH, 0, "https://vk.com/video-12345_456"),
        (VK_WITHOUT_HASH, 125, "https://vk.com/video-12345_456?t=2m5s"),
        # Shared by link: VK's page needs the `list` key; with only the embed
        # code's `hash`, the player page plays it.
        (VK_WITH_LIST, 125, "https://vk.com/video-12345_456?list=ln-AbC&t=2m5s"),
        (VK, 0, "https://vk.com/video_ext.php?oid=-12345&id=456&hash=8a1b2c"),
        (
            VK,
            125,
            "https://vk.com/video_ext.php?oid=-12345&id=456&hash=8a1b2c&t=2m5s",
        ),
        (YOUTUBE, 0, f"https://www.youtube.com/watch?v={YOUTUBE_ID}"),
        (YOUTUBE, 65, f"https://www.youtube.com/watch?v={YOUTUBE_ID}&t=65s"),
        (FILE, 30, "/files/video.webm#t=30"),
    ],
)
def test_watch_url_opens_the_provider_page_at_the_given_second(video, start, expected):
    assert watch_url(video, start) == expected


@pytest.mark.parametrize("build", [embed_url, watch_url])
def test_negative_start_is_refused(build):
    with pytest.raises(ValueError, match="отрицательным"):
        build(RUTUBE, -1)


@pytest.mark.parametrize(
    ("video", "label"),
    [(RUTUBE, "RuTube"), (VK, "VK Видео"), (YOUTUBE, "YouTube"), (FILE, "видеофайл")],
)
def test_provider_label(video, label):
    assert provider_label(video) == label


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        (0, "0s"),
        (45, "45s"),
        (60, "1m"),
        (3600, "1h"),
        (3603, "1h3s"),
        (3723, "1h2m3s"),
    ],
)
def test_format_vk_time(seconds, expected):
    assert format_vk_time(seconds) == expected


def test_video_with_unknown_provider_is_refused():
    with pytest.raises(ValueError, match="Неизвестный источник видео"):
        Video("vimeo", "123", "https://vimeo.com/123")
