"""Atom and RSS 2.0 documents from feed entries, byte for byte reproducible."""

from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from feedgen.feed import FeedGenerator
from lxml import etree

from chamber.feeds.catalogue import ATOM_TYPE, RSS_TYPE
from chamber.feeds.entries import FeedEntry, FeedInfo

_ATOM = "{http://www.w3.org/2005/Atom}"
_XHTML = "http://www.w3.org/1999/xhtml"
CATALOGUE_LINK_TEXT = "Все ленты сайта и как на них подписаться"


def build_atom(info: FeedInfo, entries: Sequence[FeedEntry], limit: int) -> bytes:
    selected = newest_entries(entries, limit)
    feed = _generator(info, selected, info.self_url_atom, ATOM_TYPE)
    root = etree.fromstring(feed.atom_str())
    for element, entry in zip(root.iterfind(f"{_ATOM}entry"), selected, strict=True):
        _fix_entry_links(element, entry)
        # Atom's default, but readers that guess sniff "<" in a title as markup.
        element.find(f"{_ATOM}title").set("type", "text")
    if info.catalogue_url:
        _link_subtitle(root.find(f"{_ATOM}subtitle"), info.catalogue_url)
    return _serialise(root, info.stylesheet_url)


def build_rss(info: FeedInfo, entries: Sequence[FeedEntry], limit: int) -> bytes:
    selected = newest_entries(entries, limit)
    feed = _generator(info, selected, info.self_url_rss, RSS_TYPE)
    return _serialise(etree.fromstring(feed.rss_str()), info.stylesheet_url)


def newest_entries(entries: Sequence[FeedEntry], limit: int) -> list[FeedEntry]:
    """The ``limit`` most recently published entries, newest first.

    Entries published at the same moment (a digest and its parts) are ordered
    by URL, so that the order does not depend on the order Pelican read them.
    """
    by_url = sorted(entries, key=lambda entry: entry.url)
    return sorted(by_url, key=lambda entry: entry.published, reverse=True)[:limit]


def _generator(
    info: FeedInfo, entries: Sequence[FeedEntry], self_url: str, self_type: str
) -> FeedGenerator:
    if not entries:
        raise ValueError(f"Лента «{info.title}» пуста: в ней нет ни одной записи")
    feed = FeedGenerator()
    # RSS 2.0 wants an e-mail in <author>; Dublin Core's creator takes a name.
    feed.load_extension("dc", atom=False, rss=True)
    feed.id(info.feed_id)
    feed.title(info.title)
    feed.subtitle(info.subtitle)
    feed.language(info.language)
    # Never "now": the same content must give the same bytes.
    feed.updated(max(entry.updated for entry in entries))
    feed.link(href=self_url, rel="self", type=self_type)
    # Last, because RSS <channel><link> takes the last link given to feedgen.
    feed.link(href=info.site_url, rel="alternate", type="text/html")
    for entry in entries:
        _add_entry(feed, entry)
    return feed


def _add_entry(feed: FeedGenerator, entry: FeedEntry) -> None:
    item = feed.add_entry(order="append")
    item.id(entry.entry_id)
    item.title(entry.title)
    item.link(href=entry.url, rel="alternate", type="text/html")
    # RSS: <description> is the summary, content:encoded the full text. feedgen
    # fills <description> from summary() when it is empty, and content() gives
    # both Atom <content> and content:encoded.
    item.summary(entry.summary_html, type="html")
    item.content(entry.content_html, type="html")
    item.published(entry.published)
    item.updated(entry.updated)
    for author in entry.authors:
        item.author(name=author)
        item.dc.dc_creator(author)
    for category in entry.categories:
        item.category(term=category)
    if entry.enclosures:
        # RSS allows a single enclosure; Atom gets all of them in _fix_entry_links.
        first = entry.enclosures[0]
        item.enclosure(url=first.url, length=first.length, type=first.media_type)


def _fix_entry_links(element: etree._Element, entry: FeedEntry) -> None:
    """Rewrite an Atom entry's links: feedgen keeps only their href (#135)."""
    old_links = element.findall(f"{_ATOM}link")
    position = element.index(old_links[0])
    for link in old_links:
        element.remove(link)
    links = [{"rel": "alternate", "type": "text/html", "href": entry.url}]
    for enclosure in entry.enclosures:
        links.append(
            {
                "rel": "enclosure",
                "type": enclosure.media_type,
                "length": str(enclosure.length),
                "href": enclosure.url,
            }
        )
    for href, title in entry.related_links:
        links.append({"rel": "related", "href": href, "title": title})
    for offset, attributes in enumerate(links):
        # title="" would make readers show an empty label for the link.
        attributes = {name: value for name, value in attributes.items() if value}
        element.insert(position + offset, etree.Element(f"{_ATOM}link", attributes))


def _link_subtitle(subtitle: etree._Element, catalogue_url: str) -> None:
    """The subtitle as XHTML with a link to the /feeds/ page.

    A stylesheet cannot make a link, but a browser shows an XHTML element in
    any XML document as HTML, so this link works in a feed opened in a browser;
    XHTML is a valid Atom text construct, which feed readers show as it is.
    """
    text = subtitle.text
    subtitle.text = None
    subtitle.set("type", "xhtml")
    div = etree.SubElement(subtitle, f"{{{_XHTML}}}div", nsmap={None: _XHTML})
    div.text = f"{text}. "
    link = etree.SubElement(div, f"{{{_XHTML}}}a", href=catalogue_url)
    link.text = CATALOGUE_LINK_TEXT
    link.tail = "."


def _serialise(root: etree._Element, stylesheet_url: str | None) -> bytes:
    if stylesheet_url:
        root.addprevious(
            etree.ProcessingInstruction(
                "xml-stylesheet", f'type="text/css" href={quoteattr(stylesheet_url)}'
            )
        )
    # feedgen's own pretty printing would be lost on the links added above.
    etree.indent(root, space="  ")
    return etree.tostring(
        root.getroottree(), encoding="UTF-8", xml_declaration=True, pretty_print=True
    )
