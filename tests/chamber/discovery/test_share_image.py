from chamber.discovery.share_image import ShareImage, share_image

SITE = "https://palata.example.ru"
PAGE = f"{SITE}/articles/kazan/"


def test_the_first_raster_picture_with_its_size_and_alt():
    body = (
        '<p>Текст.</p><img src="/images/skhema.svg" alt="Схема">'
        '<img src="/images/foto.jpg" alt="Фотография заседания" width="1600" height="900">'
        '<img src="/images/vtoraya.png" alt="Вторая">'
    )
    assert share_image(body, PAGE, SITE) == ShareImage(
        f"{SITE}/images/foto.jpg", 1600, 900, "Фотография заседания"
    )


def test_a_relative_address_is_made_absolute_from_the_page():
    body = '<img src="../../images/foto.png" alt="Фото">'
    assert share_image(body, PAGE, SITE).url == f"{SITE}/images/foto.png"


def test_a_size_unknown_is_left_out():
    image = share_image('<img src="/images/a.webp" alt="А" width="авто">', PAGE, SITE)
    assert (image.width, image.height) == (None, None)


def test_a_video_poster_when_there_is_no_picture():
    body = '<video src="/files/v.webm" poster="/images/kadr.jpg" controls></video>'
    assert share_image(body, PAGE, SITE) == ShareImage(f"{SITE}/images/kadr.jpg")


def test_a_picture_wins_over_a_poster_before_it():
    body = (
        '<video src="/files/v.webm" poster="/images/kadr.jpg"></video>'
        '<img src="/images/foto.jpg" alt="Фото">'
    )
    assert share_image(body, PAGE, SITE).url == f"{SITE}/images/foto.jpg"


def test_another_hosts_picture_or_an_svg_alone_is_no_share_image():
    body = '<img src="https://example.org/a.jpg" alt="Чужая"><img src="/images/s.svg" alt="С">'
    assert share_image(body, PAGE, SITE) is None
    assert share_image("<p>Без картинок.</p>", PAGE, SITE) is None


def test_a_build_without_an_address_shares_nothing():
    assert (
        share_image('<img src="/images/foto.jpg" alt="Фото">', "articles/kazan/", "")
        is None
    )
