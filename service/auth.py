"""Users, roles and API tokens.

Roles (vai trò): ``clerk`` (văn thư: upload, read), ``reviewer`` (người rà soát: clerk +
decide, correct, bulk, export), ``admin`` (quản trị: everything + users, tokens, audit).
Tokens are random, shown once, and stored only as their SHA-256. The FastAPI side (the
request's session, the caller, role checks) is in ``service/api/deps.py``. Each process remembers
who a token belongs to for 30 s (``TokenCache``: no lookup per request); revoking through
``revoke_tokens`` reaches every process sharing DATA_DIR at once.

    >>> from service.auth import create_user
    >>> user, token = create_user(session, "lan", "reviewer")
    >>> # then: Authorization: Bearer <token>
"""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from service.storage.db import SessionLocal
from service.storage.models import ApiToken, AuditLog, User, utcnow

if TYPE_CHECKING:
    from service.settings import Settings

ROLES = ("clerk", "reviewer", "admin")
RANK = {r: i for i, r in enumerate(ROLES)}


def hash_token(token: str) -> str:
    """>>> len(hash_token("abc"))
    64"""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# scrypt cost: 2^15 (OWASP's floor is 2^17 with r=8 for interactive logins on servers with
# memory to spare; 2^15 keeps a sign-in near 0.1 s and 32 MB on this 2-core machine, and the
# per-name and per-address throttle bounds guessing). The cost is stored in the hash, so it
# can be raised again without locking anyone out.
SCRYPT_LOG_N = 15


def _scrypt(password: str, salt: bytes, log_n: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**log_n, r=8, p=1,
                          maxmem=2**log_n * 8 * 128 * 2 + 2**20)


def hash_password(password: str) -> str:
    """scrypt with a random salt and its cost: ``scrypt2$logN$salt$hash``."""
    salt = secrets.token_bytes(16)
    return f"scrypt2${SCRYPT_LOG_N}${salt.hex()}${_scrypt(password, salt, SCRYPT_LOG_N).hex()}"


def check_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored`` (the current form, or the older
    ``scrypt$salt$hash`` made at cost 2^14).

    >>> check_password("x", hash_password("x")), check_password("y", hash_password("x"))
    (True, False)
    """
    if not stored:
        return False
    parts = stored.split("$")
    if parts[0] == "scrypt2" and len(parts) == 4 and parts[1].isdigit() and 10 <= int(parts[1]) <= 20:
        log_n, salt, digest = int(parts[1]), parts[2], parts[3]
    elif parts[0] == "scrypt" and len(parts) == 3:
        log_n, salt, digest = 14, parts[1], parts[2]
    else:
        return False
    got = _scrypt(password, bytes.fromhex(salt), log_n)
    return hmac.compare_digest(got.hex(), digest)


def new_token(session: Session, user: User, label: str | None = None) -> str:
    """Create an API token for ``user`` and return it (the only time it is visible)."""
    token = "gv_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=hash_token(token), label=label))
    session.flush()
    return token


def create_user(session: Session, name: str, role: str, password: str | None = None) -> tuple[User, str]:
    """Create a user and a first token.

    >>> user, token = create_user(session, "lan", "clerk")
    """
    if role not in ROLES:
        raise ValueError(f"role {role!r} is not one of {', '.join(ROLES)}")
    name = name.strip()
    if not name:
        raise ValueError("a user needs a name")
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise ValueError(f"user {name!r} already exists; choose another name")
    user = User(name=name, role=role, password_hash=hash_password(password) if password else None)
    session.add(user)
    session.flush()
    return user, new_token(session, user, label="created with user")


def token_cutoff(token_days: int):
    """Tokens issued before this have expired (``token_days`` after they were issued:
    ``settings.token_days``, GIAOVIEC_TOKEN_DAYS)."""
    from datetime import timedelta

    return utcnow() - timedelta(days=token_days)


def _live_token(token_hash: str, token_days: int):
    return (ApiToken.token_hash == token_hash, ApiToken.revoked.is_(False),
            ApiToken.created_at >= token_cutoff(token_days), User.active.is_(True))


def user_for_token(session: Session, token: str, token_days: int) -> User | None:
    """The active user owning ``token`` if it is live (not revoked, not older than
    ``token_days``), else None."""
    return session.scalar(select(User).join(ApiToken, ApiToken.user_id == User.id)
                          .where(*_live_token(hash_token(token), token_days)))


_DUMMY_HASH: list[str] = []


def check_login(user: User | None, password: str) -> bool:
    """Whether ``password`` is ``user``'s. An unknown name costs the same scrypt as a known
    one (a dummy hash), so the answer's time does not tell which names exist."""
    if user is None or not user.password_hash:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(hash_password(secrets.token_hex(8)))
        check_password(password, _DUMMY_HASH[0])
        return False
    return check_password(password, user.password_hash)


def revoke_token(session: Session, token: str) -> int:
    """Revoke one token (signing out); returns 1 if it was live."""
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token),
                                                ApiToken.revoked.is_(False)))
    if row is None:
        return 0
    row.revoked = True
    session.info["auth_changed"] = True
    return 1


def disable_user(session: Session, user: User) -> int:
    """Lock a user out (someone leaving): no token works, no sign-in, at once in every
    process; returns how many tokens were live. ``enable_user`` lets them back in."""
    user.active = False
    session.info["auth_changed"] = True
    return revoke_tokens(session, user.id)


def enable_user(session: Session, user: User) -> None:
    user.active = True
    session.info["auth_changed"] = True


def set_password(user: User, password: str | None) -> None:
    """A new password (None: no sign-in by password until one is set)."""
    if password is not None and len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    user.password_hash = hash_password(password) if password else None


class LoginThrottle:
    """Failed sign-ins per name and per address in a sliding window; past the limit the
    next attempt is refused (429) until the oldest failure leaves the window.

    Kept per process: with ``serve --workers N`` a guesser gets at most N times the limit.

    >>> t = LoginThrottle(per_name=2, per_address=10, window=60)
    >>> t.failed("lan", "10.0.0.1"); t.failed("lan", "10.0.0.1"); t.wait("lan", "10.0.0.2") > 0
    True
    """

    def __init__(self, per_name: int, per_address: int, window: float):
        self.per_name, self.per_address, self.window = per_name, per_address, window
        self._fails: dict[tuple[str, str], list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: tuple[str, str], now: float) -> list[float]:
        times = [t for t in self._fails.get(key, ()) if t > now - self.window]
        if times:
            self._fails[key] = times
        else:
            self._fails.pop(key, None)
        return times

    def wait(self, name: str, address: str) -> int:
        """Seconds until this name may try again from this address (0: now)."""
        now = time.monotonic()
        with self._lock:
            out = 0.0
            for key, limit in ((("name", name.strip().lower()), self.per_name),
                               (("address", address), self.per_address)):
                times = self._recent(key, now)
                if len(times) >= limit:
                    out = max(out, times[-limit] + self.window - now)
            return int(out) + 1 if out > 0 else 0

    def failed(self, name: str, address: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._fails) > 100_000:  # a spray of names: forget rather than grow
                self._fails.clear()
            for key in (("name", name.strip().lower()), ("address", address)):
                self._fails.setdefault(key, []).append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._fails.pop(("name", name.strip().lower()), None)


# (settings, throttle): the settings object itself is kept, not its id(), which Python
# reuses once an old settings object is freed (new settings then inherited old counts)
_throttle: list = []


def login_throttle(settings: Settings) -> LoginThrottle:
    """This process's throttle, with the limits of ``settings`` (new settings, new count)."""
    s = settings
    if not _throttle or _throttle[0] is not s:
        _throttle[:] = [s, LoginThrottle(s.login_failures_per_name, s.login_failures_per_address,
                                         s.login_window_seconds)]
    return _throttle[1]


def revoke_tokens(session: Session, user_id: int) -> int:
    """Revoke every token of a user; returns how many were live. Once the session commits,
    no process serving this DATA_DIR accepts them any more (see TokenCache)."""
    tokens = session.scalars(select(ApiToken).where(ApiToken.user_id == user_id,
                                                    ApiToken.revoked.is_(False))).all()
    for t in tokens:
        t.revoked = True
    session.info["auth_changed"] = True
    return len(tokens)


# --------------------------------------------------------------------------- token cache


@dataclass(frozen=True)
class SignedIn:
    """Who is calling: what routes read of the user (id, name, role), detached from any session."""

    id: int
    name: str
    role: str


class TokenCache:
    """token hash -> SignedIn for ``ttl`` seconds, so a list request does not look its token up.

    Revoking through ``revoke_tokens`` (API or code) bumps an epoch file in DATA_DIR after
    the commit; every process (``serve --workers N``, CLI) compares the file's mtime on
    each request (one stat) and drops its cache when it moved, so such a revocation holds
    at once everywhere. A token revoked or a user disabled by hand in the database stops
    working within ``ttl`` seconds.
    """

    def __init__(self, ttl: float = 30.0) -> None:
        self.ttl = ttl
        self._items: dict[str, tuple[float, int, SignedIn]] = {}
        self._lock = threading.Lock()

    def _epoch_path(self) -> Path:
        from service.settings import get_settings

        return Path(get_settings().data_dir) / "auth-epoch"

    def epoch(self) -> int:
        try:
            return self._epoch_path().stat().st_mtime_ns
        except OSError:
            return 0

    def get(self, token_hash: str, epoch: int) -> SignedIn | None:
        hit = self._items.get(token_hash)
        if hit is None or hit[1] != epoch or hit[0] < time.monotonic():
            return None
        return hit[2]

    def put(self, token_hash: str, epoch: int, who: SignedIn) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            if len(self._items) > 10_000:  # tokens of a big office: drop the lot rather than grow
                self._items.clear()
            self._items[token_hash] = (time.monotonic() + self.ttl, epoch, who)

    def bump(self) -> None:
        """Forget every cached token here, and tell the other processes to (epoch file)."""
        with self._lock:
            self._items.clear()
        path = self._epoch_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        # A new mtime even when two bumps fall in the same clock tick: write the time itself.
        ns = max(time.time_ns(), self.epoch() + 1)
        path.write_text(str(ns))
        os.utime(path, ns=(ns, ns))


token_cache = TokenCache()


@event.listens_for(SessionLocal, "after_commit")
def _bump_after_commit(session: Session) -> None:
    # After, not before, the commit: a process that read the old rows must not cache them
    # under the new epoch.
    if session.info.pop("auth_changed", False):
        token_cache.bump()


@event.listens_for(SessionLocal, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop("auth_changed", None)


def signed_in(session: Session, token: str, token_days: int) -> SignedIn | None:
    """The caller behind ``token`` (live: not revoked, not older than ``token_days``), from
    the cache or one query."""
    h = hash_token(token)
    epoch = token_cache.epoch()  # read before the query: a revocation after it moves the epoch
    who = token_cache.get(h, epoch)
    if who is None:
        row = session.execute(select(User.id, User.name, User.role).join(ApiToken, ApiToken.user_id == User.id)
                              .where(*_live_token(h, token_days))).first()
        if row is None:
            return None
        who = SignedIn(row.id, row.name, row.role)
        token_cache.put(h, epoch, who)
    return who


def audit(session: Session, user: User | SignedIn | None, action: str, entity: str, entity_id: int | None,
          before: dict | None = None, after: dict | None = None) -> None:
    """Record a write: who, when, what, before and after (JSON-able dicts)."""
    session.add(AuditLog(at=utcnow(), user_id=getattr(user, "id", None), user_name=getattr(user, "name", None),
                         action=action, entity=entity, entity_id=entity_id, before=before, after=after))
