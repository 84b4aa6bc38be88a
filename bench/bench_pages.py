"""How fast the review pages come up, in the browser, against the real app.

    .venv/bin/python -m bench pages [--cadres 60] [--repeat 5]

Starts ``giaoviec serve`` on a temporary database, uploads the generated decision (with
CADRES cadres of three tasks each, a big appendix) and the scanned plan, then loads each page
five times in headless Chromium and prints the median time from navigation to the page
being set up (body[data-ready]; on the review page: its records shown) and the bytes the
page fetched. Times are quoted as a ratio to the sign-in page measured in the same run (the
baseline: a page with no API call), since absolute times depend on the machine's load.
The server and the documents are the browser tests' own (tests/ui/conftest.py,
tests/ui/documents.py); needs Debian's chromium and playwright, as those tests do. The table
goes to stderr, one JSON object to stdout (and bench/out/pages.json).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tests.ui import documents
from tests.ui.conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, _start_server
from tests.ui.documents import make_scan_pdf


def big_decision(path: Path, cadres: int) -> Path:
    """The test decision with CADRES invented cadres in its appendix table."""
    rows = []
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middle = ["Văn", "Thị", "Minh", "Quang", "Thu", "Đức"]
    given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lâm", "Nam", "Phúc", "Quân", "Sơn"]
    communes = ["Phú Đình", "Bình Yên", "Điềm Mặc", "Trung Hội", "Phượng Tiến", "Tân Dương"]
    for i in range(cadres):
        name = f"{family[i % 10]} {middle[i % 6]} {given[(i // 3) % 12]}"
        commune = communes[i % len(communes)]
        rows.append((name, f"Chủ tịch UBND xã {commune}", [
            (f"Xây dựng thôn số {i + 1} xã {commune} đạt chuẩn nông thôn mới kiểu mẫu", "Năm 2022"),
            (f"Vận động nhân dân hiến {100 + i * 10} m2 đất mở rộng đường liên thôn", "Năm 2022"),
            (f"Thành lập {1 + i % 4} tổ hợp tác chăn nuôi tại xã {commune}", "Năm 2022"),
        ]))
    saved = documents.DOCX_CADRES
    documents.DOCX_CADRES = rows
    try:
        return documents.make_docx(path)
    finally:
        documents.DOCX_CADRES = saved


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cadres", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        srv = _start_server(tmp / "srv")
        try:
            auth = {"Authorization": f"Bearer {srv.tokens['reviewer']}"}
            files = [big_decision(tmp / "quyet-dinh-lon.docx", args.cadres), make_scan_pdf(tmp / "ke-hoach.pdf")]
            for f in files:
                httpx.post(srv.url + "/api/documents", headers=auth, files={"file": (f.name, f.read_bytes())},
                           timeout=60).raise_for_status()
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:
                docs = httpx.get(srv.url + "/api/documents", headers=auth, timeout=30).json()["items"]
                if all(d["status"] in ("done", "failed") for d in docs):
                    break
                time.sleep(1)
            big = next(d for d in docs if d["name"] == files[0].name)
            print(f"decision: {big['status']}, {big['assignments']} assignments, {big['tasks']} tasks", file=sys.stderr)
            pages = ["/dang-nhap", "/van-ban", "/tai-len", f"/van-ban/{big['id']}", "/trung-lap", "/so-theo-doi"]
            results = {}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                ctx = browser.new_context(viewport=VIEWPORT)
                page = ctx.new_page()
                page.goto(srv.url + "/dang-nhap")
                page.evaluate("t => localStorage.setItem('giaoviec.token', t)", srv.tokens["reviewer"])
                for path in pages:
                    ready, idle, sizes = [], [], []
                    for _ in range(args.repeat):
                        t0 = time.perf_counter()
                        page.goto(srv.url + path)
                        page.wait_for_selector("body[data-ready]")
                        if path.startswith("/van-ban/"):
                            page.wait_for_selector("article.assignment")
                        ready.append(time.perf_counter() - t0)
                        page.wait_for_load_state("networkidle")
                        # The slowest API call the page made: how much of "ready" is the server's.
                        idle.append(page.evaluate("""() => Math.max(0, ...performance.getEntriesByType('resource')
                            .filter(e => e.name.includes('/api/')).map(e => e.duration))""") / 1000)
                        # Bytes of the page and everything it fetched (body sizes: the same warm or cold).
                        sizes.append(page.evaluate("""() => performance.getEntriesByType('navigation')
                            .concat(performance.getEntriesByType('resource'))
                            .reduce((n, e) => n + (e.decodedBodySize || 0), 0)"""))
                    results[path] = (statistics.median(ready), statistics.median(idle), statistics.median(sizes))
                browser.close()
            base = results["/dang-nhap"][0]
            print(f"{'page':28} {'ready ms':>9} {'x login':>8} {'api ms':>8} {'KiB':>7}", file=sys.stderr)
            for path, (ready, idle, size) in results.items():
                print(f"{path:28} {ready * 1000:9.0f} {ready / base:8.1f} {idle * 1000:8.0f} {size / 1024:7.1f}",
                      file=sys.stderr)
            summary = {"cadres": args.cadres, "repeat": args.repeat, "baseline": "/dang-nhap",
                       "pages": {("/van-ban/ID" if path.startswith("/van-ban/") else path): {
                           "ready_ms": round(ready * 1000), "x_baseline": round(ready / base, 2),
                           "api_ms": round(idle * 1000), "kib": round(size / 1024, 1)}
                           for path, (ready, idle, size) in results.items()}}
            print(json.dumps(summary, ensure_ascii=False))
        finally:
            srv.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
