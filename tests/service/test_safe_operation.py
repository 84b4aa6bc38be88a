"""Smaller rows of issue 13: security headers, HEAD /, API docs without a CDN, search
wildcards, a missing original restored by uploading it again, no password printed."""
from __future__ import annotations

import re
from pathlib import Path


def test_every_answer_has_the_security_headers(api):
    for r in (api.client.get("/"), api.get("/api/me"), api.client.get("/healthz"),
              api.client.post("/api/auth/login", content=b"x" * (2 << 20),
                              headers={"Content-Type": "application/json"})):
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert api.get("/api/me").headers["cache-control"] == "no-store"
    r = api.client.post("/api/auth/login", json={"name": "clerk-1", "password": "pw-clerk"})
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"


def test_head_is_answered_like_get_without_a_body(api):
    r = api.client.head("/")
    assert r.status_code == 200 and r.content == b""
    assert api.client.head("/healthz").status_code == 200


def test_api_docs_come_from_our_own_origin(api):
    r = api.client.get("/docs")
    assert r.status_code == 200
    assert not re.search(r"(src|href)=\"(https?:)?//", r.text), "docs load something from another host"
    for src in re.findall(r"(?:src|href)=\"([^\"]+)\"", r.text):
        assert api.client.get(src).status_code == 200, src
    assert api.client.get("/redoc").status_code == 404
    assert api.client.get("/openapi.json").status_code == 200


def test_search_wildcards_are_not_wildcards(api):
    api.upload([("a.txt", "Quyết định một".encode()), ("b.txt", "Quyết định hai".encode())])
    for q in ("%", "_", "%%", "%_%"):
        got = api.get("/api/documents", params={"q": q}).json()
        assert got["total"] == 0, (q, [d["name"] for d in got["items"]])


def test_uploading_the_same_bytes_again_restores_a_missing_original(api, service):
    data = "Quyết định giao nhiệm vụ".encode()
    doc = api.upload([("qd.txt", data)])[0]
    path = Path(service.data_dir) / "files" / doc["sha256"][:2] / doc["sha256"][2:]
    path.unlink()
    assert api.get(f"/api/documents/{doc['id']}/file").status_code == 410
    again = api.upload([("qd.txt", data)])[0]
    assert again["id"] == doc["id"] and again["duplicate"] is True
    r = api.get(f"/api/documents/{doc['id']}/file")
    assert r.status_code == 200 and r.content == data


def test_serve_does_not_print_the_database_password():
    from service.cli.serve import shown_url

    assert shown_url("postgresql+psycopg://app:s3cret@db:5432/gv") == "postgresql+psycopg://app:***@db:5432/gv"
    assert "pw" not in shown_url("celery redis://:pw@127.0.0.1:6379/0")
    assert shown_url("sqlite:///./data/giaoviec.db") == "sqlite:///./data/giaoviec.db"


def test_downloads_are_audited_and_errors_show_no_server_paths(api, service):
    from service.processing import process_document

    doc = api.upload([("qd.txt", "Quyết định số 12".encode())])[0]
    api.wait([doc["id"]])
    assert api.get(f"/api/documents/{doc['id']}/file", role="clerk").status_code == 200
    audit = api.get("/api/audit", params={"entity": "document", "entity_id": doc["id"]}).json()["items"]
    assert any(a["action"] == "download" and a["user_name"] == "clerk-1" for a in audit)
    (Path(service.data_dir) / "files" / doc["sha256"][:2] / doc["sha256"][2:]).unlink()
    assert api.post(f"/api/documents/{doc['id']}/rerun", role="reviewer").status_code == 202
    process_document(doc["id"])
    d = api.wait([doc["id"]])[0]
    assert d["status"] == "failed" and "upload the file again" in d["error"]["message"]
    assert str(service.data_dir) not in d["error"]["message"] and "/files/" not in d["error"]["message"]


def test_sqlite_commits_survive_a_power_cut(service):
    if not service.database_url.startswith("sqlite"):
        return
    from sqlalchemy import text

    from service.storage.db import session_scope

    with session_scope() as s:
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL


def test_exports_are_audited_with_their_filters(api):
    assert api.get("/api/export", params={"format": "csv", "year": 2023, "unit": "xã Hòa Phú"},
                   role="reviewer").status_code == 200
    audit = api.get("/api/audit", params={"entity": "register"}).json()["items"]
    mine = [a for a in audit if a["action"] == "export" and a["user_name"] == "reviewer-1"]
    assert mine and mine[0]["after"] == {"format": "csv", "status": "confirmed", "year": 2023, "unit": "xã Hòa Phú"}


def test_password_hashes_carry_their_cost_and_old_ones_still_work():
    import hashlib
    import secrets

    from service.auth import SCRYPT_LOG_N, check_password, hash_password

    stored = hash_password("mật khẩu")
    assert stored.startswith(f"scrypt2${SCRYPT_LOG_N}$") and SCRYPT_LOG_N >= 15
    assert check_password("mật khẩu", stored) and not check_password("mat khau", stored)
    salt = secrets.token_bytes(16)
    old = f"scrypt${salt.hex()}${hashlib.scrypt('cũ'.encode(), salt=salt, n=2**14, r=8, p=1).hex()}"
    assert check_password("cũ", old) and not check_password("moi", old)
    assert not check_password("x", "scrypt2$99$00$00") and not check_password("x", "md5$abc")
