"""Phone photos of a page: find the page, flatten its perspective, even out the light.

A clerk photographs a decision lying on a desk: the page is a bright quadrilateral, not a
rectangle, on a darker background, lit more on one side, sometimes with the phone's
shadow across it. Tesseract reads such a photo badly (slanted lines, grey text in the
shade). :func:`flatten_photo` sees whether an image is such a photo (a flat scan is left
untouched), finds the page's four corners (the largest bright quadrilateral: OpenCV
contours and ``approxPolyDP``), warps the page to a rectangle, and divides it by its
estimated background (a morphological closing that removes the text), so paper is white
everywhere and ink dark. Each step is recorded as a :class:`~extractor.records.Fix`.
"""
from __future__ import annotations

import numpy as np

from ..records import Fix

WORK = 500  # the least long side of the reduced copy the page is looked for on
MIN_AREA = 0.15  # a page smaller than this share of the photo is not what was photographed
MAX_AREA = 0.97  # a quadrilateral this big is the image's own edge: a flat scan
MIN_HEIGHT = 2200  # pixels of the flattened page (about 200 dpi for A4): small photos are enlarged


def _reduce(gray: np.ndarray) -> tuple[np.ndarray, float]:
    """A copy about WORK px on its long side, by a power of two (OpenCV's fast halving:
    a flat 300-dpi scan is checked in a few milliseconds, not the 88 of a free resize)."""
    import cv2

    small = gray
    while max(small.shape) / 2 >= WORK:
        h, w = small.shape
        small = cv2.resize(small, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    return small, small.shape[1] / gray.shape[1]


def _order(pts: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    pts = pts.reshape(4, 2).astype(np.float32)
    s, d = pts.sum(1), np.diff(pts, axis=1).ravel()
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]], np.float32)


def _quad(bw: np.ndarray, small: np.ndarray) -> np.ndarray | None:
    """The largest region of ``bw`` as a page quadrilateral on ``small``, or None."""
    import cv2

    contours, _ = cv2.findContours(bw, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    area_all = small.shape[0] * small.shape[1]
    c = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(c)
    if not MIN_AREA * area_all <= area <= MAX_AREA * area_all:
        return None
    hull = cv2.convexHull(c)
    peri = cv2.arcLength(hull, True)
    quad = None
    for eps in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            quad = approx
            break
    if quad is None or not cv2.isContourConvex(quad):
        return None
    # the region must fill its quadrilateral (a page cut by a shadow is a pentagon)
    if not 0.92 <= area / max(cv2.contourArea(quad), 1.0) <= 1.08:
        return None
    # the page must be brighter than what surrounds it (a desk), not a dark box on paper
    mask = np.zeros_like(small)
    cv2.fillConvexPoly(mask, quad.reshape(4, 2), 255)
    inside, outside = small[mask > 0], small[mask == 0]
    if outside.size < 0.02 * area_all or np.median(inside) < np.median(outside) + 25:
        return None
    return quad


def find_page(gray: np.ndarray) -> np.ndarray | None:
    """The page's four corners (tl, tr, br, bl) in ``gray``'s pixels, or None for a flat scan.

    The page is the largest bright region whose outline is close to a convex quadrilateral
    covering between 15 % and 97 % of the image; a scan fills its image with paper, so it
    has no such outline. The region is paper against desk by Otsu's threshold, or, when
    the light falls off so much that shaded paper is as dark as lit desk, the inside of
    the page's edges (Canny: paper and desk in the same shade still differ).
    """
    import cv2

    small, scale = _reduce(gray)
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    _, bw = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bw = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9)))
    bw = cv2.morphologyEx(bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    edges = cv2.Canny(blur, 30, 90)
    edges = cv2.dilate(edges, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)), iterations=2)
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(small)
    cv2.drawContours(filled, contours, -1, 255, thickness=cv2.FILLED)
    filled = cv2.erode(filled, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)), iterations=2)
    # a shadow across the page cuts Otsu's region short: of two pages found, the larger
    found = [q for q in (_quad(filled, small), _quad(bw, small)) if q is not None]
    if not found:
        return None
    quad = max(found, key=cv2.contourArea)
    return _order(quad) / scale


def _rectify(gray: np.ndarray, corners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The page warped to a rectangle, and the 3x3 matrix that took the photo there."""
    import cv2

    tl, tr, br, bl = corners
    w = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    h = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    k = max(1.0, MIN_HEIGHT / h)
    w, h = int(round(w * k)), int(round(h * k))
    dst = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    m = cv2.getPerspectiveTransform(corners.astype(np.float32), dst)
    return cv2.warpPerspective(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE), m


def even_light(gray: np.ndarray) -> np.ndarray:
    """Divide the page by its background so paper is white in the light and in the shade.

    The background is the page with the ink closed away (a closing with a kernel wider
    than a letter stroke, on a reduced copy), smoothed with a median blur.
    """
    import cv2

    h, w = gray.shape
    f = max(1, round(max(h, w) / 800))
    small = cv2.resize(gray, (w // f, h // f), interpolation=cv2.INTER_AREA) if f > 1 else gray
    k = max(7, (min(small.shape) // 40) | 1)
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    bg = cv2.medianBlur(bg, k if k <= 255 else 255)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR) if f > 1 else bg
    out = gray.astype(np.float32) * 255.0 / np.maximum(bg.astype(np.float32), 1.0)
    return np.clip(out, 0, 255).astype(np.uint8)


def flatten_photo(gray: np.ndarray, fixes: list[Fix] | None = None,
                  transform: list[np.ndarray] | None = None) -> np.ndarray:
    """A phone photo of a page -> the page, flat and evenly lit; any other image unchanged.

    ``fixes`` (if given) receives what was done, as :class:`Fix` records; ``transform``
    (if given) the 3x3 matrix from the photo's pixels to the flattened page's, when it
    was flattened (so word boxes can be taken back onto the photo).

        >>> import numpy as np
        >>> page = np.full((300, 200), 250, np.uint8)   # a flat scan: paper edge to edge
        >>> flatten_photo(page) is page
        True
    """
    corners = find_page(gray)
    if corners is None:
        return gray
    page, m = _rectify(gray, corners)
    if transform is not None:
        transform.append(m)
    page = even_light(page)
    if fixes is not None:
        pts = ", ".join(f"({x:.0f},{y:.0f})" for x, y in corners)
        fixes.append(Fix("perspective", f"photographed page: corners {pts} flattened to "
                                        f"{page.shape[1]}x{page.shape[0]} px"))
        fixes.append(Fix("lighting", "uneven light and shadows evened out (page divided by its background)"))
    return page
