"""The whole journey in the browser, against the real app and the real extraction:
a clerk uploads a DOCX decision (dragged in) and a scanned PDF plan (picked), watches
both finish; a reviewer checks the documents list, opens each document, corrects a
field beside its source, confirms, decides the two suggested duplicate pairs with the
keyboard, and exports the register (CSV and XLSX), which holds the correction.

One test, in steps, because each step needs the state the previous one made; each step
saves a screenshot to artifacts/screenshots/.
"""
from __future__ import annotations

import base64
import csv
import io
import re

import httpx
import pytest

from .conftest import arrive, shot, sign_in, sign_out
from .documents import DOCX_CADRES, SCAN_CADRES, TASK_NEAR_2022, TASK_NEAR_2023, TASK_SAME, make_docx, make_scan_pdf

pytestmark = pytest.mark.slow

CORRECTED_UNIT = "Ủy ban nhân dân xã Phú Đình, huyện Định Hóa"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def api(server, role, path):
    r = httpx.get(server.url + path, headers={"Authorization": f"Bearer {server.tokens[role]}"}, timeout=30)
    r.raise_for_status()
    return r.json()


def drop_file(page, selector, path, mime):
    """Drag a file from the desktop onto SELECTOR (a real drop event with a DataTransfer)."""
    data = base64.b64encode(path.read_bytes()).decode()
    transfer = page.evaluate_handle("""([name, b64, type]) => {
        const bin = atob(b64); const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const dt = new DataTransfer(); dt.items.add(new File([bytes], name, {type})); return dt; }""",
        [path.name, data, mime])
    page.dispatch_event(selector, "dragover", {"dataTransfer": transfer})
    page.dispatch_event(selector, "drop", {"dataTransfer": transfer})


def wait_finished(page, server, name, timeout_ms=240_000):
    """Wait until the upload row of NAME says done or failed; on time-out say where it stood."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    row = page.locator(f'#uploads tr[data-name="{name}"]')
    try:
        page.locator(f'#uploads tr[data-name="{name}"]:is([data-status="done"], [data-status="failed"])').wait_for(
            timeout=timeout_ms)
    except PlaywrightTimeout:
        pytest.fail(f"{name} not finished after {timeout_ms / 1000:.0f} s; the row says "
                    f"{row.inner_text()!r}; server log: {server.tail()}")
    return row


def test_upload_review_correct_decide_and_export(server, page, tmp_path):
    docx = make_docx(tmp_path / "quyet-dinh-giao-viec-2022.docx")
    scan = make_scan_pdf(tmp_path / "ke-hoach-2023-ban-quet.pdf")

    # 1. A clerk uploads: the decision dragged onto the box, the scan through the file input.
    sign_in(page, server, "clerk")
    page.get_by_role("link", name="Tải lên").click()
    arrive(page, "/tai-len")
    # One after the other: files dropped together on a cold server are test_upload.py's concern.
    drop_file(page, "#drop", docx, DOCX_MIME)
    wait_finished(page, server, docx.name)
    page.set_input_files("#files", str(scan))
    rows = {name: page.locator(f'#uploads tr[data-name="{name}"]') for name in (docx.name, scan.name)}
    # Progress is shown while it runs: the scan passes through at least one Vietnamese stage.
    page.wait_for_function(
        """name => { const r = document.querySelector(`#uploads tr[data-name="${name}"] .state`);
                     return r && /Đã tải lên|Đang đọc trang|Đang trích xuất|Đang tìm|Xong/.test(r.textContent); }""",
        arg=scan.name)
    for name, row in rows.items():
        wait_finished(page, server, name)
        assert row.get_attribute("data-status") == "done", (row.inner_text(), server.tail())
        assert row.locator(".state").inner_text() == "Xong"
        assert re.search(r"\d+ cán bộ, \d+ nội dung", row.locator(".result").inner_text())
    shot(page, "03-tai-len-xong")

    # 2. A reviewer sees both in the list, with counts, and filters them.
    sign_out(page, server, "clerk")
    sign_in(page, server, "reviewer")
    table = page.locator("#documents tbody")
    page.wait_for_function("document.querySelectorAll('#documents tbody tr[data-id]').length >= 2")
    listed = table.inner_text()
    assert "Xong" in listed and "Quyết định" in listed
    assert re.search(r"\d{2}/\d{2}/\d{4}", listed), "upload date is not shown as dd/mm/yyyy"
    shot(page, "04-van-ban")
    page.get_by_label("Đơn vị").fill("diem mac")  # accent-insensitive: finds Điềm Mặc
    page.get_by_role("button", name="Lọc", exact=True).click()
    page.wait_for_function("document.querySelectorAll('#documents tbody tr[data-id]').length === 1")
    assert scan.name in table.inner_text()
    page.get_by_role("button", name="Xóa lọc").click()
    page.wait_for_function("document.querySelectorAll('#documents tbody tr[data-id]').length >= 2")

    # 3. The decision: fields highlighted in the page text; correct a unit; confirm.
    docs = {d["name"]: d for d in api(server, "reviewer", "/api/documents")["items"]}
    page.locator(f'#documents tr[data-id="{docs[docx.name]["id"]}"] a').click()
    arrive(page, r"/van-ban/\d+")
    page.locator("article.assignment").first.wait_for()
    cadre, position, _ = DOCX_CADRES[0]
    highlighted = page.locator("mark.hl.f-cadre").all_inner_texts()
    assert cadre in highlighted, highlighted
    assert any(TASK_SAME in t for t in page.locator("mark.hl.f-task").all_inner_texts())
    shot(page, "05a-xem-xet-docx-mo")
    card = page.locator("article.assignment", has=page.locator(f'input[name="cadre"][value="{cadre}"]'))
    unit = card.get_by_label(re.compile("^Đơn vị"))
    unit.focus()  # focusing a field shows where it was read
    assert page.locator("mark.hl.active").count() >= 1
    unit.fill(CORRECTED_UNIT)
    with page.expect_response(lambda r: r.request.method == "PATCH" and "/api/assignments/" in r.url) as patched:
        unit.press("Tab")
    assert patched.value.ok
    card.locator("label", has_text="Đơn vị").locator(".tag.ok").wait_for()  # "đã sửa"
    shot(page, "05-xem-xet-docx")
    with page.expect_response(lambda r: "/api/review/bulk" in r.url) as bulk:
        page.get_by_role("button", name="Xác nhận tất cả").click()
    assert bulk.value.ok
    page.wait_for_function("!document.querySelector('article.assignment.st-pending')")
    # The correction survived the round trip (re-read from the server after the bulk confirm).
    assert page.locator("article.assignment").get_by_label(re.compile("^Đơn vị")).evaluate_all(
        "els => els.map(e => e.value)").count(CORRECTED_UNIT) == 1

    # 4. The scan: the page image is shown; the text view highlights what was read; confirm it.
    page.goto(f"{server.url}/van-ban/{docs[scan.name]['id']}")
    page.locator("article.assignment").first.wait_for()
    page.wait_for_function("() => { const i = document.querySelector('img.page-img'); "
                           "return i && i.complete && i.naturalWidth > 500; }")
    assert "OCR" in page.locator(".page-info").inner_text()
    shot(page, "06-xem-xet-ban-quet-anh")
    page.get_by_role("button", name="Chữ đã đọc").click()
    names = page.locator("mark.hl.f-cadre").all_inner_texts()
    for cadre, _, _ in SCAN_CADRES:
        assert cadre in names
    shot(page, "07-xem-xet-ban-quet-chu")
    # Reject one task by its own button; confirming the rest leaves it rejected.
    rejected_text = SCAN_CADRES[0][2][1]
    task = page.locator("li.task", has=page.locator("textarea", has_text=rejected_text))
    with page.expect_response(lambda r: r.request.method == "PATCH" and "/api/tasks/" in r.url) as patched:
        task.get_by_role("button", name=re.compile("^Loại bỏ")).click()
    assert patched.value.ok and patched.value.json()["status"] == "rejected"
    assert task.get_attribute("class") == "task st-rejected"
    page.get_by_role("button", name="Xác nhận tất cả").click()
    page.wait_for_function("!document.querySelector('article.assignment.st-pending')")
    assert page.locator("li.task.st-rejected").count() == 1

    # 5. Duplicates: both suggested pairs decided with the keyboard, the next pair at once.
    page.get_by_role("link", name="Trùng lặp").click()
    page.wait_for_function("document.querySelector('#pair').dataset.id")
    pending = api(server, "reviewer", "/api/duplicates?status=pending")["items"]
    texts = {frozenset((p["a"]["text"], p["b"]["text"])) for p in pending}
    assert frozenset((TASK_SAME,)) in texts or frozenset((TASK_SAME, TASK_SAME)) in texts
    assert frozenset((TASK_NEAR_2022, TASK_NEAR_2023)) in texts
    assert len(pending) == 2, [(p["a"]["text"], p["b"]["text"]) for p in pending]
    shot(page, "08-trung-lap")
    # U undoes: the pair decided by mistake comes back and is pending again on the server.
    first = page.locator("#pair").get_attribute("data-id")
    with page.expect_response(lambda r: "/decision" in r.url):
        page.keyboard.press("d")
    with page.expect_response(lambda r: "/decision" in r.url) as undone:
        page.keyboard.press("u")
    assert undone.value.request.post_data_json == {"decision": "pending"}
    assert page.locator("#pair").get_attribute("data-id") == first
    assert api(server, "reviewer", "/api/duplicates?status=pending")["total"] == 2
    decisions = {}
    for key, decision in (("d", "duplicate"), ("k", "distinct")):
        pair_id = page.locator("#pair").get_attribute("data-id")
        sides = page.locator("#pair .task-text").all_inner_texts()
        if TASK_NEAR_2023 in sides:  # the word more is marked on its side only
            assert page.locator("#pair ins.wd").all_inner_texts() == ["để"]
            assert page.locator("#pair del.wd").count() == 0
        with page.expect_response(lambda r: "/decision" in r.url) as answered:
            page.keyboard.press(key)
        # The next pair (or the end) is on screen before the server has answered.
        assert page.locator("#pair").get_attribute("data-id") != pair_id or page.locator("#pair .empty").count()
        assert answered.value.ok
        decisions[int(pair_id)] = decision
    page.locator("#pair .empty").wait_for()
    shot(page, "09-trung-lap-xong")
    for pair in api(server, "reviewer", "/api/duplicates?status=all")["items"]:
        assert pair["status"] == decisions[pair["id"]]

    # 6. The register: confirmed tasks with the corrected unit; the chart; CSV and XLSX exports.
    page.get_by_role("link", name="Sổ theo dõi").click()
    page.wait_for_function("document.querySelectorAll('#records tbody tr[data-id]').length > 0")
    register = page.locator("#records tbody").inner_text()
    assert CORRECTED_UNIT in register and rejected_text not in register
    page.get_by_label("Họ và tên").fill("hoang van thang")  # accent-insensitive
    page.get_by_role("button", name="Lọc", exact=True).click()
    page.wait_for_function("""() => { const rows = [...document.querySelectorAll('#records tbody tr[data-id]')];
        return rows.length > 0 && rows.every(r => r.cells[0].textContent === 'Hoàng Văn Thắng'); }""")
    assert page.locator("#records tbody tr[data-id]").count() == len(DOCX_CADRES[0][2])
    page.get_by_role("button", name="Xóa lọc").click()
    page.wait_for_function("document.querySelectorAll('#records tbody tr[data-id]').length > 2")
    assert page.locator("#chart svg rect").count() >= 2

    # Across the 2025 reform: xã Điềm Mặc was merged into the new xã Phú Đình. The old
    # commune finds only its own cadre; the new one finds the old Phú Đình and Điềm Mặc.
    def cadres_under(label_start: str) -> set[str]:
        menu = page.get_by_label("Địa bàn (trước/sau sắp xếp 2025)")
        value = menu.locator("option", has_text=label_start).first.get_attribute("value")
        menu.select_option(value)
        page.get_by_label("Trạng thái").select_option("")
        with page.expect_response(lambda r: "/api/tasks?" in r.url and "unit_key=" in r.url):
            page.get_by_role("button", name="Lọc", exact=True).click()
        page.wait_for_function("document.querySelectorAll('#records tbody tr[data-id]').length > 0")
        return set(page.locator("#records tbody tr[data-id] td:first-child").all_inner_texts())

    assert cadres_under("Xã Phú Đình, Huyện Định Hóa") == {"Hoàng Văn Thắng"}
    merged = cadres_under("Xã Phú Đình, Tỉnh Thái Nguyên")
    assert "Hoàng Văn Thắng" in merged and "Lường Văn Quý" in merged and "Đinh Thị Lan" not in merged, merged
    shot(page, "10b-so-theo-doi-dia-ban")
    page.get_by_role("button", name="Xóa lọc").click()
    page.wait_for_function("document.querySelectorAll('#records tbody tr[data-id]').length > 2")
    shot(page, "10-so-theo-doi", full_page=True)
    with page.expect_download() as dl:
        page.get_by_role("button", name="Tải CSV").click()
    text = dl.value.path().read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {"Họ và tên", "Chức vụ", "Đơn vị", "Nội dung", "Thời gian"} <= set(rows[0])
    mine = [r for r in rows if r["Họ và tên"] == DOCX_CADRES[0][0]]
    assert mine and all(r["Đơn vị"] == CORRECTED_UNIT for r in mine)
    assert rejected_text not in text and TASK_SAME in text
    with page.expect_download() as dl:
        page.get_by_role("button", name="Tải Excel (XLSX)").click()
    assert dl.value.suggested_filename.endswith(".xlsx")
    from openpyxl import load_workbook

    saved = tmp_path / dl.value.suggested_filename  # openpyxl goes by the extension
    dl.value.save_as(saved)
    sheet = load_workbook(saved, read_only=True).worksheets[0]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = values[0]
    unit_col, cadre_col = header.index("Đơn vị"), header.index("Họ và tên")
    assert {r[unit_col] for r in values[1:] if r[cadre_col] == DOCX_CADRES[0][0]} == {CORRECTED_UNIT}
