"""Extraction speed and memory.

1. Whole-pipeline time (read + docinfo + spaCy pipeline + linkers) over a batch of text
   documents, against underthesea ``word_tokenize`` alone on the same texts, in the same
   run (target: ratio <= 3).
2. Peak memory (max RSS) of ``giaoviec extract`` run as a user runs it over 100 documents
   (target: <= 1.5 GB).

    python -m bench extract [--docs DIR ...] [--repeat 2] [--memory-docs 100]

Defaults: every NAME.txt/.md/.html in corpora/extract/{train,dev}.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _files(dirs: list[Path]) -> list[Path]:
    out = []
    for d in dirs:
        out.extend(sorted(p for p in d.iterdir() if p.suffix in (".txt", ".md", ".html")))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench extract")
    ap.add_argument("--docs", type=Path, nargs="*",
                    default=[ROOT / "corpora" / "extract" / "train", ROOT / "corpora" / "extract" / "dev"])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--memory-docs", type=int, default=100)
    args = ap.parse_args(argv)

    from underthesea import word_tokenize

    from extractor.nlp import load_nlp
    from extractor.pipeline import extract
    from extractor.read import read

    files = _files(args.docs)
    if not files:
        print(json.dumps({"error": f"no documents in {[str(d) for d in args.docs]}"}))
        return 1
    texts = [read(f).text for f in files]
    # warm both up: models load once per process, as in the service
    load_nlp()
    word_tokenize(texts[0])
    extract(str(files[0]))

    # interleaved per document, best of N for each: the machine is shared, and load that
    # comes and goes must hit both sides alike
    base_t = [float("inf")] * len(files)
    pipe_t = [float("inf")] * len(files)
    found = 0
    for r in range(args.repeat):
        for i, (f, s) in enumerate(zip(files, texts, strict=True)):
            t = time.perf_counter()
            word_tokenize(s)
            base_t[i] = min(base_t[i], time.perf_counter() - t)
            t = time.perf_counter()
            n = len(extract(str(f)).assignments)
            pipe_t[i] = min(pipe_t[i], time.perf_counter() - t)
            if r == 0:
                found += n
    base, pipe = sum(base_t), sum(pipe_t)

    # memory: a fresh `giaoviec extract` over N documents (files repeated if fewer)
    n = args.memory_docs
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(n):
            src = files[i % len(files)]
            dst = Path(tmp) / f"{i:04d}{src.suffix}"
            dst.write_bytes(src.read_bytes())
            paths.append(str(dst))
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "service", "extract", *paths],
                              capture_output=True, text=True, cwd=ROOT)
        cli_seconds = time.perf_counter() - t
        lines = proc.stdout.count("\n")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    chars = sum(len(s) for s in texts)
    result = {
        "documents": len(files), "characters": chars, "assignments": found,
        "word_tokenize_seconds": round(base, 3), "pipeline_seconds": round(pipe, 3),
        "ratio_pipeline_vs_word_tokenize": round(pipe / base, 2), "target_ratio": 3.0,
        "pipeline_docs_per_second": round(len(files) / pipe, 1),
        "memory_docs": n, "memory_cli_exit": proc.returncode, "memory_cli_lines": lines,
        "memory_cli_seconds": round(cli_seconds, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1), "target_peak_rss_mb": 1536,
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
