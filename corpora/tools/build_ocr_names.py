"""Build corpora/ocr_names/: Vietnamese names rendered, degraded, OCR'd, labelled with the truth.

    python corpora/tools/build_ocr_names.py [--n 1200] [--seed 0] [--titles | --choices] [--out FILE]

Names are drawn from the repair lexicon (extractor/repair/data, family, middle and given
names by their weights, plus some rare ones), written one a line on a page image with
PIL in serif and sans fonts with every Vietnamese letter, degraded (small type, blur,
noise, down- and up-scaling, JPEG, slight rotation) and read with ``tesseract -l vie
--psm 6``. A page whose line count does not match is read name by name. Each line of
the output: {"read", "true", "font", "size", "severity"}. ``--titles``: titles and
bodies (the repair's phrases, with a place) instead, to corpora/ocr_names/titles.jsonl.
``--choices``: names read by Tesseract in process (extractor/read/engine.py) with each
word's confidence and each character's alternatives, to corpora/ocr_names/names_choices.jsonl
(:func:`read_with_choices`).
Needs tesseract-ocr-vie; set OMP_THREAD_LIMIT=1 on a shared machine.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

FONTS = {
    # the fonts here that carry every precomposed Vietnamese letter (fc-list :lang=vi)
    "serif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "serif-bold": "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "serif-condensed": "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf",
    "sans": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "sans-condensed-bold": "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
}
# (type size in px at 300 dpi, scale-down factor, blur radius, noise sigma, JPEG quality)
SEVERITIES = {
    "office": (54, 0.67, 0.7, 8, 60),  # 13 pt scanned at 200 dpi grey
    "small": (40, 0.6, 0.8, 10, 50),  # 9-10 pt table cells at 180 dpi
    "poor": (44, 0.5, 1.0, 14, 40),  # a copy of a copy at 150 dpi
    "worst": (38, 0.45, 0.9, 12, 35),  # small type, 135 dpi, heavy JPEG
    "fax": (36, 0.4, 1.1, 16, 30),  # past what offices send: most names come back damaged
}
PER_PAGE = 30


def _names(n: int, rng: random.Random) -> list[str]:
    from extractor.repair import GIVEN, MIDDLE, SURNAME, lexicon

    lex = lexicon()
    pools = {slot: (list(d), [w for w in d.values()]) for slot, d in lex.items()}

    def pick(slot, flat=False):
        names, weights = pools[slot]
        # a third of the draws ignore the weights: rare names must be left alone too
        k = rng.choice(names) if flat else rng.choices(names, weights=[w ** 0.5 for w in weights])[0]
        return k[:1].upper() + k[1:]

    out = []
    for _ in range(n):
        flat = rng.random() < 0.33
        middles = rng.choices([0, 1, 2], weights=[1, 6, 2])[0]
        parts = [pick(SURNAME, flat)] + [pick(MIDDLE, flat) for _ in range(middles)] + [pick(GIVEN, flat)]
        name = " ".join(parts)
        out.append(name.upper() if rng.random() < 0.1 else name)
    return out


PLACES = ["Hòa Phú", "Kim Bình", "Yên Sơn", "Chiêm Hóa", "Tân Lập", "Bình An", "Vĩnh Quang", "Minh Quang",
          "Phúc Sơn", "Trung Hà", "Nà Hang", "Lâm Bình", "Hàm Yên", "Xuân Vân", "Đức Ninh"]
LEVELS = ["xã", "huyện", "tỉnh", "thị trấn", "phường"]


def _titles(n: int, rng: random.Random) -> list[str]:
    """Titles and bodies as positions are written: a known phrase, often with its place."""
    from extractor.repair import _phrases

    phrases = [" ".join(p) for p in _phrases() if len(p) >= 2]
    out = []
    for _ in range(n):
        t = rng.choice(phrases)
        if rng.random() < 0.4:
            t += f" {rng.choice(['UBND', 'Đảng ủy', 'Ủy ban nhân dân'])}"
        if rng.random() < 0.7:
            t += f" {rng.choice(LEVELS)} {rng.choice(PLACES)}"
        out.append(t)
    return out


def _degrade(img: Image.Image, sev: str, rng: random.Random) -> Image.Image:
    _, scale, blur, noise, quality = SEVERITIES[sev]
    img = img.rotate(rng.uniform(-0.8, 0.8), resample=Image.BICUBIC, fillcolor=255, expand=False)
    img = img.filter(ImageFilter.GaussianBlur(blur))
    w, h = img.size
    img = img.resize((int(w * scale), int(h * scale)), Image.BILINEAR)
    arr = np.asarray(img, dtype=np.float32)
    arr = arr + np.random.default_rng(rng.randrange(1 << 30)).normal(0, noise, arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return img.resize((w, h), Image.BILINEAR)  # back to about 300 dpi, as the reader does


def _page(names: list[str], font: str, size: int) -> Image.Image:
    f = ImageFont.truetype(FONTS[font], size)
    line = int(size * 2.2)
    width = max(int(size * 22), int(max(f.getlength(n) for n in names)) + 2 * size)
    img = Image.new("L", (width, line * len(names) + 2 * line), 255)
    d = ImageDraw.Draw(img)
    for i, n in enumerate(names):
        d.text((size, line + i * line), n, font=f, fill=0)
    return img


def _ocr(img: Image.Image) -> list[str]:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    r = subprocess.run(["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "6", "--dpi", "300"],
                       input=buf.getvalue(), capture_output=True, env=env, check=True)
    return [ln.strip() for ln in r.stdout.decode("utf-8").splitlines() if ln.strip()]


def read_with_choices(n: int, seed: int, threads: int = 2, rereads: bool = False) -> list[dict]:
    """``n`` names drawn, rendered and degraded as above but read by Tesseract in process
    (extractor/read/engine.py, ``--psm 6``, 300 dpi) with each character's alternatives:
    {"read", "true", "conf", "choices", "severity"}, ``choices`` per word per character
    [[text, prob], ...] (empty for a word whose characters had no alternative). The same
    seed gives the same names; the reads depend on the Tesseract build.

    ``rereads``: a name the repair is unsure of (``extractor.repair.unsure``) is read a
    second time from its own line of the same image under each condition of
    ``extractor/read/ocr/reread.py``: "rereads", [{"cond", "read", "conf", "choices"}, ...]
    (absent for a name not read again). The first reading is the same either way."""
    import unicodedata
    from concurrent.futures import ThreadPoolExecutor

    from extractor.read import engine
    from extractor.read.ocr.reread import CONDITIONS, box_reader
    from extractor.repair import unsure

    rng = random.Random(seed)
    names = _names(n, rng)
    pages = []
    for at in range(0, len(names), PER_PAGE):
        batch = names[at:at + PER_PAGE]
        font = rng.choice(list(FONTS))
        sev = rng.choice(list(SEVERITIES))
        pages.append((batch, font, sev, rng.randrange(1 << 30)))

    def lines(img: np.ndarray) -> list[list[engine.Word]]:
        words = engine.recognize([img], language="vie", psm=6, dpi=300, choices=True)[0]
        grouped: dict[tuple[int, int, int], list[engine.Word]] = {}
        for w in words:
            grouped.setdefault((w.block, w.par, w.line), []).append(w)
        return [grouped[k] for k in sorted(grouped)]

    def text(ws: list[engine.Word]) -> str:
        return " ".join(unicodedata.normalize("NFC", w.text) for w in ws)

    def choices(ws: list[engine.Word]) -> list:
        return [[[[c.text, c.prob] for c in sym] for sym in w.choices] for w in ws]

    def row(ws: list[engine.Word], true: str, sev: str, img: np.ndarray) -> dict:
        out = {"read": text(ws), "true": true, "conf": [round(w.conf, 1) for w in ws], "choices": choices(ws),
               "severity": sev}
        if rereads and ws and unsure(out["read"], out["conf"], out["choices"]):
            again = box_reader(img, [(w.left, w.top, w.width, w.height) for w in ws])()
            out["rereads"] = [{"cond": cond, "read": text(r), "conf": [round(w.conf, 1) for w in r],
                               "choices": choices(r)} for cond, r in zip(CONDITIONS, again, strict=True)]
        return out

    def one(page: tuple[list[str], str, str, int]) -> list[dict]:
        batch, font, sev, seed = page
        prng = random.Random(seed)
        size = SEVERITIES[sev][0]
        img = np.asarray(_degrade(_page(batch, font, size), sev, prng).convert("L"))
        read = lines(img)
        if len(read) == len(batch):
            return [row(ws, true, sev, img) for ws, true in zip(read, batch, strict=True)]
        out = []  # lines merged or split: each name alone
        for name in batch:
            alone = np.asarray(_degrade(_page([name], font, size), sev, prng).convert("L"))
            out.append(row([w for ln in lines(alone) for w in ln], name, sev, alone))
        return out

    with ThreadPoolExecutor(max_workers=threads) as pool:
        return [row for rows in pool.map(one, pages) for row in rows]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--titles", action="store_true", help="titles and bodies instead of names")
    ap.add_argument("--choices", action="store_true",
                    help="names read in process with confidences and each character's alternatives")
    ap.add_argument("--rereads", action="store_true",
                    help="with --choices: names the repair is unsure of also read again from their own line")
    ap.add_argument("--out", default=None,
                    help="default corpora/ocr_names/names.jsonl (titles.jsonl, names_choices.jsonl)")
    args = ap.parse_args(argv)
    kind = "titles" if args.titles else "names_choices" if args.choices else "names"
    args.out = args.out or str(ROOT / "corpora/ocr_names" / f"{kind}.jsonl")
    if args.choices:
        rows = read_with_choices(args.n, args.seed, rereads=args.rereads)
        Path(args.out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} names read with alternatives -> {args.out}", file=sys.stderr)
        return 0
    rng = random.Random(args.seed)
    names = _titles(args.n, rng) if args.titles else _names(args.n, rng)
    rows = []
    for at in range(0, len(names), PER_PAGE):
        batch = names[at:at + PER_PAGE]
        font = rng.choice(list(FONTS))
        sev = rng.choice(list(SEVERITIES))
        size = SEVERITIES[sev][0]
        read = _ocr(_degrade(_page(batch, font, size), sev, rng))
        if len(read) != len(batch):  # lines merged or split: read each name alone
            read = []
            for n in batch:
                got = _ocr(_degrade(_page([n], font, size), sev, rng))
                read.append(" ".join(got))
        for r, t in zip(read, batch, strict=True):
            rows.append({"read": r, "true": t, "font": font, "size": size, "severity": sev})
        print(f"{len(rows)}/{len(names)}", file=sys.stderr, end="\r")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    damaged = sum(r["read"] != r["true"] for r in rows)
    print(f"\n{len(rows)} names, {damaged} read differently from the truth -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
