"""Phone photos of a page: find the page, flatten its perspective, even out the light.

A clerk photographs a decision lying on a desk: the page is a bright quadrilateral, not a
rectangle, on a darker background, lit more on one side, sometimes with the phone's
shadow across it. Tesseract reads such a photo badly (slanted lines, grey text in the
shade). :func:`flatten_photo` sees whether an image is such a photo (a flat scan is left
untouched), finds the page's four corners (the largest bright quadrilateral on a reduced
copy: OpenCV contours and ``approxPolyDP``; then each side's line fitted to the edge on
the photo itself), warps the page to a rectangle, divides it by its estimated background
(a morphological closing that removes the text), so paper is white everywhere and ink
dark, and sharpens it by as much as the photo is blurred (measured at the page's edges).
Each step is recorded as a :class:`~extractor.records.Fix`.
"""
from __future__ import annotations

from typing import TypeAlias

import numpy as np
from numpy.typing import NDArray

from ..records import Fix

Gray: TypeAlias = NDArray[np.uint8]  # a grayscale image, rows by columns
Points: TypeAlias = NDArray[np.float32]  # (x, y) rows: corners of a page
Vector: TypeAlias = NDArray[np.float64]
Line: TypeAlias = tuple[Vector, Vector]  # a point on it and its direction

WORK = 500  # the least long side of the reduced copy the page is looked for on
MIN_AREA = 0.15  # a page smaller than this share of the photo is not what was photographed
MAX_AREA = 0.97  # a quadrilateral this big is the image's own edge: a flat scan
SMOOTHING = 1.1  # sigma, in half pixels, of the (5, 1) Gaussian a page edge's profiles are smoothed with
SHARPEN_FROM = 1.0  # a flattened page blurred by a sigma of this many pixels or more is sharpened
SHARPEN_AMOUNT = 1.0
MIN_HEIGHT = 2600  # pixels of the flattened page (about 220 dpi for A4): small photos are enlarged


def _reduce(gray: Gray) -> tuple[Gray, float]:
    """A copy about WORK px on its long side, by a power of two (OpenCV's fast halving:
    a flat 300-dpi scan is checked in a few milliseconds, not the 88 of a free resize)."""
    import cv2

    small = gray
    while max(small.shape) / 2 >= WORK:
        h, w = small.shape
        small = np.asarray(cv2.resize(small, (w // 2, h // 2), interpolation=cv2.INTER_AREA), np.uint8)
    return small, small.shape[1] / gray.shape[1]


def _order(quad: NDArray[np.int32]) -> Points:
    """Corners as top-left, top-right, bottom-right, bottom-left: clockwise round their
    centre (as the image shows them), from the one nearest the image's top left. (Taking
    each corner by the least and greatest x + y and x - y gives one point twice for a page
    turned by 30 degrees or so.)

        >>> _order(np.array([[90, 5], [0, 0], [10, 80], [100, 90]], np.int32)).tolist()
        [[0.0, 0.0], [90.0, 5.0], [100.0, 90.0], [10.0, 80.0]]
    """
    pts = quad.reshape(4, 2).astype(np.float32)
    centre = pts.mean(axis=0)
    turn = np.argsort(np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0]))
    pts = pts[turn]
    first = int(np.argmin(pts.sum(axis=1)))
    return np.roll(pts, -first, axis=0)


def _quad(bw: Gray, small: Gray) -> NDArray[np.int32] | None:
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
    quad: NDArray[np.int32] | None = None
    for eps in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            quad = np.asarray(approx, np.int32)
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


def find_page(gray: Gray) -> Points | None:
    """The page's four corners (tl, tr, br, bl) in ``gray``'s pixels, or None for a flat scan
    (see :func:`_find`).

        >>> find_page(np.full((300, 200), 250, np.uint8)) is None   # paper edge to edge
        True
    """
    found = _find(gray)
    return found[0] if found else None


def _find(gray: Gray) -> tuple[Points, float | None] | None:
    """The page's four corners (tl, tr, br, bl) in ``gray``'s pixels and the photo's blur
    at its edges, or None for a flat scan.

    The page is the largest bright region whose outline is close to a convex quadrilateral
    covering between 15 % and 97 % of the image; a scan fills its image with paper, so it
    has no such outline. The region is paper against desk by Otsu's threshold, or, when
    the light falls off so much that shaded paper is as dark as lit desk, the inside of
    the page's edges (Canny: paper and desk in the same shade still differ).
    """
    import cv2

    small, scale = _reduce(gray)
    blur = cv2.GaussianBlur(small, (5, 5), 0)
    _, otsu = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    closed = cv2.morphologyEx(otsu, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9)))
    bw = np.asarray(cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))),
                    np.uint8)
    edges = cv2.Canny(blur, 30, 90)
    edges = cv2.dilate(edges, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)), iterations=2)
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(small)
    cv2.drawContours(filled, contours, -1, 255, thickness=cv2.FILLED)
    filled = np.asarray(cv2.erode(filled, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)), iterations=2), np.uint8)
    # a shadow across the page cuts Otsu's region short: of two pages found, the larger
    found = [q for q in (_quad(filled, small), _quad(bw, small)) if q is not None]
    if not found:
        return None
    quad = max(found, key=lambda q: float(cv2.contourArea(q)))
    return _refine(gray, _order(quad) / scale, reach=max(6.0, 3.0 / scale))


def _edge_line(gray: Gray, a: Vector, b: Vector, inward: Vector, reach: float) -> tuple[Line, float] | None:
    """The page's edge near the segment a-b, at full resolution: (a point, a direction),
    and how blurred the photo is there (the sigma in its pixels of the Gaussian that turns
    a sharp edge into the step seen).

    Along the segment, profiles across it (``reach`` px either side) are read, and where
    each steps up most from desk to paper (going ``inward``) is a point of the edge; a line
    is fitted through those points (Huber: the corner of a shadow or a dark speck on the
    desk does not pull it). None when too few profiles cross a clear step. A blurred step
    of height H rises at most H / (sigma * sqrt(2 pi)) a pixel: so its steepest rise gives
    the blur.
    """
    import cv2

    along = b - a
    length = float(np.linalg.norm(along))
    if length < 20:
        return None
    u = along / length
    s = np.linspace(0.06, 0.94, 64, dtype=np.float32)[:, None] * length
    t = np.arange(-reach, reach + 0.5, 0.5, dtype=np.float32)[None, :]
    mx = (a[0] + s * u[0] + t * inward[0]).astype(np.float32)
    my = (a[1] + s * u[1] + t * inward[1]).astype(np.float32)
    # only the band round the edge is taken as floats (a whole 64 Mpx photo would be 256 MB)
    h, w = gray.shape
    x0, y0 = max(0, int(mx.min()) - 2), max(0, int(my.min()) - 2)
    x1, y1 = min(w, int(mx.max()) + 3), min(h, int(my.max()) + 3)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    band = gray[y0:y1, x0:x1].astype(np.float32)
    prof = cv2.remap(band, mx - x0, my - y0, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    smooth = np.asarray(cv2.GaussianBlur(prof, (5, 1), 0), np.float32)
    step = np.diff(smooth, axis=1)
    k = np.argmax(step, axis=1)
    strength = step[np.arange(len(k)), k]
    keep = strength >= max(3.0, 0.4 * float(np.median(strength)))
    if keep.sum() < 12:
        return None
    offset = t[0, k[keep]] + 0.25  # the step lies between two samples half a pixel apart
    pts = np.stack([a[0] + s[keep, 0] * u[0] + offset * inward[0],
                    a[1] + s[keep, 0] * u[1] + offset * inward[1]], axis=1).astype(np.float32)
    vx, vy, px, py = np.asarray(cv2.fitLine(pts, cv2.DIST_HUBER, 0, 0.01, 0.01), np.float64).ravel()
    rise = smooth[keep, -4:].mean(axis=1) - smooth[keep, :4].mean(axis=1)  # paper less desk
    sigma = rise / (strength[keep] * np.sqrt(2 * np.pi))  # in samples, half a pixel apart
    sigma = np.sqrt(np.maximum(sigma**2 - SMOOTHING**2, 0.0)) / 2
    return (np.array([px, py], np.float64), np.array([vx, vy], np.float64)), float(np.median(sigma))


def _refine(gray: Gray, corners: Points, reach: float) -> tuple[Points, float | None]:
    """Corners found on the reduced copy, made exact on the photo itself: each side's
    line is fitted to the page's edge at full resolution and neighbouring lines crossed.
    (On the reduced copy a pixel is 2-4 of the photo's: the desk showed as a dark line
    along the flattened page's border, which the table finder took for a table's frame.)
    A corner that would move further than ``reach`` keeps its first estimate. Also the
    photo's blur (sigma, its pixels) measured along the edges, None if not measured."""
    centre = corners.mean(axis=0)
    lines: list[Line | None] = []
    blur: list[float] = []
    for i in range(4):
        a, b = corners[i].astype(np.float64), corners[(i + 1) % 4].astype(np.float64)
        u = (b - a) / max(float(np.linalg.norm(b - a)), 1e-9)
        inward = np.array([-u[1], u[0]])
        if float(np.dot(inward, centre - (a + b) / 2)) < 0:
            inward = -inward
        edge = _edge_line(gray, a, b, inward, reach)
        lines.append(edge[0] if edge else None)
        if edge:
            blur.append(edge[1])
    out = corners.astype(np.float32).copy()
    for i in range(4):
        before, after = lines[(i - 1) % 4], lines[i]  # corner i joins side i-1 and side i
        if before is None or after is None:
            continue
        (p, d), (q, e) = before, after
        det = d[0] * -e[1] - d[1] * -e[0]
        if abs(det) < 1e-6:
            continue
        r = q - p
        k = (r[0] * -e[1] - r[1] * -e[0]) / det
        x = p + k * d
        if float(np.linalg.norm(x - corners[i])) <= reach:
            out[i] = x
    return out, (float(np.median(blur)) if blur else None)


def _rectify(gray: Gray, corners: Points) -> tuple[Gray, NDArray[np.float64]]:
    """The page warped to a rectangle, and the 3x3 matrix that took the photo there."""
    import cv2

    tl, tr, br, bl = corners
    width = max(float(np.linalg.norm(tr - tl)), float(np.linalg.norm(br - bl)))
    height = max(float(np.linalg.norm(bl - tl)), float(np.linalg.norm(br - tr)))
    k = max(1.0, MIN_HEIGHT / height)
    w, h = round(width * k), round(height * k)
    # the page's edge is a blurred step a few pixels wide, half desk: a margin that narrow is
    # left out, so no dark line runs along the flattened page for the table finder to take
    # for a rule (a page's own margins are 15 mm and more)
    e = 2.0 + 3.0 * k
    dst = np.array([[-e, -e], [w - 1 + e, -e], [w - 1 + e, h - 1 + e], [-e, h - 1 + e]], np.float32)
    m = np.asarray(cv2.getPerspectiveTransform(corners.astype(np.float32), dst), np.float64)
    page = cv2.warpPerspective(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(page, np.uint8), m


def even_light(gray: Gray) -> Gray:
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


def _magnification(corners: Points, shape: tuple[int, ...]) -> float:
    """How many of the flattened page's pixels one of the photo's becomes where the page is
    enlarged most (its far edge, photographed at an angle)."""
    tl, tr, br, bl = corners
    h, w = shape[:2]
    sides = [(w, tr - tl), (w, br - bl), (h, bl - tl), (h, br - tr)]
    return max(n / max(float(np.linalg.norm(v)), 1.0) for n, v in sides)


def sharpen(gray: Gray, sigma: float) -> Gray:
    """An unsharp mask as wide as the blur: the page less its blurred copy, added back.

    A photo enlarged to the flattened page's size (and a PDF's small image rendered at
    300 dpi) has letters blurred over several pixels; Tesseract then misreads the marks
    that tell Vietnamese letters apart (a dot below, a hook, the bar of đ).

        >>> edge = np.repeat(np.linspace(60, 200, 12).astype(np.uint8)[None, :], 4, axis=0)
        >>> bool(np.ptp(sharpen(edge, 2.0)[:, 3:9]) > np.ptp(edge[:, 3:9]))
        True
    """
    import cv2

    soft = cv2.GaussianBlur(gray, (0, 0), sigma)
    return np.asarray(cv2.addWeighted(gray, 1.0 + SHARPEN_AMOUNT, soft, -SHARPEN_AMOUNT, 0), np.uint8)


def flatten_photo(gray: Gray, fixes: list[Fix] | None = None,
                  transform: list[NDArray[np.float64]] | None = None) -> Gray:
    """A phone photo of a page -> the page, flat and evenly lit; any other image unchanged.

    ``fixes`` (if given) receives what was done, as :class:`Fix` records; ``transform``
    (if given) the 3x3 matrix from the photo's pixels to the flattened page's, when it
    was flattened (so word boxes can be taken back onto the photo).

        >>> import numpy as np
        >>> page = np.full((300, 200), 250, np.uint8)   # a flat scan: paper edge to edge
        >>> flatten_photo(page) is page
        True
    """
    found = _find(gray)
    if found is None:
        return gray
    corners, blur = found
    page, m = _rectify(gray, corners)
    if transform is not None:
        transform.append(m)
    page = even_light(page)
    sigma = None if blur is None else blur * _magnification(corners, page.shape)
    sharpened = sigma is not None and sigma >= SHARPEN_FROM
    if sigma is not None and sharpened:
        page = sharpen(page, sigma)
    if fixes is not None:
        pts = ", ".join(f"({x:.0f},{y:.0f})" for x, y in corners)
        fixes.append(Fix("perspective", f"photographed page: corners {pts} flattened to "
                                        f"{page.shape[1]}x{page.shape[0]} px"))
        fixes.append(Fix("lighting", "uneven light and shadows evened out (page divided by its background)"))
        if sharpened:
            fixes.append(Fix("sharpness", f"blurred photo sharpened (letters spread over {sigma:.1f} px "
                                          f"of the flattened page)"))
    return page
