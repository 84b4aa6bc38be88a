"""Phone photos of a page (issue 12 part 3): corners found, perspective and light corrected.

The photos are made here: a page rendered with PIL, warped by a perspective transform
onto a darker textured desk, lit unevenly (a gradient and a shadow), blurred and saved as
JPEG. OCR is checked by the expected words in order."""
from __future__ import annotations

import io

import numpy as np
import pytest

from extractor.read.ocr import ocr_image, tesseract_available
from extractor.read.photo import find_page, flatten_photo

from read_helpers import words_in_order

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = [
    "QUYẾT ĐỊNH",
    "Về việc giao việc đột phá năm 2024",
    "Điều 1. Giao cho đồng chí Nguyễn Thị Lan, Chủ tịch",
    "Ủy ban nhân dân xã Hòa Phú, thực hiện việc đột phá:",
    "hoàn thành đường giao thông nông thôn thôn Bản Khóa;",
    "vận động nhân dân trồng mới 30 ha rừng sản xuất.",
    "Điều 2. Đồng chí Trần Văn Dũng, Trưởng Phòng Nông nghiệp",
    "huyện Chiêm Hóa chỉ đạo xây dựng mô hình cam sành.",
    "Điều 3. Các đồng chí có tên tại Điều 1 và Điều 2",
    "chịu trách nhiệm thi hành Quyết định này.",
]


def render_page(lines=LINES, size: int = 30) -> np.ndarray:
    """A flat page: A4 proportions at about 150 dpi, black text on white."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1240, 1754), 255)
    d = ImageDraw.Draw(img)
    f = ImageFont.truetype(FONT, size)
    for i, line in enumerate(lines):
        d.text((110, 150 + i * int(size * 2.1)), line, font=f, fill=0)
    return np.asarray(img)


def photograph(page: np.ndarray, *, seed: int = 0, tilt: float = 0.12, shadow: float = 0.3, dim: float = 0.45):
    """The page lying on a desk, photographed at an angle: (photo, true corners tl tr br bl)."""
    import cv2

    rng = np.random.default_rng(seed)
    H, W = 2000, 1600
    # desk: darker, textured (grain along one direction, noise)
    grain = np.sin(np.linspace(0, 60, W))[None, :] * 12 + rng.normal(0, 8, (H, W))
    desk = np.clip(95 + grain, 0, 255).astype(np.float32)
    h, w = page.shape
    j = lambda: rng.uniform(-tilt, tilt)  # noqa: E731
    dst = np.array([[W * (0.12 + j() / 2), H * (0.08 + j() / 3)], [W * (0.88 + j() / 2), H * (0.1 + j() / 3)],
                    [W * (0.93 + j() / 2), H * (0.93 + j() / 3)], [W * (0.06 + j() / 2), H * (0.9 + j() / 3)]],
                   np.float32)
    src = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(page.astype(np.float32), m, (W, H), flags=cv2.INTER_AREA, borderValue=-1)
    mask = cv2.warpPerspective(np.ones_like(page, np.float32), m, (W, H), flags=cv2.INTER_NEAREST)
    img = np.where(mask > 0, warped, desk)
    # light: bright at the top left, falling by ``dim`` at the bottom right; a soft shadow
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    light = 1.0 - dim * (xx / W + yy / H) / 2
    if shadow:
        light *= 1.0 - shadow * np.exp(-(((xx - 0.7 * W) / (0.18 * W)) ** 2 + ((yy - 0.45 * H) / (0.5 * H)) ** 2))
    img = img * light + rng.normal(0, 4, (H, W))
    img = cv2.GaussianBlur(np.clip(img, 0, 255).astype(np.uint8), (3, 3), 0.8)
    ok, jpg = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 80])
    return cv2.imdecode(jpg, cv2.IMREAD_GRAYSCALE), dst


HARD = dict(tilt=0.2, shadow=0.55, dim=0.6)  # steeper, and the shaded paper as dark as lit desk


@pytest.mark.parametrize("seed, kw", [(0, {}), (1, {}), (2, {}), (1, HARD), (2, HARD), (3, HARD)])
def test_corners_of_a_photographed_page(seed, kw):
    photo, truth = photograph(render_page(), seed=seed, **kw)
    corners = find_page(photo)
    assert corners is not None
    assert np.abs(corners - truth).max() < 25  # pixels of a 1600x2000 photo


def test_flat_scans_are_left_alone():
    page = render_page()
    fixes = []
    assert flatten_photo(page, fixes) is page and fixes == []
    # a grey, noisy scan with a dark bar along one edge (the scanner lid) is no photo either
    noisy = np.clip(page.astype(np.int16) - 20 + np.random.default_rng(0).normal(0, 10, page.shape), 0, 255)
    noisy = noisy.astype(np.uint8)
    noisy[:, :25] = 30
    assert flatten_photo(noisy) is noisy


@pytest.mark.slow
@pytest.mark.skipif(not tesseract_available("vie"), reason="tesseract-ocr-vie is not installed")
@pytest.mark.parametrize("kw", [{}, HARD])
def test_ocr_reads_a_photo_after_correction(tmp_path, kw):
    # as photographed, Tesseract finds 9 % (mild) and 0 % (hard) of these words in order
    photo, _ = photograph(render_page(), seed=0, **kw)
    result = ocr_image(photo, name="photo.jpg", workdir=tmp_path)
    kinds = [f.kind for f in result.fixes]
    assert "perspective" in kinds and "lighting" in kinds
    assert words_in_order(result.plain_text, " ".join(LINES)) >= 0.9


@pytest.mark.slow
@pytest.mark.skipif(not tesseract_available("vie"), reason="tesseract-ocr-vie is not installed")
def test_photo_read_through_read_bytes():
    import cv2

    from extractor.read import read_bytes

    photo, _ = photograph(render_page(), seed=1)
    ok, jpg = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, 85])
    doc = read_bytes(jpg.tobytes(), "anh-chup.jpg")
    assert any(f.kind == "perspective" for f in doc.fixes)
    assert words_in_order(doc.pages[0].text, " ".join(LINES[2:6])) >= 0.9
