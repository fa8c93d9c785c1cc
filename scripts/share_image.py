"""Draw the default share picture, theme/static/img/share.png (1200×630).

Link previews (Open Graph) take raster images only. Run once after changing the
site's name or colours and commit the result: the build copies it as it is.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "theme" / "static" / "img" / "share.png"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
ACCENT, TEXT, SOFT = "#0b4f8a", "#1a1a1a", "#f2f5f9"
LINES = ["Палата городов-центров", "субъектов Российской Федерации"]
SUBTITLE = "Публикации Палаты Конгресса муниципальных образований"


def draw() -> Image.Image:
    image = Image.new("RGB", (1200, 630), SOFT)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 1200, 24), fill=ACCENT)
    pen.rectangle((80, 170, 92, 400), fill=ACCENT)
    title = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 52)
    small = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 32)
    for number, line in enumerate(LINES):
        pen.text((130, 180 + number * 72), line, font=title, fill=TEXT)
    pen.text((130, 360), SUBTITLE, font=small, fill=ACCENT)
    return image


if __name__ == "__main__":
    # No metadata chunks: the same drawing gives the same bytes.
    draw().save(TARGET, format="PNG", optimize=True)
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} байт")
