"""One dispatcher (issue 15): where documents are processed is chosen in service.jobs and
nowhere else; uploads, the sweeper and ``giaoviec ingest`` follow the same choice."""
from __future__ import annotations

import pytest


def test_the_broker_setting_alone_chooses_celery(service, monkeypatch):
    from service import jobs
    from service.settings import Settings

    assert jobs.dispatcher(service).kind == "in-process" and not jobs.uses_celery(service)
    celery = jobs.dispatcher(Settings(broker_url="redis://127.0.0.1:6379/0", queue="q1"))
    assert (celery.kind, celery.queue) == ("celery", "q1")


def test_a_batch_gets_processes_unless_a_broker_is_set(service):
    # ``giaoviec ingest`` asks for processes; the broker setting still wins, as for uploads.
    from service import jobs
    from service.ingest.summary import read_counts
    from service.settings import Settings

    pool = jobs.dispatcher(service, processes=3, report=read_counts)
    assert (pool.kind, pool.processes) == ("process pool", 3)
    broker = Settings(broker_url="redis://127.0.0.1:6379/0", queue="q1")
    assert jobs.dispatcher(broker, processes=3, report=read_counts).kind == "celery"
    with pytest.raises(ValueError, match="report"):
        jobs.dispatcher(service, processes=3)


def test_ingest_asked_for_celery_without_a_broker_says_what_to_set(service, tmp_path):
    # It used to queue to this process's threads instead, and wait for them as if Celery ran them.
    from service.ingest import ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Năm 2022, đồng chí Lê Văn A, Chủ tịch UBND xã B được giao: làm đường.")
    with pytest.raises(ValueError, match="GIAOVIEC_BROKER_URL"):
        ingest(tmp_path / "in", use_celery=True, progress=False)


def test_an_upload_is_sent_where_the_dispatcher_says(api, monkeypatch):
    # A real upload, processed by the in-process pool the dispatcher chose.
    from service import jobs

    sent = []
    real = jobs.InProcessDispatcher.send
    monkeypatch.setattr(jobs.InProcessDispatcher, "send",
                        lambda self, i, match=True: (sent.append(i), real(self, i, match=match)))
    (doc,) = api.upload([("qd.txt", "Năm 2022, đồng chí Lê Văn An, Chủ tịch UBND xã Hòa Phú được giao: "
                                    "hoàn thành 2 km đường.".encode())])
    assert sent == [doc["id"]]
    assert api.wait([doc["id"]])[0]["status"] == "done"


def test_a_job_the_app_left_running_is_waited_for_before_the_next_database(service, monkeypatch):
    # An app shutting down stops its pool without waiting; the job still running then wrote
    # through the next test's database and deadlocked with its TRUNCATE. Stopping with
    # wait=True (the fixture, a worker's exit) must see it end.
    import threading

    from service import jobs, processing

    started, release, finished = threading.Event(), threading.Event(), []

    def slow(document_id, **_kw):
        started.set()
        release.wait(10)
        finished.append(document_id)

    monkeypatch.setattr(processing, "process_document", slow)
    jobs.get_runner().submit(7)
    assert started.wait(10)
    jobs.shutdown_runner(wait=False)
    assert finished == []
    threading.Timer(0.3, release.set).start()
    jobs.shutdown_runner(wait=True)
    assert finished == [7]
