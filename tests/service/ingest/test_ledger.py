"""The run ledger: which documents a run handed out, so the next run can take back those
of a run that died (kill -9, power cut) at once instead of waiting for stale heartbeats."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

from service.ingest import RunLedger


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_dead_runs_journal_gives_back_what_it_still_held(tmp_path):
    run = RunLedger(tmp_path)
    for doc in (1, 2, 3, 4):
        run.add(doc)
    run.remove(2)
    run.remove(4)
    run.remove(99)  # never held: no line
    assert run.path.read_text().splitlines()[1:] == ["+1", "+2", "+3", "+4", "-2", "-4"]
    # the same journal, as a killed run leaves it: another process's, and that process gone
    lines = run.path.read_text().splitlines()
    header = json.loads(lines[0]) | {"pid": _dead_pid()}
    (tmp_path / "ingest-runs" / "dead.json").write_text("\n".join([json.dumps(header), *lines[1:], "+5", "+"]))
    assert sorted(RunLedger(tmp_path).abandoned()) == [1, 3, 5]  # the torn last line is ignored
    assert not (tmp_path / "ingest-runs" / "dead.json").exists()  # taken back once only
    run.close()
    assert not run.path.exists()


def test_a_live_run_and_another_machines_run_are_left_alone(tmp_path):
    runs = tmp_path / "ingest-runs"
    runs.mkdir()
    me = RunLedger(tmp_path)
    live = {"host": me.host, "pid": os.getpid(), "started": me.started}
    (runs / "live.json").write_text(json.dumps(live) + "\n+7\n")
    other = {"host": socket.gethostname() + "-elsewhere", "pid": _dead_pid(), "started": "1"}
    (runs / "other.json").write_text(json.dumps(other) + "\n+8\n")
    assert RunLedger(tmp_path).abandoned() == []
    assert (runs / "live.json").exists() and (runs / "other.json").exists()


def test_a_ledger_written_by_an_earlier_version_is_still_read(tmp_path):
    """Before the journal, the ledger was one JSON object rewritten whole each time."""
    runs = tmp_path / "ingest-runs"
    runs.mkdir()
    old = {"host": socket.gethostname(), "pid": _dead_pid(), "started": "1", "documents": [11, 12]}
    (runs / "old.json").write_text(json.dumps(old))
    assert sorted(RunLedger(tmp_path).abandoned()) == [11, 12]


def test_celery_runs_keep_no_journal(tmp_path):
    run = RunLedger(tmp_path, mode="celery")
    run.add(1)
    assert not run.path.exists()
    run.close()
