from chamber.absolutise import absolutise_html

PAGE = "https://palata.example.org/news/2021/zasedanie/"


def test_relative_img_src_is_resolved_against_the_page():
    html = absolutise_html('<img src="images/hall.jpg" alt="Зал">', PAGE)

    assert html == (
        '<img src="https://palata.example.org/news/2021/zasedanie/'
        'images/hall.jpg" alt="Зал">'
    )


def test_parent_and_root_relative_links_are_resolved():
    html = absolutise_html(
        '<a href="../plan/">План</a> <a href="/documents/plan-2021.pdf">PDF</a>', PAGE
    )

    assert html == (
        '<a href="https://palata.example.org/news/2021/plan/">План</a> '
        '<a href="https://palata.example.org/documents/plan-2021.pdf">PDF</a>'
    )


def test_every_srcset_candidate_is_resolved_keeping_descriptors():
    html = absolutise_html(
        '<img src="a.jpg" srcset="a-480.jpg 480w,a-800.jpg 800w, /img/a-1600.jpg 2x">',
        PAGE,
    )

    assert (
        'srcset="'
        + (
            f"{PAGE}a-480.jpg 480w,{PAGE}a-800.jpg 800w, "
            "https://palata.example.org/img/a-1600.jpg 2x"
        )
        + '"'
        in html
    )


def test_srcset_candidate_without_descriptor_before_a_comma():
    html = absolutise_html('<source srcset="a.webp, b.webp 2x">', PAGE)

    assert f'srcset="{PAGE}a.webp, {PAGE}b.webp 2x"' in html


def test_video_poster_and_source_are_resolved():
    html = absolutise_html(
        '<video poster="cover.png"><source src="talk.mp4" type="video/mp4"></video>',
        PAGE,
    )

    assert f'poster="{PAGE}cover.png"' in html
    assert f'src="{PAGE}talk.mp4"' in html


def test_fragment_link_points_into_the_page():
    html = absolutise_html('<a href="#vystuplenie-3">к выступлению</a>', PAGE)

    assert html == f'<a href="{PAGE}#vystuplenie-3">к выступлению</a>'


def test_mailto_tel_and_absolute_links_are_left_alone():
    source = (
        '<a href="mailto:palata@example.org">почта</a> '
        '<a href="tel:+74951234567">телефон</a> '
        '<a href="https://rutube.ru/video/abc/">видео</a>'
    )

    assert absolutise_html(source, PAGE) == source


def test_protocol_relative_link_takes_the_page_scheme():
    html = absolutise_html('<img src="//cdn.example.org/a.png">', PAGE)

    assert 'src="https://cdn.example.org/a.png"' in html


def test_text_entities_and_comments_survive():
    source = "<p>Бюджет &amp; налоги &lt;2021&gt;</p><!-- черновик -->"

    assert absolutise_html(source, PAGE) == source


def test_ampersands_in_urls_stay_escaped():
    html = absolutise_html('<a href="search?a=1&amp;b=2">x</a>', PAGE)
    assert html == f'<a href="{PAGE}search?a=1&amp;b=2">x</a>'


def test_single_quoted_attribute_keeps_its_quotes():
    html = absolutise_html("<a href='../it&#39;s/'>x</a>", PAGE)
    assert html == "<a href='https://palata.example.org/news/2021/it&#x27;s/'>x</a>"


def test_attribute_shown_as_text_is_left_alone():
    html = absolutise_html('<p>Пример: <code>&lt;a href="/x"&gt;</code></p>', PAGE)
    assert html == '<p>Пример: <code>&lt;a href="/x"&gt;</code></p>'


def test_root_relative_links_are_put_under_the_sites_sub_path():
    from chamber.absolutise import rebase_root_relative

    html = rebase_root_relative(
        '<img src="/images/a.png" srcset="/images/a.png 1x, b.png 2x">'
        '<a href="/palata/documents/">Д</a> <a href="//cdn.example/x">x</a>'
        ' <a href="https://a.ru/">a</a> <code>href="/x"</code>',
        "/palata",
    )
    assert html == (
        '<img src="/palata/images/a.png" srcset="/palata/images/a.png 1x, b.png 2x">'
        '<a href="/palata/documents/">Д</a> <a href="//cdn.example/x">x</a>'
        ' <a href="https://a.ru/">a</a> <code>href="/x"</code>'
    )
