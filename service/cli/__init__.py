"""The ``giaoviec`` command.

Each sub-command lives in its own module here with ``register(subparsers)``, which
adds its parser and sets ``func(args) -> int``. Modules import heavy things inside
``func`` so that ``giaoviec --help`` stays fast. Exit status: 0 all good, 1 some
input failed, 2 usage error (argparse's own).
"""
from __future__ import annotations

import argparse
import importlib
import sys

# Order is the order of --help.
COMMANDS = ["read", "extract", "eval", "train", "dedup", "serve", "users", "worker", "ingest"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="giaoviec",
        description="Đọc văn bản giao việc đột phá và trích xuất: ai, làm gì, khi nào.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"service.cli.{name}")
        except ModuleNotFoundError as err:  # a command not built yet must not break the others
            if err.name != f"service.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("giaoviec: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # python -m service.cli
    sys.exit(main())
