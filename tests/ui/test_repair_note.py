"""The review page shows a name repaired after OCR beside what the scan said (issue 12)."""
from __future__ import annotations

import time

import httpx
import pytest

from tests.service.documents import decision_lines, make_scan_pdf

from .conftest import _require_backend, _start_server, arrive

pytestmark = pytest.mark.slow


def _api(srv, method, path, role="reviewer", **kw):
    r = httpx.request(method, srv.url + path, headers={"Authorization": f"Bearer {srv.tokens[role]}"},
                      timeout=60, **kw)
    r.raise_for_status()
    return r.json() if r.content and "json" in r.headers.get("content-type", "") else r


def test_repaired_name_shows_its_original_until_corrected(tmp_path, page):
    _require_backend()
    srv = _start_server(tmp_path / "srv", roles=("clerk", "reviewer"))
    try:
        scan = make_scan_pdf(decision_lines(names=("Trân Văn Đũng", "Nông Thị Hồng")))
        (up,) = _api(srv, "POST", "/api/documents", role="clerk",
                     files=[("file", ("qd-scan.pdf", scan, "application/pdf"))])["documents"]
        deadline = time.monotonic() + 300
        while _api(srv, "GET", f"/api/documents/{up['id']}")["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline, srv.tail()
            time.sleep(0.5)
        a = _api(srv, "GET", f"/api/documents/{up['id']}/assignments")[0]
        assert a["cadre"] == "Trần Văn Dũng"

        page.goto(srv.url + "/dang-nhap")
        page.get_by_label("Mã truy cập").fill(srv.tokens["reviewer"])
        page.get_by_role("button", name="Đăng nhập bằng mã").click()
        arrive(page, r"/van-ban")
        page.goto(f"{srv.url}/van-ban/{up['id']}")
        arrive(page, r"/van-ban/\d+")
        card = page.locator(f"#a-{a['id']}")
        card.wait_for()
        note = card.locator(".field .repair")
        text = note.inner_text()
        assert "OCR đọc: Trân → sửa: Trần" in text and "OCR đọc: Đũng → sửa: Dũng" in text
        assert "dấu thanh" in text  # the reason
        assert page.locator(f"#a{a['id']}-cadre").input_value() == "Trần Văn Dũng"
        # once a reviewer sets the name (here: the scan was right, it is "Trân"), the note has done its work
        _api(srv, "PATCH", f"/api/assignments/{a['id']}", json={"cadre": "Trân Văn Dũng"})
        page.reload()
        arrive(page, r"/van-ban/\d+")
        page.locator(f"#a-{a['id']}").wait_for()
        assert page.locator(f"#a-{a['id']} .field .repair").count() == 0
    finally:
        srv.stop()
