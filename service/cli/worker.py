"""``giaoviec worker [--concurrency N]``: a Celery worker for GIAOVIEC_BROKER_URL.

It takes documents from the queue GIAOVIEC_QUEUE and runs the same processing
as the in-process pool.
"""
from __future__ import annotations

import argparse
import sys


def register(sub) -> None:
    p = sub.add_parser("worker", help="start a Celery worker (needs GIAOVIEC_BROKER_URL)")
    p.add_argument("--concurrency", type=int, default=None, help="processes (default GIAOVIEC_WORKERS)")
    p.add_argument("--loglevel", default="INFO")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from service.jobs import uses_celery
    from service.settings import get_settings

    s = get_settings()
    if not uses_celery(s):
        print("giaoviec worker: set GIAOVIEC_BROKER_URL (e.g. redis://127.0.0.1:6379/0); "
              "without it `giaoviec serve` processes documents itself", file=sys.stderr)
        return 2
    from service.jobs import celery_app, configure_celery
    from service.storage.db import init_db

    init_db(s.database_url)
    configure_celery(s)
    argv = ["worker", "--loglevel", args.loglevel, "-Q", s.queue,
            "--concurrency", str(args.concurrency or s.workers), "--without-gossip", "--without-mingle",
            "--pool", "prefork", "-n", f"giaoviec-{s.queue}@%h"]
    celery_app.worker_main(argv)
    return 0
