"""Tesseract in this process (tesserocr), with the command line as the fallback.

tesserocr (MIT) binds the Tesseract C++ API: a page image goes in as the array we
already hold and words come back with boxes and confidences, with no image written
to disk, no process started, no model loaded per batch and no TSV parsed: on the
bench's office scans it takes about 0.7 of the command's CPU time a page, for table
cells as right (``python -m bench read``: ``engines_office_pages``,
``office_read_by_command``). The PyPI wheel carries its own
libtesseract (no OpenMP: one thread a call) and reads Debian's ``tessdata``.

One API object is kept per thread that reads (an API is not safe to share); it is
made once (the model load) and kept for the next document, at most ``MAX_APIS``.
Recognition releases the GIL, so the reader's threads keep both cores busy.

    >>> import numpy as np
    >>> recognize([np.full((40, 40), 255, np.uint8)], language="vie", psm=6)  # doctest: +SKIP
    [[]]
"""
from __future__ import annotations

import contextlib
import functools
import importlib
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol, TypeAlias

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Word", "Choice", "Reread", "RereadWord", "PageImage", "inprocess_available", "tessdata_dir",
           "recognize", "osd_rotation", "command_only", "library_version", "MAX_APIS"]

# What Tesseract reads: a 2-D grey array (uint8, or anything that converts to it) or an
# image file.
PageImage: TypeAlias = "np.ndarray | str | Path"

MAX_CHOICES = 6  # alternatives kept per character (the LSTM gives up to ~6 above 0)
# An alternative under this confidence is kept by no one (most are exactly 0); a word
# whose characters have none above it keeps no choices at all (Document JSON stays small)
MIN_CHOICE = 0.05
MAX_APIS = 8  # API objects kept between documents (one model each, ~40 MB)

# Where Debian, Fedora/Alpine and Homebrew put the language data; the tesseract
# command, when installed, says where its own is.
_TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                  "/usr/share/tessdata", "/usr/local/share/tessdata", "/opt/homebrew/share/tessdata")


@dataclass(frozen=True)
class Choice:
    """One reading of one character (symbol) of a word, with the model's confidence
    (0-1) in it: what the LSTM also considered at that place ("ầ" 0.56 beside the "ấ"
    it chose at 0.90)."""

    text: str
    prob: float


# One word of a second reading (ocr/reread.py): (text, confidence 0-100, each character's choices).
RereadWord: TypeAlias = tuple[str, float, tuple[tuple[Choice, ...], ...]]
# What one condition of a second reading read where a word of the first reading is: its
# words there, in order; () when it read nothing there.
Reread: TypeAlias = tuple[RereadWord, ...]


@dataclass
class Word:
    """A word as Tesseract read it: box in the image's pixels, confidence 0-100, and
    Tesseract's (block, paragraph, line) numbers. ``choices``, when asked for: per
    character, the readings the model weighed (best first)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    block: int
    par: int
    line: int
    choices: tuple[tuple[Choice, ...], ...] = field(default=(), repr=False)
    # what each condition of a second reading of the word's line read there (ocr/reread.py,
    # one per condition, in order): only for words of a name the repair will be unsure of
    rereads: tuple[Reread, ...] = field(default=(), repr=False)

    @property
    def cx(self) -> float:
        """The box's centre, across."""
        return self.left + self.width / 2

    @property
    def cy(self) -> float:
        """The box's centre, down."""
        return self.top + self.height / 2


# tesserocr ships no type stubs: what this module uses of it, as Protocols.
class _ChoiceIterator(Protocol):
    """One alternative reading of a character."""

    def GetUTF8Text(self) -> str: ...

    def Confidence(self) -> float: ...


class _ResultIterator(Protocol):
    """tesserocr's PyResultIterator: walks the recognised page at a level (tesserocr.RIL)."""

    def IsAtBeginningOf(self, level: int) -> bool: ...

    def Empty(self, level: int) -> bool: ...

    def GetUTF8Text(self, level: int) -> str | None: ...

    def BoundingBox(self, level: int) -> tuple[int, int, int, int] | None: ...

    def Confidence(self, level: int) -> float: ...

    def Next(self, level: int) -> bool: ...

    def GetChoiceIterator(self) -> Iterable[_ChoiceIterator]: ...


class _TessApi(Protocol):
    """tesserocr's PyTessBaseAPI: one loaded model, one image at a time."""

    def Clear(self) -> None: ...

    def End(self) -> None: ...

    def SetImageFile(self, filename: str) -> None: ...

    def SetImageBytes(self, imagedata: bytes, width: int, height: int, bytes_per_pixel: int,
                      bytes_per_line: int) -> None: ...

    def SetPageSegMode(self, psm: int) -> None: ...

    def SetVariable(self, name: str, val: str) -> bool: ...

    def Recognize(self) -> bool: ...

    def GetIterator(self) -> _ResultIterator | None: ...

    def DetectOrientationScript(self) -> dict[str, int | float | str] | None: ...


@functools.lru_cache(maxsize=1)
def _tesserocr() -> ModuleType | None:
    """The tesserocr module, or None when it is not installed."""
    try:
        return importlib.import_module("tesserocr")
    except ImportError:
        return None


def _library() -> ModuleType:
    """tesserocr, for callers that have checked :func:`inprocess_available`."""
    t = _tesserocr()
    if t is None:
        raise ImportError("tesserocr is not installed")
    return t


@functools.lru_cache(maxsize=8)
def tessdata_dir(language: str = "vie") -> str | None:
    """The directory holding ``language``'s ``.traineddata`` (each part of ``vie+eng``),
    or None when none is found."""
    parts = language.split("+")
    candidates: list[str] = []
    binary = shutil.which("tesseract")
    if binary:
        try:
            out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
            found = re.search(r'"([^"]+)"', out.stdout + out.stderr)
            if found:
                candidates.append(found.group(1))
        except (OSError, subprocess.TimeoutExpired):
            pass
    candidates += _TESSDATA_DIRS
    for d in candidates:
        if all((Path(d) / f"{p}.traineddata").is_file() for p in parts):
            return str(Path(d)) + "/"
    return None


_COMMAND_ONLY = [False]


def library_version() -> str | None:
    """tesserocr's Tesseract, as ``tesseract 5.5.4``; None when not installed."""
    t = _tesserocr()
    return str(t.tesseract_version()).splitlines()[0] if t is not None else None


def inprocess_available(language: str = "vie") -> bool:
    """True when tesserocr is importable and ``language`` data is found."""
    return not _COMMAND_ONLY[0] and _tesserocr() is not None and tessdata_dir(language) is not None


@contextlib.contextmanager
def command_only() -> Iterator[None]:
    """Within the ``with``, read as if tesserocr were not installed (the tesseract
    command): for the bench's side-by-side figures. Process-wide: not for a server."""
    before = _COMMAND_ONLY[0]
    _COMMAND_ONLY[0] = True
    try:
        yield
    finally:
        _COMMAND_ONLY[0] = before


_LOCK = threading.Lock()
_IDLE: dict[str, list[_TessApi]] = {}  # language -> API objects not in use


class _Api:
    """An API object for ``language`` for the duration of a ``with``, returned after."""

    api: _TessApi

    def __init__(self, language: str):
        self.language = language

    def __enter__(self) -> _TessApi:
        with _LOCK:
            idle = _IDLE.setdefault(self.language, [])
            api = idle.pop() if idle else None
        if api is None:
            t = _library()
            api = t.PyTessBaseAPI(path=tessdata_dir(self.language), lang=self.language, psm=t.PSM.AUTO)
        self.api = api
        return api

    def __exit__(self, *exc: object) -> None:
        self.api.Clear()
        with _LOCK:
            idle = _IDLE.setdefault(self.language, [])
            if len(idle) < MAX_APIS:
                idle.append(self.api)
                return
        self.api.End()


def _set_image(api: _TessApi, image: PageImage) -> None:
    """Hand ``image`` (a 2-D uint8 array, or an image file) to ``api``: an array as its
    raw bytes, no encoding."""
    if isinstance(image, (str, Path)):
        api.SetImageFile(str(image))
        return
    import numpy as np

    a = np.ascontiguousarray(image, dtype=np.uint8)
    h, w = a.shape[:2]
    api.SetImageBytes(a.tobytes(), w, h, 1, w)


def _words(api: _TessApi, t: ModuleType, choices: bool) -> list[Word]:
    """Every word of the recognised image, in Tesseract's order, numbered as its TSV
    numbers them (block, paragraph in block, line in paragraph: from 1). With
    ``choices``, walked character by character to keep each one's alternatives."""
    it = api.GetIterator()
    out: list[Word] = []
    if it is None:
        return out
    level: int = t.RIL.SYMBOL if choices else t.RIL.WORD
    block = par = line = 0
    current: Word | None = None
    symbols: list[tuple[Choice, ...]] = []

    def close() -> None:
        if current is not None:
            if any(len(sym) > 1 for sym in symbols):
                current.choices = tuple(symbols)
            out.append(current)

    while True:
        if it.IsAtBeginningOf(t.RIL.BLOCK):
            block, par, line = block + 1, 0, 0
        if it.IsAtBeginningOf(t.RIL.PARA):
            par, line = par + 1, 0
        if it.IsAtBeginningOf(t.RIL.TEXTLINE):
            line += 1
        if level == t.RIL.WORD or it.IsAtBeginningOf(t.RIL.WORD):
            close()
            current, symbols = None, []
            # an image block or a blank word has no text: tesserocr raises for it
            text = "" if it.Empty(t.RIL.WORD) else _text(it, t.RIL.WORD)
            box = it.BoundingBox(t.RIL.WORD)
            if text and text.strip() and box:
                x0, y0, x1, y1 = box
                current = Word(text.strip(), x0, y0, x1 - x0, y1 - y0, round(it.Confidence(t.RIL.WORD), 6),
                               block, par, line)
        if choices and current is not None:
            symbols.append(_symbol_choices(it))
        if not it.Next(level):
            break
    close()
    return out


def _text(it: _ResultIterator, level: int) -> str:
    """The iterator's text at ``level``; "" where tesserocr raises for an empty element."""
    try:
        return it.GetUTF8Text(level) or ""
    except RuntimeError:
        return ""


def _symbol_choices(it: _ResultIterator) -> tuple[Choice, ...]:
    """The LSTM's readings of the iterator's character (``lstm_choice_mode`` 2), best
    first, as probabilities 0-1; the character as read first when none are given."""
    found: list[Choice] = []
    try:
        for c in it.GetChoiceIterator():
            found.append(Choice(c.GetUTF8Text(), round(max(0.0, c.Confidence()) / 100, 4)))
    except RuntimeError:
        pass
    if not found:
        symbol: int = _library().RIL.SYMBOL
        found = [Choice(_text(it, symbol), round(it.Confidence(symbol) / 100, 4))]
    found.sort(key=lambda c: -c.prob)
    # the best is kept even at 0; the rest only when the model gave them some weight
    return tuple(c for k, c in enumerate(found[:MAX_CHOICES]) if k == 0 or c.prob >= MIN_CHOICE)


def recognize(images: Sequence[PageImage], *, language: str, psm: int = 3, dpi: int | None = None,
              choices: bool = False) -> list[list[Word]]:
    """The words of each image (a 2-D uint8 array or an image file), read in this
    thread by one API object. ``dpi``: told to Tesseract when known (as ``--dpi``);
    None lets it estimate the resolution from the text height. ``choices``: carry each
    character's alternatives (``Word.choices``)."""
    t = _library()
    out: list[list[Word]] = []
    with _Api(language) as api:
        api.SetPageSegMode(psm)
        api.SetVariable("user_defined_dpi", str(dpi or 0))
        api.SetVariable("lstm_choice_mode", "2" if choices else "0")
        for image in images:
            _set_image(api, image)
            if api.Recognize() is False:
                out.append([])
                continue
            out.append(_words(api, t, choices))
    return out


def osd_rotation(image: PageImage) -> int | None:
    """Degrees to turn the image clockwise to make it upright (Tesseract's orientation
    and script detection, ``osd`` data), or None when it cannot say."""
    if tessdata_dir("osd") is None:
        return None
    t = _library()
    with _Api("osd") as api:
        api.SetPageSegMode(t.PSM.OSD_ONLY)
        _set_image(api, image)
        try:
            found = api.DetectOrientationScript()
        except Exception:  # too little text to tell
            return None
    if not found:
        return None
    # orient_deg is how far the page is turned clockwise; upright takes the rest of the turn
    return (360 - int(found.get("orient_deg", 0))) % 360
