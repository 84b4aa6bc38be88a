"""Tesseract itself: whether it can run, and the words of page images from it (in this
process through engine.py, else the tesseract command, batched by a list file)."""
from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from ...config import ExtractorConfig
from ...errors import MissingDependency, UnreadableFile
from .. import engine
from ..engine import PageImage, Word

TESSERACT_TIMEOUT = 1800  # seconds per page: a stuck process must not hang a batch (generous: shared machines)


def tesseract_available(language: str = "vie") -> bool:
    """True when Tesseract can read ``language``: in this process (tesserocr) or as the
    tesseract command."""
    return engine.inprocess_available(language) or tesseract_command_available(language)


@functools.lru_cache(maxsize=8)
def tesseract_command_available(language: str = "vie") -> bool:
    """True when the tesseract command is installed with ``language`` data."""
    binary = shutil.which("tesseract")
    if not binary:
        return False
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    langs = set((out.stdout + out.stderr).split())
    return all(part in langs for part in language.split("+"))


def tesseract_env() -> dict[str, str]:
    """Environment for a Tesseract child: one OpenMP thread (we parallelise by page)."""
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def process_count(config: ExtractorConfig, pages: int) -> int:
    """How many Tesseract processes to run at once."""
    n = config.ocr_processes or os.cpu_count() or 1
    return max(1, min(n, pages))


def _run_tesseract(image: PageImage, config: ExtractorConfig, psm: int = 3, name: str = "",
                   dpi: int | None = None) -> list[Word]:
    """Words with boxes from ``tesseract IMAGE stdout tsv``.

    ``dpi``: the page's resolution when known (a PDF page we rendered, a scan whose size
    on the page says it, an image file that records a plausible one). None lets
    Tesseract estimate it from the text height, as the plain command does for a file
    without one; forcing 300 on such images cost 7 % more time for no better text.
    """
    return _run_tesseract_batch([image], config, psm=psm, name=name, dpi=dpi)[0]


def _as_file(image: PageImage, name: str) -> Path:
    """An image the tesseract command can read: a file (arrays are read in process only)."""
    if isinstance(image, (str, Path)):
        return Path(image)
    raise UnreadableFile(name, "a page held in memory reaches Tesseract only through tesserocr, which is not "
                               "available; install tesserocr (see README)")


def _run_tesseract_batch(images: Sequence[PageImage], config: ExtractorConfig, psm: int = 3, name: str = "",
                         dpi: int | None = None, workdir: Path | None = None,
                         choices: bool = False) -> list[list[Word]]:
    """Words of each image, from one Tesseract process.

    Several images go in as a list file (one path a line), which Tesseract reads as the
    pages of one document: the model is loaded once for all of them. The TSV's
    ``page_num`` column (1-based, in list order) says which image a word is on.
    With tesserocr (engine.py) the images are read in this process instead, and may be
    arrays as well as files; ``choices`` then keeps each character's alternatives (the
    command gives none)."""
    if engine.inprocess_available(config.ocr_language):
        try:
            return engine.recognize(images, language=config.ocr_language, psm=psm, dpi=dpi, choices=choices)
        except RuntimeError as err:  # tesserocr's error for an image Leptonica cannot take
            raise UnreadableFile(name, f"Tesseract could not read a page image ({err}); check the scan") from err
    files = [_as_file(i, name) for i in images]
    if len(files) == 1:
        target = str(files[0])
    else:
        listing = (workdir or files[0].parent) / f"{files[0].stem}-batch.txt"
        listing.write_text("".join(f"{f.resolve()}\n" for f in files), encoding="utf-8")
        target = str(listing)
    cmd = ["tesseract", target, "stdout", "-l", config.ocr_language, "--psm", str(psm)]
    if dpi:
        cmd += ["--dpi", str(dpi)]
    cmd.append("tsv")
    timeout = TESSERACT_TIMEOUT * len(images)
    try:
        proc = subprocess.run(cmd, capture_output=True, env=tesseract_env(), timeout=timeout)
    except subprocess.TimeoutExpired as err:
        raise UnreadableFile(name, f"OCR of {len(images)} page(s) took more than {timeout}s; "
                                   "check the scan (very large or noisy?)") from err
    except OSError as err:
        raise MissingDependency(name, "the tesseract command could not be run; install tesseract-ocr "
                                      f"and tesseract-ocr-{config.ocr_language} (see README)") from err
    if proc.returncode != 0:
        raise UnreadableFile(name, "Tesseract could not read a page image "
                                   f"({proc.stderr.decode('utf-8', 'replace').strip()[:200]}); check the scan")
    pages: list[list[Word]] = [[] for _ in images]
    reader = csv.reader(io.StringIO(proc.stdout.decode("utf-8", "replace")), delimiter="\t",
                        quoting=csv.QUOTE_NONE)
    next(reader, None)  # the header line
    for row in reader:
        if len(row) < 12 or row[0] != "5":
            continue
        text = row[11].strip()
        if not text:
            continue
        try:
            page = int(row[1]) - 1
            word = Word(text, int(row[6]), int(row[7]), int(row[8]), int(row[9]), float(row[10]),
                        int(row[2]), int(row[3]), int(row[4]))
        except ValueError:
            continue
        if 0 <= page < len(pages):
            pages[page].append(word)
    return pages


def _osd_rotation(image: PageImage) -> int | None:
    """Degrees to turn the image clockwise to make it upright, per Tesseract OSD (``Rotate:``)."""
    if engine.inprocess_available("osd"):
        return engine.osd_rotation(image)
    try:
        proc = subprocess.run(["tesseract", str(image), "stdout", "--psm", "0"], capture_output=True,
                              env=tesseract_env(), timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("Rotate:"):
            try:
                return int(line.split(":")[1])
            except ValueError:
                return None
    return None


def _tesseract_dpi(dpi: int | None) -> int | None:
    """The resolution to tell Tesseract: none at 250 dpi and over, where it estimates one
    from the text height. Told the true 300, it ran 8 % more instructions on a deskewed
    bench page (callgrind: 12.46 G against 11.56 G; it estimated 429) for the same text
    (character error rate 0.09 % both ways on the bench's degraded pages). A low
    resolution (a 200-dpi scan) is still passed: there the estimate is not measured."""
    return dpi if dpi and dpi < 250 else None
