"""The review page's own behaviour against the real app: sign in and out, roles, labels,
keyboard, layout at 1366x768, failed uploads explained in Vietnamese, the word diff."""
from __future__ import annotations

import re

import pytest

from .conftest import arrive, shot, sign_in, sign_out

pytestmark = pytest.mark.slow

PAGES = ["/tai-len", "/van-ban", "/trung-lap", "/so-theo-doi"]


def test_sign_in_with_a_token_shows_the_role_and_signs_out(server, page):
    page.goto(server.url + "/dang-nhap")
    page.get_by_label("Mã truy cập").fill("gv_not-a-real-token-000000000000")
    page.get_by_role("button", name="Đăng nhập bằng mã").click()
    error = page.locator("#login-error")
    error.wait_for(state="visible")
    assert "không đúng" in error.inner_text()
    shot(page, "01-dang-nhap-sai-ma")

    sign_in(page, server, "reviewer")
    assert page.locator("#who-role").inner_text() == "Người xem xét"
    assert page.locator("#who-name").inner_text() == "ui-reviewer"
    assert page.evaluate("localStorage.getItem('giaoviec.token')") == server.tokens["reviewer"]

    signed_out = server.tokens["reviewer"]
    sign_out(page, server, "reviewer")
    assert page.evaluate("localStorage.getItem('giaoviec.token')") is None
    # the server ended the session too: the old token no longer works
    import httpx
    assert httpx.get(server.url + "/api/me", headers={"Authorization": f"Bearer {signed_out}"}).status_code == 401


def test_sign_in_with_name_and_password(server, page):
    server.command("users", "add", "ui-thu-ky", "--role", "clerk", "--password", "mật-khẩu-đủ-dài-123")
    page.goto(server.url + "/dang-nhap")
    page.get_by_label("Tên đăng nhập").fill("ui-thu-ky")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập bằng mật khẩu").click()
    page.locator("#login-error").wait_for(state="visible")
    page.get_by_label("Mật khẩu").fill("mật-khẩu-đủ-dài-123")
    page.get_by_role("button", name="Đăng nhập bằng mật khẩu").click()
    arrive(page, r"/van-ban")
    assert page.locator("#who-role").inner_text() == "Văn thư"


def test_a_page_without_a_token_sends_you_to_sign_in_and_back(server, page):
    for path in PAGES + ["/van-ban/1"]:
        if page.url.startswith(server.url):  # signed in by the previous round: sign out
            page.evaluate("localStorage.clear()")
        page.goto(server.url + path, wait_until="commit")  # the page itself moves on to sign-in
        arrive(page, r"/dang-nhap\?next=")
        page.get_by_label("Mã truy cập").fill(server.tokens["clerk"])
        page.get_by_role("button", name="Đăng nhập bằng mã").click()
        arrive(page, re.escape(path) + r"(\?|$)")


def test_a_revoked_or_wrong_token_in_storage_goes_back_to_sign_in(server, page):
    page.goto(server.url + "/dang-nhap")
    page.evaluate("""() => { localStorage.setItem('giaoviec.token', 'gv_wrong-token-0000000000000000');
                            localStorage.setItem('giaoviec.user', JSON.stringify({name: 'x', role: 'admin'})); }""")
    page.goto(server.url + "/van-ban")
    arrive(page, r"/dang-nhap")
    assert page.evaluate("localStorage.getItem('giaoviec.token')") is None


def test_a_clerk_reads_but_is_not_offered_review_actions(server, page):
    sign_in(page, server, "clerk")
    page.goto(server.url + "/so-theo-doi")
    page.locator("#rec-count").wait_for()
    page.wait_for_function("document.querySelector('#rec-count').textContent !== ''")
    assert not page.get_by_role("button", name="Tải CSV").is_visible()
    assert "chỉ người xem xét" in page.locator(".export").inner_text()
    page.goto(server.url + "/trung-lap")
    page.wait_for_function("document.querySelector('#pair').children.length > 0")
    assert not page.get_by_role("button", name="Trùng lặp (D)").is_visible()


def test_every_page_fits_1366_labels_every_field_and_speaks_vietnamese(server, page):
    sign_in(page, server, "reviewer")
    for path in PAGES + ["/dang-nhap"]:
        page.goto(server.url + path)
        page.wait_for_selector("body[data-ready]")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 1366, f"{path}: horizontal scroll at 1366x768"
        unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
            .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
            .map(e => e.id || e.name || e.outerHTML.slice(0, 60))""")
        assert unlabelled == [], path
        assert page.get_attribute("html", "lang") == "vi"
        # No English label slipped in: every button says something in Vietnamese.
        for text in page.locator("button:visible").all_inner_texts():
            english = r"\b(Submit|Save|Cancel|Upload|Login|Logout|Next|Previous|Delete|Choose)\b"
            assert not re.search(english, text), (path, text)


def test_the_menu_and_the_upload_box_are_reachable_with_the_keyboard(server, page):
    sign_in(page, server, "reviewer")
    page.goto(server.url + "/tai-len")
    page.wait_for_selector("body[data-ready]")
    seen = []
    while "drop" not in seen and len(seen) < 15:
        page.keyboard.press("Tab")
        seen.append(page.evaluate("(document.activeElement.id || document.activeElement.textContent || '').trim()"))
    assert "Tải lên" in seen and "Văn bản" in seen and "Sổ theo dõi" in seen
    assert "drop" in seen, seen
    # Enter on the drop box asks the browser for its file chooser (the many-files input).
    # Whether headless Chromium then shows one depends on the order of earlier tests in the
    # same browser (seen here: never after the page sweep), so the request itself is counted.
    page.evaluate("""() => { const i = document.getElementById('files'); window.chooserAsked = 0;
                             i.click = () => { window.chooserAsked += 1; }; }""")
    page.focus("#drop")
    page.keyboard.press("Enter")
    page.keyboard.press(" ")
    assert page.evaluate("window.chooserAsked") == 2
    assert page.get_attribute("#files", "multiple") is not None


def test_a_failed_upload_says_why_in_vietnamese(server, page, tmp_path):
    sign_in(page, server, "clerk")
    page.goto(server.url + "/tai-len")
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    odd = tmp_path / "chuong-trinh.exe"
    odd.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00 not a document at all \x00\xff" * 20)
    page.set_input_files("#files", [str(empty), str(odd)])
    rows = page.locator("#uploads tbody tr")
    for name in ("trong.txt", "chuong-trinh.exe"):
        page.locator(f'#uploads tr[data-name="{name}"][data-status="failed"]').wait_for(timeout=60_000)
    assert rows.count() == 2
    text = page.locator("#uploads").inner_text()
    assert "Tệp rỗng" in text
    assert "Định dạng tệp chưa được hỗ trợ" in text
    shot(page, "02-tai-len-loi")


WORD_DIFF_CASES = [
    # (a, b, words of a marked, words of b marked)
    ("kết nạp 5 đảng viên", "kết nạp 12 đảng viên", ["5"], ["12"]),
    ("Xây dựng thôn Hòa Phú", "xây dựng thôn Hoà Phú.", [], []),
    ("hiến 2500 m2 đất mở rộng đường", "hiến 2500 m2 đất để mở rộng đường", [], ["để"]),
    ("", "một hai", [], ["một", "hai"]),
]


@pytest.mark.parametrize("a,b,marked_a,marked_b", WORD_DIFF_CASES)
def test_word_diff_marks_only_the_words_that_differ(server, page, a, b, marked_a, marked_b):
    page.goto(server.url + "/dang-nhap")
    page.add_script_tag(url="/static/diff.js")
    got = page.evaluate("([a, b]) => GVDiff.wordDiff(a, b)", [a, b])
    assert [t["w"] for t in got["a"] if not t["same"]] == marked_a
    assert [t["w"] for t in got["b"] if not t["same"]] == marked_b
    # Nothing is lost: the words in order are the text.
    assert " ".join(t["w"] for t in got["a"]) == " ".join(a.split())
    assert " ".join(t["w"] for t in got["b"]) == " ".join(b.split())


DATES = [
    ("2022-03-01", "01/03/2022"),
    ("2026-11-25T22:55:44.539935", "26/11/2026"),      # UTC, 05:55 next day in Hà Nội
    ("2026-11-25T10:00:00+07:00", "25/11/2026"),
    ("", ""),
]


def test_dates_are_shown_dd_mm_yyyy_on_the_clerks_day(server, browser):
    ctx = browser.new_context(timezone_id="Asia/Ho_Chi_Minh", bypass_csp=True)
    try:
        page = ctx.new_page()
        page.goto(server.url + "/dang-nhap")
        assert [page.evaluate("iso => GV.date(iso)", iso) for iso, _ in DATES] == [shown for _, shown in DATES]
    finally:
        ctx.close()


def test_the_extractors_words_are_shown_in_vietnamese(server, page):
    page.goto(server.url + "/dang-nhap")
    say = lambda fn, arg: page.evaluate(f"a => GV.{fn}(a)", arg)  # noqa: E731
    assert say("warning", "declared 7 tasks, found 2") == "công bố 7 nội dung, tìm thấy 2"
    assert say("warning", "page 3: poor OCR (Vietnamese quality 0.41); please review").startswith(
        "trang 3: chữ nhận dạng kém")
    assert say("period", {"start": 2022, "end": 2022}) == "Năm 2022"
    assert say("period", {"start": 2021, "end": 2025}) == "Giai đoạn 2021 - 2025"
    for code in ("empty", "unreadable", "encrypted", "unsupported", "too_large"):
        text = say("docError", {"code": code, "message": "English text from the server"})
        assert "English" not in text and text.endswith(".")
    # An unknown code still says something: the server's own message.
    assert say("docError", {"code": "new_code", "message": "x.pdf: something new"}) == "x.pdf: something new"
