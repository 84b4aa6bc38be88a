"""Run benchmarks: ``python -m bench all`` or ``python -m bench NAME [ARGS...]``.

Each ``bench/bench_NAME.py`` has ``main(argv=None)`` that measures against a baseline in
the same run and prints a JSON summary. Results are also written to bench/out/NAME.json.
"""
from __future__ import annotations

import contextlib
import importlib
import io
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def run(name: str, argv: list[str]) -> int:
    module = importlib.import_module(f"bench.bench_{name}")
    started = time.time()
    buf = io.StringIO()

    class Tee(io.TextIOBase):
        def write(self, s):
            sys.__stdout__.write(s)
            buf.write(s)
            return len(s)

    with contextlib.redirect_stdout(Tee()):
        rc = module.main(argv) or 0
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / f"{name}.json").write_text(
        json.dumps({"bench": name, "argv": argv, "seconds": round(time.time() - started, 1),
                    "output": buf.getvalue()}, ensure_ascii=False, indent=1), encoding="utf-8")
    return int(rc)


def main(argv: list[str]) -> int:
    names = available()
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__ + "\navailable: " + ", ".join(names))
        return 0 if argv else 2
    if argv[0] == "all":
        return max((run(n, []) for n in names), default=0)
    if argv[0] not in names:
        print(f"unknown benchmark {argv[0]!r}; available: {', '.join(names)}", file=sys.stderr)
        return 2
    return run(argv[0], argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
