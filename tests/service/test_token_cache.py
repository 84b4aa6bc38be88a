"""Token -> user cache (issue 5: no token lookup per list request) and revocation: a token
revoked through the API or ``revoke_tokens`` stops working at once, despite the cache,
in this process and in any other process sharing the data directory."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache():
    from service.auth import token_cache

    ttl = token_cache.ttl
    token_cache.ttl = 3600.0  # long enough that only a revocation can end an entry during a test
    token_cache.bump()
    yield token_cache
    token_cache.ttl = ttl


def _me(api, token):
    return api.client.get("/api/me", headers={"Authorization": f"Bearer {token}"})


def _user_id(name):
    from sqlalchemy import select

    from service.storage.db import session_scope
    from service.storage.models import User

    with session_scope() as s:
        return s.scalar(select(User.id).where(User.name == name))


def test_cache_answers_without_the_database(api, cache):
    """Proof the cache is in play: a row changed behind its back (no revoke_tokens) is not
    seen while the entry lives, which is why revocation must go through revoke_tokens."""
    from service.storage.db import session_scope
    from service.storage.models import ApiToken

    assert _me(api, api.tokens["clerk"]).status_code == 200
    with session_scope() as s:
        s.execute(update(ApiToken).values(revoked=True).where(ApiToken.user_id == _user_id("clerk-1")))
    assert _me(api, api.tokens["clerk"]).status_code == 200
    cache.bump()
    assert _me(api, api.tokens["clerk"]).status_code == 401


def test_revoke_through_the_api_ends_a_cached_token(api, cache):
    tok = api.tokens["reviewer"]
    assert _me(api, tok).status_code == 200
    assert api.get("/api/assignments", role="reviewer").status_code == 200  # cached now
    uid = _user_id("reviewer-1")
    r = api.post(f"/api/users/{uid}/revoke")
    assert r.status_code == 200 and r.json() == {"id": uid, "revoked": 1}
    assert _me(api, tok).status_code == 401
    assert api.get("/api/assignments", role="reviewer").status_code == 401
    # other users are untouched; the revocation is audited; the old password no longer
    # signs in (issue 13: it handed out a new working token), a new one set by an admin does
    assert _me(api, api.tokens["clerk"]).status_code == 200
    audit = api.get("/api/audit?entity=user").json()["items"]
    assert any(a["action"] == "revoke_tokens" and a["entity_id"] == uid for a in audit)
    assert api.client.post("/api/auth/login", json={"name": "reviewer-1", "password": "pw-reviewer"}).status_code == 401
    api.post(f"/api/users/{uid}/password", json={"new_password": "pw-reviewer-2"})
    new = api.client.post("/api/auth/login", json={"name": "reviewer-1", "password": "pw-reviewer-2"}).json()["token"]
    assert _me(api, new).json()["name"] == "reviewer-1"


def test_revoke_is_for_admins_and_not_for_oneself(api, cache):
    uid = _user_id("clerk-1")
    assert api.post(f"/api/users/{uid}/revoke", role="clerk").status_code == 403
    assert api.post(f"/api/users/{uid}/revoke", role="reviewer").status_code == 403
    assert api.post(f"/api/users/{_user_id('admin-1')}/revoke").status_code == 409
    assert api.post("/api/users/999999/revoke").status_code == 404
    assert _me(api, api.tokens["admin"]).status_code == 200


def test_revoke_in_another_process_ends_a_cached_token(api, cache, service):
    """`serve --workers N` and the CLI are other processes: the epoch file in DATA_DIR tells."""
    tok = api.tokens["clerk"]
    assert _me(api, tok).status_code == 200
    code = ("from service.auth import revoke_tokens\n"
            "from service.storage.db import session_scope\n"
            f"with session_scope() as s: print(revoke_tokens(s, {_user_id('clerk-1')}))\n")
    env = dict(os.environ, GIAOVIEC_DATABASE_URL=service.database_url, GIAOVIEC_DATA_DIR=str(service.data_dir))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "1", out.stderr
    assert _me(api, tok).status_code == 401


def test_a_rolled_back_revocation_changes_nothing(api, cache):
    from service.auth import revoke_tokens
    from service.storage.db import session_scope

    epoch = cache.epoch()
    with pytest.raises(RuntimeError):
        with session_scope() as s:
            revoke_tokens(s, _user_id("clerk-1"))
            raise RuntimeError("abandon")
    assert cache.epoch() == epoch
    assert _me(api, api.tokens["clerk"]).status_code == 200


def test_users_revoke_cli_ends_a_cached_token(api, cache, service):
    """`giaoviec users revoke NAME`: the admin's command line way, another process again."""
    tok = api.tokens["reviewer"]
    assert _me(api, tok).status_code == 200
    env = dict(os.environ, GIAOVIEC_DATABASE_URL=service.database_url, GIAOVIEC_DATA_DIR=str(service.data_dir))
    run = [sys.executable, "-m", "service", "users", "revoke"]
    out = subprocess.run(run + ["reviewer-1"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().startswith("revoked 1 token(s) of reviewer-1; their password no longer signs in")
    assert _me(api, tok).status_code == 401
    assert _me(api, api.tokens["clerk"]).status_code == 200
    missing = subprocess.run(run + ["nobody"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert missing.returncode == 1 and "no user 'nobody'" in missing.stderr
    assert "Traceback" not in missing.stderr
