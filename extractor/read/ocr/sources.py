"""Where OCR's pages come from: the pages of a PDF (the scan itself, else rendered) and
the frames of an image file."""
from __future__ import annotations

import functools
import hashlib
import io
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...config import DEFAULT_CONFIG, ExtractorConfig
from ...errors import EmptyFile, MissingDependency, TooLarge, UnreadableFile
from ...records import Block, Document, Fix, Page, Table
from ..engine import PageImage
from ..layout import PageBuilder, page_fixes
from .page import OcrResult, lay_out
from .schedule import PageSource, _ocr_pages
from .tesseract import tesseract_available

if TYPE_CHECKING:
    import numpy as np
    import pypdf
    from PIL import Image

    from .. import Progress

# What OCR reads of one image page, at most (A2 at 300 dpi is 35 Mpx): the page's arrays
# cost ~18 bytes a pixel in this process, so a 64 Mpx photo took the server past 1 GB.
OCR_MAX_PIXELS = 24_000_000


def _shrink_for_ocr(gray: Image.Image) -> Image.Image:
    """A grayscale page over OCR_MAX_PIXELS, shrunk to fit (its text stays readable)."""
    w, h = gray.size
    if w * h <= OCR_MAX_PIXELS:
        return gray
    f = (OCR_MAX_PIXELS / (w * h)) ** 0.5
    return gray.resize((max(1, int(w * f)), max(1, int(h * f))), resample=2)  # bilinear


def _shrunk_dpi(size: tuple[int, int], shape: tuple[int, ...], dpi: int | None) -> int | None:
    """An image's ``dpi`` once its ``size`` (w, h) was shrunk to an array of ``shape``."""
    return round(dpi * shape[1] / size[0]) if dpi and shape[1] != size[0] else dpi


def image_dpi(info: Mapping[Any, Any]) -> int | None:
    """The resolution an image file records (Pillow's ``Image.info``, whose values are
    untyped: a number, a pair, a rational), when it is plausible for a scan (150-1200).

    Phone photos and screenshots record 72 or 96, which is no page resolution: then
    None, and Tesseract estimates it from the text height, as the plain command would.

    >>> image_dpi({"dpi": (300, 300)}), image_dpi({"dpi": (72, 72)}), image_dpi({})
    (300, None, None)
    """
    value = info.get("dpi")
    if value is None:
        return None
    try:
        dpi = round(float(value[0] if isinstance(value, (tuple, list)) else value))
    except (TypeError, ValueError, IndexError):
        return None
    return dpi if 150 <= dpi <= 1200 else None


_PYPDF_LOCK = threading.Lock()


def _page_scan_image(reader: pypdf.PdfReader, number: int, max_pixels: int) -> tuple[np.ndarray, int] | None:
    """The scan itself when a PDF page is one full-page image (what scanners write):
    ``(grayscale array, dpi)`` taken at its own resolution, with no rendering. None when
    the page is anything else or the image is under 200 dpi (then it is rendered at the
    OCR resolution)."""
    try:
        with _PYPDF_LOCK:  # one pypdf reader is shared by the page threads; it seeks a stream
            page = reader.pages[number - 1]
            images = list(page.images)
            image = images[0].image if len(images) == 1 else None
            rotation = int(page.get("/Rotate", 0) or 0) % 360
        width_in = float(page.mediabox.width) / 72
        if image is None or width_in <= 0:
            return None
        w, h = image.size
        if w * h > max_pixels:
            return None
        dpi = round(max(w, h) / (max(float(page.mediabox.width), float(page.mediabox.height)) / 72))
        if dpi < 200 or dpi > 1200:
            return None
        # the image must fill the page (a logo on a blank page is no scan)
        if abs(w / h - float(page.mediabox.width) / float(page.mediabox.height)) > 0.05 and \
                abs(h / w - float(page.mediabox.width) / float(page.mediabox.height)) > 0.05:
            return None
        image = image.convert("L")
        if rotation:  # the page is shown turned clockwise by /Rotate
            image = image.rotate(-rotation, expand=True)
        import numpy as np

        return np.asarray(image), dpi
    except Exception:  # any oddity in the embedded image: fall back to rendering the page
        return None


def _given(image: np.ndarray, dpi: int | None) -> tuple[PageImage, int | None]:
    """A page already decoded, as a page source gives it (bound with functools.partial)."""
    return image, dpi


def _render_pdf_page(pdf_path: Path, number: int, dpi: int, out_dir: Path, max_pixels: int,
                     size_pt: tuple[float, float] | None, name: str) -> tuple[Path, int]:
    """Render one PDF page to a grayscale image with pdftoppm (pypdfium2 if absent);
    returns the file and the resolution it was rendered at."""
    if size_pt:
        w_in, h_in = size_pt[0] / 72, size_pt[1] / 72
        while dpi > 1 and w_in * h_in * dpi * dpi > max_pixels:
            dpi = max(1, int(dpi * 0.8))  # a huge page (A0 map, a 16000 pt page) is read at a lower resolution
    stem = out_dir / f"page-{number:04d}"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(number), "-l", str(number),
                        "-singlefile", str(pdf_path), str(stem)], capture_output=True, timeout=300)
        out = stem.with_suffix(".pgm")
        if out.exists():
            return out, dpi
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        image = pdf[number - 1].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    out = stem.with_suffix(".png")
    image.save(out)
    return out, dpi


def ocr_pdf_pages(data: bytes, numbers: list[int], *, name: str, config: ExtractorConfig = DEFAULT_CONFIG,
                  progress: Progress | None = None) -> list[OcrResult]:
    """OCR the given 1-based pages of a PDF: the scan itself where a page is one
    full-page image, else the page rendered at ``config.ocr_dpi``."""
    import pypdf

    tmp = Path(tempfile.mkdtemp(prefix="giaoviec-ocr-"))
    try:
        pdf_path = tmp / "input.pdf"
        pdf_path.write_bytes(data)
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        sizes: dict[int, tuple[float, float] | None] = {}
        for n in numbers:
            try:
                box = reader.pages[n - 1].mediabox
                sizes[n] = (float(box.width), float(box.height))
            except Exception:
                sizes[n] = None

        def page(n: int) -> tuple[PageImage, int | None]:
            found = _page_scan_image(reader, n, config.max_image_pixels)
            if found:
                return found
            # A huge page (a 16000 pt map) is rendered no larger than OCR reads an image.
            return _render_pdf_page(pdf_path, n, config.ocr_dpi, tmp, min(config.max_image_pixels, OCR_MAX_PIXELS),
                                    sizes[n], name)

        return _ocr_pages((functools.partial(page, n) for n in numbers), len(numbers), config=config,
                          name=name, workdir=tmp, progress=progress, stems=lambda i: f"page-{numbers[i]:04d}",
                          delete_inputs=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_image_bytes(data: bytes, name: str, *, config: ExtractorConfig = DEFAULT_CONFIG,
                     progress: Progress | None = None) -> Document:
    """OCR an image file (PNG, JPEG, TIFF with several pages, BMP, GIF, WebP)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if not tesseract_available(config.ocr_language):
        raise MissingDependency(name, f"this is an image and OCR is not installed; install tesseract-ocr "
                                      f"and tesseract-ocr-{config.ocr_language} (see README)")
    # Pillow's own cap (Image.MAX_IMAGE_PIXELS) stays on: it guards every decode in the
    # process, the page-image route's too; ours below gives the message.
    tmp = Path(tempfile.mkdtemp(prefix="giaoviec-img-"))
    try:
        try:
            im = Image.open(io.BytesIO(data))
            frames = getattr(im, "n_frames", 1)
        except Image.DecompressionBombError as err:
            raise TooLarge(name, f"the image is too large to read ({err}); scan at 300 dpi") from err
        except (UnidentifiedImageError, OSError, ValueError) as err:
            raise UnreadableFile(name, f"the image is damaged or truncated ({err}); scan it again") from err
        if frames > config.max_pages:
            raise TooLarge(name, f"the image has {frames} pages, more than the limit of {config.max_pages}; split it")
        for k in range(frames):  # sizes first (no decoding): refuse before any work
            try:
                im.seek(k)
            except (OSError, ValueError, EOFError) as err:
                raise UnreadableFile(name, f"page {k + 1} of the image is damaged ({err}); scan it again") from err
            w, h = im.size
            if w * h > config.max_image_pixels:
                raise TooLarge(name, f"page {k + 1} is {w}x{h} = {w * h / 1e6:.0f} Mpx, more than the limit of "
                                     f"{config.max_image_pixels / 1e6:.0f} Mpx; scan at 300 dpi or raise "
                                     "max_image_pixels")

        import numpy as np

        def frames_as_arrays() -> Iterator[PageSource]:
            for k in range(frames):
                try:
                    im.seek(k)
                    # phone photos: rotation in EXIF (transposing copies the page: only when there is one)
                    turned = k == 0 and im.getexif().get(0x0112, 1) not in (0, 1)
                    frame = ImageOps.exif_transpose(im) if turned else im
                    dpi = image_dpi(frame.info)
                    gray = np.asarray(_shrink_for_ocr(frame.convert("L")))
                    dpi = _shrunk_dpi(frame.size, gray.shape, dpi)
                except (OSError, ValueError, SyntaxError, EOFError) as err:
                    raise UnreadableFile(name, f"page {k + 1} of the image is damaged or truncated ({err}); "
                                               "scan it again") from err
                yield functools.partial(_given, gray, dpi)

        results = _ocr_pages(frames_as_arrays(), frames, config=config, name=name, workdir=tmp,
                             progress=progress)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    pages: list[Page] = []
    blocks: list[Block] = []
    tables: list[Table] = []
    fixes: list[Fix] = []
    builders: list[PageBuilder] = []
    for number, result in enumerate(results, start=1):
        builder = PageBuilder(number)
        page = lay_out(result, builder, config)
        from dataclasses import replace

        for b in builder.blocks:
            blocks.append(replace(b, table=b.table + len(tables)) if b.table is not None else b)
        tables.extend(builder.tables)
        pages.append(page)
        fixes.extend(result.fixes)
        builders.append(builder)
    if not any(p.text for p in pages):
        raise EmptyFile(name, "no text was found in the image (blank, or too faint to read); check the scan")
    warnings = tuple(f"page {p.number}: poor OCR (Vietnamese quality {p.quality:.2f}); please review"
                     for p in pages if p.needs_review)
    return Document(source=name, sha256=hashlib.sha256(data).hexdigest(), format="image", pages=tuple(pages),
                    blocks=tuple(blocks), tables=tuple(tables), encoding=None, fixes=page_fixes(builders, fixes),
                    warnings=warnings)
