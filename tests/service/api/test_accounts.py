"""Locking people out and keeping guessers out (issue 13): disable, revoke, sign-out,
password change, token expiry, sign-in throttling with failures audited, and unknown
names answered as slowly as known ones."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _login(api, name, password):
    return api.client.post("/api/auth/login", json={"name": name, "password": password})


def _me(api, token):
    return api.client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code


def _uid(api, name):
    return next(u["id"] for u in api.get("/api/users").json() if u["name"] == name)


def test_a_disabled_user_has_no_token_and_no_sign_in(api):
    uid = _uid(api, "reviewer-1")
    r = api.post(f"/api/users/{uid}/disable")
    assert r.status_code == 200 and r.json()["active"] is False and r.json()["revoked"] == 1
    assert _me(api, api.tokens["reviewer"]) == 401
    r = _login(api, "reviewer-1", "pw-reviewer")
    assert r.status_code == 401 and "disabled" in r.json()["detail"]
    listed = {u["name"]: u for u in api.get("/api/users").json()}
    assert listed["reviewer-1"]["active"] is False and listed["clerk-1"]["active"] is True
    assert api.post(f"/api/users/{_uid(api, 'admin-1')}/disable").status_code == 409  # not yourself
    assert api.post(f"/api/users/{uid}/enable").json()["active"] is True
    assert _login(api, "reviewer-1", "pw-reviewer").status_code == 200


def test_revoked_user_cannot_sign_in_with_the_password_until_a_new_one_is_set(api):
    uid = _uid(api, "clerk-1")
    assert api.post(f"/api/users/{uid}/revoke").json()["revoked"] == 1
    assert _me(api, api.tokens["clerk"]) == 401
    assert _login(api, "clerk-1", "pw-clerk").status_code == 401
    assert api.post(f"/api/users/{uid}/password", json={"new_password": "a new one 123"}).status_code == 200
    r = _login(api, "clerk-1", "a new one 123")
    assert r.status_code == 200 and _me(api, r.json()["token"]) == 200


def test_sign_out_ends_that_token_only(api):
    second = _login(api, "reviewer-1", "pw-reviewer").json()["token"]
    r = api.client.post("/api/auth/logout", headers={"Authorization": f"Bearer {second}"})
    assert r.status_code == 200 and r.json() == {"revoked": 1}
    assert r.headers["cache-control"] == "no-store"
    assert _me(api, second) == 401
    assert _me(api, api.tokens["reviewer"]) == 200


def test_password_change_needs_the_current_one(api):
    h = api.h("reviewer")
    r = api.client.post("/api/me/password", headers=h, json={"current_password": "nope", "new_password": "x" * 9})
    assert r.status_code == 403
    r = api.client.post("/api/me/password", headers=h, json={"current_password": "pw-reviewer",
                                                            "new_password": "changed-123"})
    assert r.status_code == 200
    assert _login(api, "reviewer-1", "pw-reviewer").status_code == 401
    assert _login(api, "reviewer-1", "changed-123").status_code == 200
    r = api.client.post("/api/me/password", headers=h,
                        json={"current_password": "changed-123", "new_password": "short"})
    assert r.status_code == 422


def test_tokens_expire(api, service):
    from sqlalchemy import update

    from service.auth import hash_token, token_cache
    from service.storage.db import session_scope
    from service.storage.models import ApiToken, utcnow

    with session_scope() as s:
        s.execute(update(ApiToken).where(ApiToken.token_hash == hash_token(api.tokens["clerk"]))
                  .values(created_at=utcnow() - timedelta(days=service.token_days + 1)))
    token_cache.bump()
    r = api.client.get("/api/me", headers=api.h("clerk"))
    assert r.status_code == 401 and "expired" in r.json()["detail"]
    assert api.client.post("/api/auth/login", json={"token": api.tokens["clerk"]}).status_code == 401
    assert _me(api, api.tokens["reviewer"]) == 200


def test_sign_in_is_throttled_per_name_and_failures_are_audited(api, service):
    for _ in range(service.login_failures_per_name):
        assert _login(api, "clerk-1", "wrong").status_code == 401
    r = _login(api, "clerk-1", "pw-clerk")  # even the right password waits now
    assert r.status_code == 429 and int(r.headers["retry-after"]) > 0 and "try again in" in r.json()["detail"]
    assert _login(api, "reviewer-1", "pw-reviewer").status_code == 200  # other names are not held up
    failed = [a for a in api.get("/api/audit?entity=user&limit=100").json()["items"] if a["action"] == "login_failed"]
    assert len(failed) == service.login_failures_per_name
    assert failed[0]["after"]["name"] == "clerk-1" and failed[0]["after"]["address"]


def test_sign_in_is_throttled_per_address(api, service, monkeypatch):
    from service import auth

    throttle = auth.login_throttle(service)
    monkeypatch.setattr(throttle, "per_address", 3)
    for k in range(3):
        assert _login(api, f"nobody-{k}", "wrong").status_code == 401
    assert _login(api, "reviewer-1", "pw-reviewer").status_code == 429


def test_unknown_names_take_as_long_as_known_ones(api, service):
    def timed(name):
        t = time.perf_counter()
        _login(api, name, "wrong")
        return time.perf_counter() - t

    from service import auth

    known, unknown = [], []
    for k in range(4):
        auth.login_throttle(service)._fails.clear()
        known.append(timed("admin-1"))
        unknown.append(timed(f"no-such-user-{k}"))
    # Before: 42 ms against 3.6 ms. Scrypt dominates both now.
    assert statistics.median(unknown) > 0.5 * statistics.median(known), (known, unknown)


def test_users_cli_disable_list_enable(api, service):
    if not service.database_url.startswith("sqlite"):
        pytest.skip("the command is the same on every database; once is enough (each run starts Python)")
    env = dict(os.environ, GIAOVIEC_DATABASE_URL=service.database_url, GIAOVIEC_DATA_DIR=str(service.data_dir))

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "service", "users", *args], capture_output=True, text=True,
                              env=env, cwd=ROOT, timeout=60)

    out = cli("disable", "reviewer-1")
    assert out.returncode == 0 and "disabled reviewer-1" in out.stdout, out.stderr
    assert _me(api, api.tokens["reviewer"]) == 401  # at once: the epoch moved
    listed = cli("list").stdout
    assert "reviewer-1\treviewer\tdisabled\tyes\t0" in listed and "clerk-1\tclerk\tactive\tyes\t1" in listed
    assert cli("disable", "nobody").returncode == 1
    assert cli("enable", "reviewer-1").returncode == 0
    assert cli("password", "reviewer-1", "--password", "new-pass-1").returncode == 0
    assert _login(api, "reviewer-1", "new-pass-1").status_code == 200
    out = cli("revoke", "reviewer-1")
    assert out.returncode == 0 and _login(api, "reviewer-1", "new-pass-1").status_code == 401
