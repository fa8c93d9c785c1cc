from chamber.feeds.catalogue import catalogue

NAMES = {"articles": "Экспертные статьи", "meetings": "Заседания"}


def test_site_and_sections_with_publications_get_feeds_in_section_order():
    feeds = catalogue("Палата", "Публикации", NAMES, ["meetings", "articles"])
    assert feeds.site.atom_path == "feeds/all.atom.xml"
    assert feeds.site.rss_path == "feeds/all.rss.xml"
    assert list(feeds.sections) == ["articles", "meetings"]
    articles = feeds.sections["articles"]
    assert (articles.atom_path, articles.rss_path) == (
        "feeds/articles.atom.xml",
        "feeds/articles.rss.xml",
    )
    assert articles.title == "Экспертные статьи — Палата"
    assert articles.page_url == "articles/"


def test_a_section_without_publications_has_no_feed():
    feeds = catalogue("Палата", "Публикации", NAMES, ["articles"])
    assert "meetings" not in feeds.sections


def test_a_site_without_publications_has_no_feed():
    assert catalogue("Палата", "Публикации", NAMES, []).site is None


def test_city_feed_is_atom_only_and_named_after_the_city():
    feeds = catalogue("Палата", "Публикации", NAMES, ["articles"])
    feed = feeds.city("kazan", "Казань", "cities/kazan/")
    assert feed.atom_path == "feeds/cities/kazan.atom.xml"
    assert feed.rss_path is None
    assert (feed.name, feed.title) == ("Казань", "Казань — Палата")
    assert feed.page_url == "cities/kazan/"


def test_calendar_and_feeds_page_addresses():
    feeds = catalogue("Палата", "Публикации", NAMES, ["articles"])
    assert (feeds.calendar_path, feeds.page_url) == ("meetings.ics", "feeds/")
