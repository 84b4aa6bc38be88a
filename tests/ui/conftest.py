"""Browser tests of the review page against the REAL app.

``giaoviec serve`` runs in a subprocess on a free port with a temporary data directory
and SQLite database; users are made with ``giaoviec users add``; Debian's Chromium
(/usr/bin/chromium, never a downloaded one) drives the pages headless. Screenshots go
to artifacts/screenshots/ (gitignored) for people to look at.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
GIAOVIEC = Path(sys.executable).with_name("giaoviec")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1366, "height": 768}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running ``giaoviec serve`` with its own data directory and database."""

    def __init__(self, workdir: Path):
        workdir.mkdir(parents=True, exist_ok=True)
        self.workdir = workdir
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "GIAOVIEC_DATA_DIR": str(workdir / "data"),
            "GIAOVIEC_DATABASE_URL": f"sqlite:///{workdir / 'giaoviec.db'}",
            "GIAOVIEC_BROKER_URL": "",
            "GIAOVIEC_BOOTSTRAP_ADMIN": "false",
            "OMP_THREAD_LIMIT": "1",
        }
        self.env.pop("GIAOVIEC_BROKER_URL")
        self.log = open(workdir / "serve.log", "w+b")
        self.proc: subprocess.Popen | None = None

    def command(self, *args: str) -> str:
        done = subprocess.run([str(GIAOVIEC), *args], cwd=self.workdir, env=self.env,
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"giaoviec {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")
        return done.stdout

    def add_user(self, name: str, role: str) -> str:
        """``giaoviec users add NAME --role ROLE`` prints the new token; return it."""
        out = self.command("users", "add", name, "--role", role)
        tokens = re.findall(r"[A-Za-z0-9_\-\.]{20,}", out)
        if not tokens:
            raise RuntimeError(f"no token in the output of giaoviec users add: {out!r}")
        return tokens[-1]

    def launch(self) -> None:
        """Start ``giaoviec serve`` (returns at once; :meth:`start` waits until it answers)."""
        self.proc = subprocess.Popen([str(GIAOVIEC), "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                                     cwd=self.workdir, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)

    def start(self) -> None:
        if self.proc is None:
            self.launch()
        import httpx

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if httpx.get(self.url + "/", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"giaoviec serve did not come up: {self.tail()}")

    def tail(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")[-3000:]

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def _start_server(workdir: Path, roles=("clerk", "reviewer")) -> Server:
    srv = Server(workdir)
    # The first user creates the database; the server then starts while the others are added.
    srv.tokens = {roles[0]: srv.add_user(f"ui-{roles[0]}", roles[0])}
    srv.launch()
    srv.tokens.update({role: srv.add_user(f"ui-{role}", role) for role in roles[1:]})
    srv.start()
    return srv


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The real app, started once for the UI tests; users ui-clerk and ui-reviewer."""
    _require_backend()
    srv = _start_server(tmp_path_factory.mktemp("giaoviec-ui"))
    yield srv
    srv.stop()


@pytest.fixture()
def fresh_server(tmp_path):
    """A server of its own, just started (nothing loaded yet), for what only happens cold."""
    _require_backend()
    srv = _start_server(tmp_path / "srv")
    yield srv
    srv.stop()


def _require_backend() -> None:
    if not GIAOVIEC.exists():
        pytest.skip(f"{GIAOVIEC} is absent: run `make setup`")
    try:
        import service.app  # noqa: F401
    except ImportError as err:
        pytest.skip(f"the backend (service/app.py, issue 5) is not importable yet: {err}")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make system-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def context(browser):
    # bypass_csp: Playwright runs a string given to wait_for_function with eval, which the
    # pages' Content-Security-Policy (script-src 'self', issue 13) refuses. The pages
    # themselves need no eval; test_review_day's layout test loads every page with the
    # policy enforced and fails on any violation.
    ctx = browser.new_context(viewport=VIEWPORT, locale="vi-VN", accept_downloads=True, bypass_csp=True)
    # Generous: the machine the suite runs on may be shared and loaded; nothing here measures time.
    ctx.set_default_timeout(45_000)
    yield ctx
    ctx.close()


@pytest.fixture()
def page(context):
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    yield pg
    # A script error on any page fails the test that saw it.
    assert not errors, f"JavaScript errors: {errors}"


def sign_in(page, server, role: str = "reviewer") -> None:
    """Sign in through the form as a user of ROLE."""
    page.goto(server.url + "/dang-nhap")
    page.get_by_label("Mã truy cập").fill(server.tokens[role])
    page.get_by_role("button", name="Đăng nhập bằng mã").click()
    arrive(page, r"/van-ban")


def sign_out(page, server, role: str) -> None:
    """Sign out with the button. The server revokes the token it was signed in with (POST
    /api/auth/logout), so ROLE gets a new one (``giaoviec users token``) for what follows."""
    page.get_by_role("button", name="Đăng xuất").click()
    arrive(page, r"/dang-nhap")
    server.tokens[role] = server.command("users", "token", f"ui-{role}").split()[-1]


def arrive(page, pattern: str) -> None:
    """Wait until the page is at a URL matching PATTERN and has set itself up.

    Not `page.wait_for_url`: our pages rewrite their own query with history.replaceState
    while loading (the register adds ?status=confirmed), and Playwright's navigation
    waiter can then miss the `load` of the document it matched and time out (seen once
    in CI). Polling the URL, then the page's own ready mark, does not depend on which
    navigation events fired in which order."""
    from playwright.sync_api import expect

    expect(page).to_have_url(re.compile(pattern), timeout=45_000)  # expect's own default is 5 s
    page.wait_for_selector("body[data-ready]")


def shot(page, name: str, full_page: bool = False) -> Path:
    """Save a screenshot to artifacts/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
