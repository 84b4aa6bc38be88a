"""Roles and tokens: 401 without a valid token, 403 for a role that may not."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# (method, path, json body, the lowest role allowed)
ENDPOINTS = [
    ("get", "/api/me", None, "clerk"),
    ("get", "/api/documents", None, "clerk"),
    ("get", "/api/documents/1", None, "clerk"),
    ("post", "/api/documents/1/rerun", None, "reviewer"),  # issue 13: clerks upload and read
    ("get", "/api/assignments", None, "clerk"),
    ("get", "/api/tasks", None, "clerk"),
    ("get", "/api/duplicates", None, "clerk"),
    ("get", "/api/stats", None, "clerk"),
    ("patch", "/api/assignments/1", {"status": "confirmed"}, "reviewer"),
    ("patch", "/api/tasks/1", {"status": "confirmed"}, "reviewer"),
    ("post", "/api/review/bulk", {"task_ids": [], "status": "confirmed"}, "reviewer"),
    ("post", "/api/duplicates/1/decision", {"decision": "distinct"}, "reviewer"),
    ("post", "/api/duplicates/bulk", {"ids": [], "decision": "distinct"}, "reviewer"),
    ("get", "/api/export?format=csv", None, "reviewer"),
    ("get", "/api/users", None, "admin"),
    ("post", "/api/users", {"name": "x", "role": "clerk"}, "admin"),
    ("get", "/api/audit", None, "admin"),
]
RANK = {"clerk": 0, "reviewer": 1, "admin": 2}


def _call(client, method, path, body, headers):
    kw = {"headers": headers}
    if body is not None:
        kw["json"] = body
    return getattr(client, method)(path, **kw)


def test_role_matrix(api):
    """Every endpoint x (no token, bad token, wrong scheme, each role); one app for all."""
    c = api.client
    got, want = {}, {}
    for method, path, body, least in ENDPOINTS:
        for label, headers in (("none", {}), ("bad", {"Authorization": "Bearer nope"}),
                               ("basic", {"Authorization": "Basic abc"})):
            got[(path, method, label)] = _call(c, method, path, body, headers).status_code
            want[(path, method, label)] = 401
        for role in ("clerk", "reviewer", "admin"):
            code = _call(c, method, path, body, api.h(role)).status_code
            got[(path, method, role)] = "403" if code == 403 else ("401" if code == 401 else "allowed")
            want[(path, method, role)] = "403" if RANK[role] < RANK[least] else "allowed"
    assert got == want


def test_upload_needs_a_token(api):
    assert api.client.post("/api/documents", files=[("file", ("a.txt", b"x"))]).status_code == 401


def test_login_by_token_and_password(api):
    c = api.client
    r = c.post("/api/auth/login", json={"token": api.tokens["reviewer"]})
    assert r.status_code == 200 and r.json()["user"]["role"] == "reviewer"
    r = c.post("/api/auth/login", json={"name": "clerk-1", "password": "pw-clerk"})
    assert r.status_code == 200
    tok = r.json()["token"]
    assert c.get("/api/me", headers={"Authorization": f"Bearer {tok}"}).json()["name"] == "clerk-1"
    assert c.post("/api/auth/login", json={"name": "clerk-1", "password": "wrong"}).status_code == 401
    assert c.post("/api/auth/login", json={"token": "nope"}).status_code == 401
    assert c.post("/api/auth/login", json={}).status_code == 401


def test_admin_creates_user_and_token_is_stored_hashed(api):
    from sqlalchemy import select

    from service.storage.db import session_scope
    from service.storage.models import ApiToken

    r = api.post("/api/users", json={"name": "lan", "role": "reviewer"})
    assert r.status_code == 201
    tok = r.json()["token"]
    assert api.client.get("/api/me", headers={"Authorization": f"Bearer {tok}"}).json()["role"] == "reviewer"
    assert api.post("/api/users", json={"name": "lan", "role": "clerk"}).status_code == 409
    with session_scope() as s:
        stored = s.scalars(select(ApiToken.token_hash)).all()
    assert tok not in stored and len(stored) >= 4
    audit = api.get("/api/audit?entity=user").json()["items"]
    assert any(a["action"] == "create" and a["after"]["name"] == "lan" for a in audit)


def test_users_cli_prints_a_working_token(api, service):
    if not service.database_url.startswith("sqlite"):
        pytest.skip("the command is the same on every database; once is enough (each run starts Python)")
    env = dict(os.environ, GIAOVIEC_DATABASE_URL=service.database_url, GIAOVIEC_DATA_DIR=str(service.data_dir))
    out = subprocess.run([sys.executable, "-m", "service", "users", "add", "minh", "--role", "clerk"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    tok = out.stdout.strip()
    assert api.client.get("/api/me", headers={"Authorization": f"Bearer {tok}"}).json() == \
        {"id": 4, "name": "minh", "role": "clerk"}
    again = subprocess.run([sys.executable, "-m", "service", "users", "add", "minh", "--role", "clerk"],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert again.returncode == 1 and "already exists" in again.stderr
    listed = subprocess.run([sys.executable, "-m", "service", "users", "list"], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=60)
    assert "minh\tclerk" in listed.stdout
