"""A feed opened in Chromium reads as a page, without XSLT."""

import pytest

FEEDS = ["feeds/all.atom.xml", "feeds/articles.rss.xml"]


@pytest.mark.parametrize("feed", FEEDS)
def test_a_feed_is_styled_as_a_page(open_page, served_site, feed):
    siteurl, _ = served_site
    page = open_page(siteurl, viewport={"width": 360, "height": 740})
    page.goto(f"{siteurl}/{feed}")
    root = page.locator(":root")
    assert root.evaluate("e => getComputedStyle(e).maxWidth") != "none"
    hint = page.evaluate(
        "getComputedStyle(document.querySelector('channel')"
        " || document.documentElement, '::before').content"
    )
    assert "Это лента новостей для программ чтения лент" in hint
    # Entry bodies are escaped HTML: hidden rather than shown as tags.
    hidden = page.evaluate(
        "[...document.getElementsByTagNameNS('*', 'content'),"
        " ...document.getElementsByTagName('description')].slice(1)"
        ".map(e => getComputedStyle(e).display)"
    )
    assert set(hidden) <= {"none"}
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert page.outside_requests == []
    assert page.errors == []


def test_atom_feed_links_to_the_feeds_page(open_page, served_site):
    siteurl, _ = served_site
    page = open_page(siteurl)
    page.goto(f"{siteurl}/feeds/all.atom.xml")
    link = page.get_by_role("link", name="Все ленты сайта и как на них подписаться")
    assert link.evaluate("a => a.constructor.name") == "HTMLAnchorElement"
    assert link.is_visible()
    link.click()
    page.wait_for_url(f"{siteurl}/feeds/")
    assert page.locator("h1").inner_text() == "Ленты новостей и календарь заседаний"


def test_rss_feed_tells_where_the_feeds_page_is(open_page, served_site):
    siteurl, _ = served_site
    page = open_page(siteurl)
    page.goto(f"{siteurl}/feeds/articles.rss.xml")
    description = page.locator("channel > description")
    after = description.evaluate("e => getComputedStyle(e, '::after').content")
    assert "на странице «Ленты новостей»" in after
