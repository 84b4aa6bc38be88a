"""The reviewer's day (issue 14) in the browser, against the real app and extraction:
a 3-document backlog reviewed with the keyboard only (adding a missed task from the
source, undo, the next document waiting, an export of the filtered register), and the
states that must tell the truth (failed, missing, corrected periods).

Three short TXT decisions (invented names and places) are uploaded through the API to a
server of this module's own, so the backlog is exactly theirs.
"""
from __future__ import annotations

import csv
import io
import time

import httpx
import pytest

from .conftest import _require_backend, _start_server, arrive, shot, sign_out

pytestmark = pytest.mark.slow

MISSED = "kiểm tra 3 phòng học của Trường Tiểu học Bình An"
SHARED = "xây dựng nhà văn hóa thôn Bản Pài"  # in two documents: a suggested duplicate pair
DOCS = {
    "qd-binh-an.txt": "QUYẾT ĐỊNH giao việc đột phá năm 2022\n"
                      "Năm 2022, đồng chí Hoàng Văn Sơn, Chủ tịch UBND xã Bình An được giao 2 việc đột phá là: "
                      f"{SHARED}; cứng hóa 2 km đường thôn Nà Khau.\n"
                      f"Ghi chú của Thường trực: đồng chí Sơn còn phải {MISSED}.\n",
    "qd-yen-lac.txt": "QUYẾT ĐỊNH giao việc đột phá năm 2023\n"
                      "Năm 2023, đồng chí Nông Thị Hạnh, Bí thư Đảng ủy xã Yên Lạc được giao 1 việc đột phá là: "
                      "thành lập hợp tác xã chè Yên Lạc.\n"
                      "Năm 2023, đồng chí Lý Văn Pao, Chủ tịch UBND xã Yên Lạc được giao 1 việc đột phá là: "
                      "kết nạp 5 đảng viên mới ở thôn Khuổi Xỏm.\n",
    "qd-phuc-loc.txt": "QUYẾT ĐỊNH giao việc đột phá năm 2024\n"
                       "Năm 2024, đồng chí Triệu Thị Mai, Chủ tịch UBND xã Phúc Lộc được giao 2 việc đột phá là: "
                       f"đưa chợ phiên Phúc Lộc vào hoạt động; {SHARED}.\n",
}


def _api(srv, method, path, role="reviewer", **kw):
    r = httpx.request(method, srv.url + path, headers={"Authorization": f"Bearer {srv.tokens[role]}"},
                      timeout=60, **kw)
    r.raise_for_status()
    return r.json() if r.content and "json" in r.headers.get("content-type", "") else r


@pytest.fixture(scope="module")
def backlog(tmp_path_factory):
    """A server with the three documents processed; ``srv.docs`` maps name -> id in upload order."""
    _require_backend()
    srv = _start_server(tmp_path_factory.mktemp("giaoviec-day"), roles=("clerk", "reviewer", "admin"))
    try:
        files = [("file", (name, text.encode("utf-8"), "text/plain")) for name, text in DOCS.items()]
        up = _api(srv, "POST", "/api/documents", role="clerk", files=files)["documents"]
        deadline = time.monotonic() + 300
        while True:
            docs = [_api(srv, "GET", f"/api/documents/{u['id']}") for u in up]
            if all(d["status"] in ("done", "failed") for d in docs):
                break
            assert time.monotonic() < deadline, (docs, srv.tail())
            time.sleep(0.5)
        assert all(d["status"] == "done" and d["assignments"] for d in docs), docs
        srv.docs = {d["name"]: d["id"] for d in docs}
        yield srv
    finally:
        srv.stop()


def focused(page) -> str:
    return page.evaluate("() => { const e = document.activeElement; return e ? (e.id || e.name || e.tagName) : ''; }")


def tab_to(page, element_id: str, limit: int = 60) -> None:
    """Press Tab until the element with ELEMENT_ID has the focus (keyboard only)."""
    for _ in range(limit):
        if page.evaluate("id => document.activeElement && document.activeElement.id === id", element_id):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"#{element_id} not reached with Tab; focus is on {focused(page)}")


def pending_of(srv, doc_id) -> list[str]:
    rows = _api(srv, "GET", f"/api/documents/{doc_id}/assignments")
    return [a["status"] for a in rows] + [t["status"] for a in rows for t in a["tasks"]]


def test_a_backlog_of_three_documents_reviewed_with_the_keyboard_only(backlog, page, tmp_path):
    srv = backlog
    first = srv.docs["qd-binh-an.txt"]
    # Sign in: type the token, Enter.
    page.goto(srv.url + "/dang-nhap")
    tab_to(page, "token")
    page.keyboard.type(srv.tokens["reviewer"])
    page.keyboard.press("Enter")
    arrive(page, r"/van-ban")
    # The document search ignores accents, like every search: "dot pha" finds "đột phá".
    tab_to(page, "f-q")
    page.keyboard.type("dot pha")
    page.keyboard.press("Enter")
    page.wait_for_function("""() => { const rows = [...document.querySelectorAll('#documents tbody tr[data-id]')];
        return rows.length === 3 && rows.every(r => r.cells[0].textContent.includes('đột phá')); }""")
    page.goto(f"{srv.url}/van-ban/{first}")  # typed in the address bar
    arrive(page, r"/van-ban/\d+")
    page.locator("article.assignment.current").wait_for()
    progress = page.locator("#progress")
    page.wait_for_function("/đã xem xét 0\\/\\d+ cán bộ/.test(document.getElementById('progress').textContent)")
    assert "còn 3 văn bản chờ" in progress.inner_text()
    shot(page, "20-hang-cho-bat-dau")

    # T: a task the extraction missed, typed; its place in the source is found and recorded.
    (son,) = _api(srv, "GET", f"/api/documents/{first}/assignments")
    n_tasks = len(son["tasks"])
    page.keyboard.press("t")
    assert focused(page) == f"add-task-{son['id']}"
    page.keyboard.type(MISSED)
    assert "Ghi nhận vị trí: trang 1" in page.locator(".add-form .span-note").inner_text()
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/api/tasks")) as added:
        page.keyboard.press("Enter")
    assert added.value.status == 201
    task = added.value.json()
    page_text = _api(srv, "GET", f"/api/documents/{first}/pages")[0]["text"]
    assert page_text[task["span"]["start"]:task["span"]["end"]] == MISSED
    page.wait_for_function(f"document.querySelectorAll('#a-{son['id']} li.task').length === {n_tasks + 1}")
    shot(page, "21-hang-cho-them-noi-dung")

    # C confirms the cadre with its pending tasks; U undoes it; C again.
    with page.expect_response(lambda r: "/api/review/bulk" in r.url):
        page.keyboard.press("c")
    page.wait_for_function(f"document.querySelector('#a-{son['id']}').classList.contains('st-confirmed')")
    assert set(pending_of(srv, first)) == {"confirmed"}
    page.keyboard.press("u")
    page.wait_for_function(f"document.querySelector('#a-{son['id']}').classList.contains('st-pending')")
    statuses = pending_of(srv, first)
    assert statuses.count("pending") == n_tasks + 1 and statuses.count("confirmed") == 1  # the added task
    assert focused(page) == f"a-{son['id']}"  # the card the undo re-drew is still the current one
    with page.expect_response(lambda r: "/api/review/bulk" in r.url):
        page.keyboard.press("c")
    page.wait_for_function(f"document.querySelector('#a-{son['id']}').classList.contains('st-confirmed')")
    assert set(pending_of(srv, first)) == {"confirmed"}

    # N: the next document waiting. J/K move between cadres; X rejects one, C confirms the other.
    page.keyboard.press("n")
    arrive(page, rf"/van-ban/{srv.docs['qd-yen-lac.txt']}$")
    page.locator("article.assignment.current").wait_for()
    cards = page.locator("article.assignment")
    assert cards.count() == 2
    page.keyboard.press("j")
    page.keyboard.press("k")
    first_card = page.locator("article.assignment.current").get_attribute("data-id")
    with page.expect_response(lambda r: "/api/review/bulk" in r.url):
        page.keyboard.press("x")
    page.wait_for_function(f"document.querySelector('#a-{first_card}').classList.contains('st-rejected')")
    # E edits the current cadre's first field; Escape saves it and goes back to the queue.
    page.wait_for_function(f"document.querySelector('article.assignment.current') && "
                           f"document.querySelector('article.assignment.current').dataset.id !== '{first_card}'")
    page.keyboard.press("e")
    assert focused(page).endswith("-cadre")
    with page.expect_response(lambda r: r.request.method == "PATCH"):
        page.keyboard.press("End")
        page.keyboard.type(" (sửa)")
        page.keyboard.press("Escape")
    with page.expect_response(lambda r: "/api/review/bulk" in r.url):
        page.keyboard.press("c")
    page.wait_for_function("!document.querySelector('article.assignment.st-pending')")
    shot(page, "22-hang-cho-van-ban-2")

    page.keyboard.press("n")
    arrive(page, rf"/van-ban/{srv.docs['qd-phuc-loc.txt']}$")
    page.locator("article.assignment.current").wait_for()
    with page.expect_response(lambda r: "/api/review/bulk" in r.url):
        page.keyboard.press("c")
    page.wait_for_function("/không còn văn bản nào chờ/.test(document.getElementById('progress').textContent)")
    p = _api(srv, "GET", "/api/review/progress")
    assert p["assignments"]["reviewed"] == p["assignments"]["total"] == 4 and p["waiting_documents"] == 0
    assert f"đã xem xét 4/4 cán bộ, {p['tasks']['total']}/{p['tasks']['total']} nội dung" in progress.inner_text()
    page.keyboard.press("n")
    page.locator("#flash", has_text="Không còn văn bản nào khác chờ xem xét").wait_for()

    # The register, filtered by typing, exported with the keyboard: the export holds what it shows.
    page.goto(srv.url + "/so-theo-doi")
    arrive(page, r"/so-theo-doi")
    tab_to(page, "r-q")
    page.keyboard.type("binh an")  # accent-insensitive: finds Bình An
    page.keyboard.press("Enter")
    page.wait_for_function("""() => { const rows = [...document.querySelectorAll('#records tbody tr[data-id]')];
        return rows.length > 0 && rows.every(r => r.cells[0].textContent === 'Hoàng Văn Sơn'); }""")
    shown = sorted(t.split("\n")[0].strip() for t in
                   page.locator("#records tbody tr[data-id] td:nth-child(4)").all_inner_texts())
    assert MISSED in shown
    # The chart follows the filter: one unit, Bình An.
    page.wait_for_function("""() => {
        const u = [...document.querySelectorAll('#chart svg text.unit')].map(t => t.textContent);
        return u.length === 1 && u[0].includes('Bình An'); }""")
    tab_to(page, "export-csv")
    with page.expect_download() as dl:
        page.keyboard.press("Enter")
    rows = list(csv.DictReader(io.StringIO(dl.value.path().read_bytes().decode("utf-8-sig"))))
    assert sorted(r["Nội dung"] for r in rows) == shown
    assert {r["Trạng thái"] for r in rows} == {"Đã xác nhận"}
    shot(page, "23-so-theo-doi-loc-xuat")


def test_a_corrected_period_still_shows_what_the_document_says_and_periods_are_highlighted(backlog, page):
    srv = backlog
    doc_id = srv.docs["qd-phuc-loc.txt"]
    (a,) = _api(srv, "GET", f"/api/documents/{doc_id}/assignments")
    written = a["period"]["text"]
    _api(srv, "PATCH", f"/api/assignments/{a['id']}", json={"period_start": 2024, "period_end": 2025})
    page.goto(srv.url + "/dang-nhap")
    page.get_by_label("Mã truy cập").fill(srv.tokens["reviewer"])
    page.get_by_role("button", name="Đăng nhập bằng mã").click()
    arrive(page, r"/van-ban")
    page.goto(f"{srv.url}/van-ban/{doc_id}")
    arrive(page, r"/van-ban/\d+")
    page.locator("article.assignment").first.wait_for()
    assert page.locator(f"#a-{a['id']} .written").inner_text() == f" (văn bản ghi: “{written}”)"
    assert "2025" not in written
    assert page.locator("mark.hl.f-period").count() >= 1
    assert written in page.locator("mark.hl.f-period").all_inner_texts()
    _api(srv, "PATCH", f"/api/assignments/{a['id']}", json={"period_end": 2024})


def test_failed_and_missing_documents_say_so_and_offer_nothing_to_confirm(backlog, page):
    srv = backlog
    up = _api(srv, "POST", "/api/documents", role="clerk",
              files=[("file", ("hong.pdf", b"%PDF-1.4\nkhong phai pdf that", "application/pdf"))])["documents"][0]
    deadline = time.monotonic() + 120
    while _api(srv, "GET", f"/api/documents/{up['id']}")["status"] not in ("done", "failed"):
        assert time.monotonic() < deadline
        time.sleep(0.3)
    page.goto(srv.url + "/dang-nhap")
    page.get_by_label("Mã truy cập").fill(srv.tokens["reviewer"])
    page.get_by_role("button", name="Đăng nhập bằng mã").click()
    arrive(page, r"/van-ban")
    page.goto(f"{srv.url}/van-ban/{up['id']}")
    arrive(page, r"/van-ban/\d+")
    page.locator("#doc-error").wait_for()
    assert "Lỗi khi xử lý văn bản" in page.locator("#doc-error").inner_text()
    assert "đang được xử lý" not in page.locator("#assignments").inner_text()
    assert "không đọc được" in page.locator("#assignments").inner_text()
    assert not page.get_by_role("button", name="Xác nhận tất cả").is_visible()
    shot(page, "24-van-ban-loi")
    for path, says in ((f"/van-ban/{99999}", "không có hoặc đã bị xóa"), ("/van-ban/abc", "không phải mã văn bản")):
        page.goto(srv.url + path)
        arrive(page, path)
        page.wait_for_function("document.getElementById('doc-title').textContent === 'Không tìm thấy văn bản'")
        assert says in page.locator("#doc-meta").inner_text()
        for name in ("Xác nhận tất cả", "Trích xuất lại", "Tải tệp gốc"):
            assert not page.get_by_role("button", name=name).is_visible()
            assert not page.get_by_role("link", name=name).is_visible()
        assert not page.locator("#review").is_visible()
    # (the page fixture fails the test on any uncaught error or unhandled rejection)


WIDTHS = (390, 768, 1366)
# What may scroll inside its own box: tables, the source text, the chart on a phone.
OWN_SCROLL = ".table-scroll, .page-view, #chart, .sr, .skip"
CUT_OFF = """sel => {
    const W = document.documentElement.clientWidth, bad = [];
    for (const el of document.body.querySelectorAll('*')) {
        if (el.closest(sel)) continue;
        const cs = getComputedStyle(el);
        if (cs.display === 'none' || cs.visibility === 'hidden' || cs.position === 'fixed') continue;
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height) continue;
        if (r.right > W + 1 || r.left < -1)
            bad.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${el.className} `
                     + `${Math.round(r.left)}..${Math.round(r.right)} > ${W}`);
    }
    return bad.slice(0, 8);
}"""


def page_paths(srv) -> list[str]:
    return ["/dang-nhap", "/tai-len", "/van-ban", f"/van-ban/{srv.docs['qd-yen-lac.txt']}", "/trung-lap",
            "/so-theo-doi?status=", "/quan-tri"]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen_without_scrolling_sideways(backlog, browser, width):
    """At 390 (phone), 768 (tablet) and 1366 px: the page never scrolls sideways and nothing
    sticks out of it; wide tables scroll inside their own box; below 900 px one column; and
    no page breaks the Content-Security-Policy."""
    srv = backlog
    ctx = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    ctx.set_default_timeout(45_000)
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # The security policy is enforced here (not bypassed): nothing on a page may break it.
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(srv.url + "/dang-nhap")
        page.evaluate("([t, u]) => { localStorage.setItem('giaoviec.token', t); "
                      "localStorage.setItem('giaoviec.user', u); }",
                      [srv.tokens["admin"], '{"name": "ui-admin", "role": "admin"}'])
        for path in page_paths(srv):
            page.goto(srv.url + path)
            page.wait_for_selector("body[data-ready]")
            page.wait_for_load_state("networkidle")
            if path.startswith("/van-ban/"):
                page.locator("article.assignment").first.wait_for()
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{path} at {width} px: the page scrolls sideways ({scroll} px wide)"
            assert page.evaluate(CUT_OFF, OWN_SCROLL) == [], f"{path} at {width} px: cut off"
            header = page.locator("header.top").bounding_box()
            assert header["height"] <= (110 if width < 900 else 60), f"{path} at {width} px: header {header}"
            if path.startswith("/van-ban/"):
                src, rec = page.locator("section.source").bounding_box(), page.locator("section.records").bounding_box()
                one_column = rec["y"] >= src["y"] + src["height"] - 1
                assert one_column == (width < 900), (width, src, rec)
            name = "xem-xet-van-ban" if path.startswith("/van-ban/") else path.strip("/").split("?")[0]
            shot(page, f"w{width}-{name}", full_page=True)
        assert not errors, errors
    finally:
        ctx.close()


def sign_in_as(page, srv, role):
    page.goto(srv.url + "/dang-nhap")
    page.get_by_label("Mã truy cập").fill(srv.tokens[role])
    page.get_by_role("button", name="Đăng nhập bằng mã").click()
    arrive(page, r"/van-ban")


def test_duplicate_decisions_show_on_the_records_with_who_and_when(backlog, page):
    srv = backlog
    pairs = _api(srv, "GET", "/api/duplicates?status=all")["items"]
    (pair,) = [p for p in pairs if p["a"]["text"] == p["b"]["text"] == SHARED]
    # A clerk reads the pair but is offered no keys that would do nothing.
    sign_in_as(page, srv, "clerk")
    page.goto(srv.url + "/trung-lap")
    arrive(page, "/trung-lap")
    assert not page.locator("#dup-keys").is_visible() and page.locator("#dup-readonly").is_visible()
    sign_out(page, srv, "clerk")
    sign_in_as(page, srv, "reviewer")
    page.goto(srv.url + "/trung-lap")
    arrive(page, "/trung-lap")
    assert page.locator("#dup-keys").is_visible()
    page.wait_for_function("document.querySelector('#pair').dataset.id")
    import re
    assert not re.search(r"Nhóm \d", page.locator("main").inner_text())  # no internal ids
    while page.locator("#pair").get_attribute("data-id") != str(pair["id"]):
        page.keyboard.press("s")
    with page.expect_response(lambda r: "/decision" in r.url):
        page.keyboard.press("d")
    page.reload()
    arrive(page, "/trung-lap")
    first = page.locator("#decided li").first
    first.wait_for()
    assert "Trùng lặp" in first.inner_text() and "ui-reviewer" in first.inner_text()
    # On the record, in the review page and the register.
    page.goto(f"{srv.url}/van-ban/{pair['a']['document_id']}")
    arrive(page, r"/van-ban/\d+")
    note = page.locator(f"#task-{pair['a']['task_id']} .dup-notes")
    note.wait_for()
    assert "đã xác định trùng lặp" in note.inner_text() and "ui-reviewer" in note.inner_text()
    assert pair["b"]["cadre"] in note.inner_text()
    page.goto(srv.url + "/so-theo-doi?status=")
    arrive(page, "/so-theo-doi")
    tag = page.locator(f'#records tr[data-id="{pair["a"]["task_id"]}"] .dup-tag')
    tag.wait_for()
    assert "trùng lặp" in tag.inner_text()


def test_an_admin_manages_users_and_reads_the_audit_log(backlog, page):
    srv = backlog
    sign_in_as(page, srv, "clerk")
    assert not page.get_by_role("link", name="Quản trị").is_visible()  # not in a clerk's menu
    page.goto(srv.url + "/quan-tri")
    arrive(page, "/quan-tri")
    assert page.locator("#not-admin").is_visible() and not page.locator("#admin").is_visible()
    sign_out(page, srv, "clerk")

    sign_in_as(page, srv, "admin")
    page.get_by_role("link", name="Quản trị").click()
    arrive(page, "/quan-tri")
    page.get_by_label("Tên đăng nhập").fill("ui-moi")
    page.get_by_label("Vai trò").select_option("reviewer")
    with page.expect_response(lambda r: r.url.endswith("/api/users") and r.request.method == "POST"):
        page.get_by_role("button", name="Thêm người dùng").click()
    token = page.locator("#token-value").inner_text()
    me = httpx.get(srv.url + "/api/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["name"] == "ui-moi" and me.json()["role"] == "reviewer"
    row = page.locator("#users tr", has_text="ui-moi")
    row.wait_for()
    page.on("dialog", lambda d: d.accept("mật-khẩu-mới-2026") if d.type == "prompt" else d.accept())
    me_status = lambda: httpx.get(srv.url + "/api/me", headers={"Authorization": f"Bearer {token}"}).status_code  # noqa: E731
    login = lambda: httpx.post(srv.url + "/api/auth/login",  # noqa: E731
                               json={"name": "ui-moi", "password": "mật-khẩu-mới-2026"}).status_code
    # reset the password (issue 13's route): sign-in by name and password works
    with page.expect_response(lambda r: r.url.endswith("/password")):
        row.get_by_role("button", name="Đặt lại mật khẩu").click()
    assert login() == 200
    # disable: the token and the password stop at once; enable lets them in again
    with page.expect_response(lambda r: r.url.endswith("/disable")):
        row.get_by_role("button", name="Khóa").click()
    page.locator("#users tr", has_text="ui-moi").locator(".badge", has_text="Đã khóa").wait_for()
    assert me_status() == 401 and login() == 401
    with page.expect_response(lambda r: r.url.endswith("/enable")):
        page.locator("#users tr", has_text="ui-moi").get_by_role("button", name="Mở khóa").click()
    page.locator("#users tr", has_text="ui-moi").locator(".badge", has_text="Đang dùng").wait_for()
    assert login() == 200
    with page.expect_response(lambda r: r.url.endswith("/revoke")):
        page.locator("#users tr", has_text="ui-moi").get_by_role("button", name="Thu hồi mọi mã").click()
    assert me_status() == 401
    # The audit log, filtered: who made ui-moi and revoked their tokens.
    page.get_by_label("Người làm").fill("ui-admin")
    page.get_by_label("Đối tượng", exact=True).select_option("user")
    page.get_by_role("button", name="Lọc", exact=True).click()
    page.wait_for_function("""() => { const rows = [...document.querySelectorAll('#audit tbody tr[data-id]')];
        return rows.length >= 2 && rows.every(r => r.cells[1].textContent === 'ui-admin'); }""")
    actions = page.locator("#audit tbody tr[data-id] td:nth-child(3)").all_inner_texts()
    assert {"Thêm", "Đặt mật khẩu", "Khóa tài khoản", "Mở khóa", "Thu hồi mã"} <= set(actions), actions
    assert set(page.locator("#audit tbody tr[data-id] td:nth-child(2)").all_inner_texts()) == {"ui-admin"}
    shot(page, "25-quan-tri")


def test_an_expired_token_sends_you_to_sign_in_with_a_message(backlog, page):
    srv = backlog
    page.goto(srv.url + "/dang-nhap")
    page.evaluate("""() => { localStorage.setItem('giaoviec.token', 'gv_expired-token-00000000000000000');
                            localStorage.setItem('giaoviec.user',
                                                 JSON.stringify({name: 'ui-reviewer', role: 'reviewer'})); }""")
    page.goto(srv.url + "/so-theo-doi")
    arrive(page, r"/dang-nhap\?het-han=1&next=%2Fso-theo-doi")
    assert "Phiên đăng nhập đã hết hạn" in page.locator("#expired").inner_text()
    page.get_by_label("Mã truy cập").fill(srv.tokens["reviewer"])
    page.get_by_role("button", name="Đăng nhập bằng mã").click()
    arrive(page, "/so-theo-doi")  # back where the reviewer was


def test_a_wrong_cadre_is_deleted_with_its_tasks_and_the_delete_undone(backlog, page):
    srv = backlog
    doc_id = srv.docs["qd-yen-lac.txt"]
    before = _api(srv, "GET", f"/api/documents/{doc_id}/assignments")
    sign_in_as(page, srv, "reviewer")
    page.goto(f"{srv.url}/van-ban/{doc_id}")
    arrive(page, r"/van-ban/\d+")
    page.locator("article.assignment.current").wait_for()
    gone = page.locator("article.assignment.current").get_attribute("data-id")
    victim = next(a for a in before if str(a["id"]) == gone)
    page.on("dialog", lambda d: d.accept())
    with page.expect_response(lambda r: r.request.method == "DELETE"):
        page.keyboard.press("Delete")
    page.wait_for_function(f"!document.getElementById('a-{gone}') && "
                           f"document.querySelectorAll('article.assignment').length === {len(before) - 1}")
    assert len(_api(srv, "GET", f"/api/documents/{doc_id}/assignments")) == len(before) - 1
    log = _api(srv, "GET", f"/api/audit?entity=assignment&entity_id={gone}", role="admin")["items"]
    assert log[0]["action"] == "delete" and log[0]["user_name"] == "ui-reviewer"
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/api/assignments")):
        page.keyboard.press("u")
    page.wait_for_function(f"document.querySelectorAll('article.assignment').length === {len(before)}")
    again = {a["cadre"]: a for a in _api(srv, "GET", f"/api/documents/{doc_id}/assignments")}
    back = again[victim["cadre"]]
    assert back["status"] == victim["status"] and back["span"] == victim["span"]
    assert [(t["text"], t["status"]) for t in back["tasks"]] == [(t["text"], t["status"]) for t in victim["tasks"]]
