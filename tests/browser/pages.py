"""One page of each kind, by its address in the `every_field` fixture site."""

PAGES = {
    "home": "",
    "article": "articles/kazan-i-aglomeratsiya-sosedi/",
    "digest": "digests/2021-03/",
    "meeting": "meetings/zasedanie-o-planirovanii-aglomeratsiy/",
    "document": "documents/zakonoproekt/",
    "page": "o-palate/",
    "section_list": "articles/",
    "cities": "cities/",
    "city": "cities/kazan/",
    "tags": "tags/",
    "tag": "tags/aglomeratsii/",
    "author": "authors/ivanova-mariya-sergeevna/",
    "archives": "archives/",
    "archives_year": "archives/2021/",
    "archives_month": "archives/2021/03/",
    "plan": "plan/2021/",
    "plans": "plan/",
    "feeds": "feeds/",
    "speakers": "speakers/",
    "not_found": "404.html",
}
