/* Shared by every page: the token, calls to /api, Vietnamese texts and dates.
   Plain JavaScript, no library: the pages must run on modest machines with no internet. */
"use strict";

const GV = (() => {
  const TOKEN_KEY = "giaoviec.token";
  const USER_KEY = "giaoviec.user";

  const ROLE = { clerk: "Văn thư", reviewer: "Người xem xét", admin: "Quản trị" };
  const STATUS = { queued: "Đang chờ", processing: "Đang xử lý", done: "Xong", failed: "Lỗi" };
  const REVIEW = { pending: "Chờ xem xét", confirmed: "Đã xác nhận", rejected: "Đã loại" };
  const KIND = { decision: "Quyết định", report: "Báo cáo", plan: "Kế hoạch", news: "Tin bài", other: "Khác" };
  // The extractor's error codes (extractor/errors.py) in the words a clerk can act on.
  const ERROR = {
    empty: "Tệp rỗng, không có chữ nào. Hãy kiểm tra tệp gốc rồi tải lên lại.",
    unreadable: "Không đọc được tệp (tệp hỏng hoặc không đúng định dạng). Hãy mở thử trên máy, lưu lại rồi tải lên lại.",
    encrypted: "Tệp có mật khẩu bảo vệ. Hãy gỡ mật khẩu rồi tải lên lại.",
    unsupported: "Định dạng tệp chưa được hỗ trợ. Hãy dùng DOCX, PDF, ảnh quét (PNG, JPG, TIF), TXT hoặc HTML.",
    too_large: "Tệp quá lớn. Hãy tách thành các tệp nhỏ hơn rồi tải lên lại.",
    internal: "Lỗi nội bộ khi xử lý văn bản. Hãy bấm “Trích xuất lại”; nếu vẫn lỗi, báo cho quản trị viên.",
    lost: "Việc xử lý bị gián đoạn. Hãy bấm “Trích xuất lại”.",
  };
  const HTTP = {
    400: "Yêu cầu không hợp lệ.",
    401: "Chưa đăng nhập hoặc mã truy cập không còn hiệu lực. Hãy đăng nhập lại.",
    403: "Vai trò của bạn không được phép làm việc này.",
    404: "Không tìm thấy.",
    409: "Dữ liệu đã bị người khác thay đổi. Hãy tải lại trang.",
    413: ERROR.too_large,
    415: ERROR.unsupported,
    422: "Dữ liệu nhập chưa hợp lệ.",
    429: "Đăng nhập sai quá nhiều lần. Hãy đợi vài phút rồi thử lại.",
  };

  class ApiError extends Error {
    constructor(status, message, code) { super(message); this.status = status; this.code = code; }
  }

  const token = () => localStorage.getItem(TOKEN_KEY);
  const user = () => { try { return JSON.parse(localStorage.getItem(USER_KEY) || "null"); } catch { return null; } };
  function signIn(tok, usr) { localStorage.setItem(TOKEN_KEY, tok); localStorage.setItem(USER_KEY, JSON.stringify(usr)); }
  /** Sign out: the server revokes this token (POST /api/auth/logout), then it is forgotten here. */
  function signOut() {
    const tok = token();
    localStorage.removeItem(TOKEN_KEY); localStorage.removeItem(USER_KEY);
    const go = () => { location.href = "/dang-nhap"; };
    if (!tok) { go(); return; }
    fetch("/api/auth/logout", { method: "POST", headers: { Authorization: "Bearer " + tok }, keepalive: true })
      .catch(() => {}).finally(go);
  }
  const can = (role) => {
    const order = { clerk: 1, reviewer: 2, admin: 3 };
    const u = user();
    return !!u && (order[u.role] || 0) >= order[role];
  };

  /** Call the API: api("GET", "/api/me") -> parsed JSON; raises ApiError with a Vietnamese message. */
  async function api(method, path, body, opts = {}) {
    const headers = { Accept: "application/json" };
    if (token()) headers.Authorization = "Bearer " + token();
    let payload = body;
    if (body !== undefined && !(body instanceof FormData)) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, { method, headers, body: payload });
    } catch (err) {
      throw new ApiError(0, "Không kết nối được máy chủ. Hãy kiểm tra mạng nội bộ rồi thử lại.");
    }
    if (res.status === 401 && !opts.noRedirect) {
      localStorage.removeItem(TOKEN_KEY);
      // Say why on the sign-in page: the token we had stopped working (expired, revoked, disabled).
      location.href = "/dang-nhap?het-han=1&next=" + encodeURIComponent(location.pathname + location.search);
      throw new ApiError(401, HTTP[401]);
    }
    if (!res.ok) {
      let code = null;
      let detail = null;
      try {
        const j = await res.json();
        const d = j.detail !== undefined ? j.detail : j.error;
        if (d && typeof d === "object" && !Array.isArray(d)) { code = d.code || null; detail = d.message || null; }
        else if (typeof d === "string") detail = d;
      } catch { /* not JSON */ }
      const msg = (code && ERROR[code]) || HTTP[res.status] || ("Lỗi máy chủ (" + res.status + ").");
      throw new ApiError(res.status, msg, code || detail);
    }
    if (opts.raw) return res;
    if (res.status === 204) return null;
    const type = res.headers.get("Content-Type") || "";
    return type.includes("json") ? res.json() : res.text();
  }

  /** "2022-03-01" or "2022-03-01T08:00:00Z" -> "01/03/2022" (dates are dd/mm/yyyy on every page). */
  function date(iso) {
    if (!iso) return "";
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
    if (!m) return String(iso);
    if (String(iso).length > 10) {
      // The server keeps UTC; a time without an offset is UTC, shown on the clerk's own day.
      const s = String(iso);
      const d = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? s : s + "Z");
      if (!isNaN(d)) {
        const p = (n) => String(n).padStart(2, "0");
        return p(d.getDate()) + "/" + p(d.getMonth() + 1) + "/" + d.getFullYear();
      }
    }
    return m[3] + "/" + m[2] + "/" + m[1];
  }

  /** A period {start, end} -> "Năm 2022" or "Giai đoạn 2021 - 2025". */
  function period(p) {
    if (!p || (p.start == null && p.end == null)) return "";
    if (p.start === p.end || p.end == null) return "Năm " + p.start;
    if (p.start == null) return "Đến năm " + p.end;
    return "Giai đoạn " + p.start + " - " + p.end;
  }

  /** The extractor's English warnings in Vietnamese; unknown ones are shown as they are. */
  function warning(w) {
    const s = String(w);
    const rules = [
      [/declared (\d+) tasks?,? found (\d+)/i, (m) => `công bố ${m[1]} nội dung, tìm thấy ${m[2]}`],
      [/no period|period not found|missing period/i, () => "không tìm thấy thời gian thực hiện"],
      [/no unit|unit not found|missing unit/i, () => "không rõ đơn vị công tác"],
      [/no position|position not found|missing position/i, () => "không rõ chức vụ"],
      [/pages? ([\d, ]+) ha(?:ve|s) no text layer and OCR is not installed/i,
        (m) => `trang ${m[1]} không có lớp chữ và máy chủ chưa cài OCR (tesseract-ocr-vie): các trang này để trống`],
      [/page (\d+): poor OCR/i, (m) => `trang ${m[1]}: chữ nhận dạng kém, cần đối chiếu với ảnh bản quét`],
      [/low (ocr )?confidence/i, () => "độ tin cậy thấp, cần đối chiếu bản gốc"],
      [/page (\d+).*(no text|empty)/i, (m) => `trang ${m[1]} không có chữ`],
      [/cut off|truncated/i, () => "văn bản bị cắt, có thể thiếu nội dung"],
      [/duplicate/i, () => "có thể trùng lặp với nội dung khác"],
    ];
    for (const [re, fn] of rules) { const m = re.exec(s); if (m) return fn(m); }
    return s;
  }

  /** A confidence as a percentage: 0.83 -> "83%"; values above 1 are already percentages (OCR). */
  function pct(c) {
    if (c === null || c === undefined || isNaN(c)) return "";
    return Math.round(c > 1 ? c : c * 100) + "%";
  }

  function docError(err) {
    if (!err) return "";
    return ERROR[err.code] || err.message || "Lỗi khi xử lý văn bản.";
  }

  /** Small element builder: h("td", {class: "num"}, "3"). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "dataset") Object.assign(el.dataset, v);
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  let flashTimer = null;
  function flash(msg, kind = "info") {
    const el = document.getElementById("flash");
    if (!el) return;
    el.textContent = msg;
    el.className = "flash " + kind;
    el.hidden = false;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => { el.hidden = true; }, kind === "error" ? 10000 : 4000);
  }

  /** Fetch a file with the token and hand it to the browser as a download. */
  async function download(path, fallbackName) {
    const res = await api("GET", path, undefined, { raw: true });
    const blob = await res.blob();
    let name = fallbackName;
    const cd = res.headers.get("Content-Disposition") || "";
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    const plain = /filename="?([^";]+)"?/i.exec(cd);
    if (star) name = decodeURIComponent(star[1]); else if (plain) name = plain[1];
    const a = h("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  /** Query string from a form, without empty fields. */
  function formQuery(form, extra = {}) {
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim() !== "") q.set(k, String(v).trim());
    for (const [k, v] of Object.entries(extra)) if (v !== "" && v != null) q.set(k, v);
    return q;
  }

  function showUser() {
    const u = user();
    const box = document.getElementById("who");
    if (!box || !u) return;
    document.getElementById("who-name").textContent = u.name;
    document.getElementById("who-role").textContent = ROLE[u.role] || u.role;
    box.hidden = false;
  }

  /** Pages other than sign-in need a token; refresh who we are from /api/me. */
  async function requireLogin() {
    if (!token()) {
      location.href = "/dang-nhap?next=" + encodeURIComponent(location.pathname + location.search);
      return false;
    }
    showUser();
    // Who we are is refreshed in the background: the page's own calls need not wait a round
    // trip for it (a token that stopped working sends any call, this one too, to sign-in).
    const asked = token();
    api("GET", "/api/me").then((me) => {
      if (token() !== asked) return; // signed out or in as someone else meanwhile
      const before = user();
      signIn(token(), me);
      showUser();
      document.body.classList.toggle("can-review", can("reviewer"));
      document.body.classList.toggle("is-admin", can("admin"));
      // The role changed since sign-in: the page's controls depend on it, so draw it again.
      if (!before || before.role !== me.role) location.reload();
    }).catch((err) => { if (err.status !== 401) flash(err.message, "error"); });
    document.body.classList.toggle("can-review", can("reviewer"));
    document.body.classList.toggle("is-admin", can("admin"));
    return true;
  }

  /** Mark the page as set up (body[data-ready]): for scripts and tests that drive it. */
  function ready() { document.body.dataset.ready = "1"; }

  document.addEventListener("DOMContentLoaded", () => {
    const out = document.getElementById("sign-out");
    if (out) out.addEventListener("click", signOut);
    document.body.classList.toggle("can-review", can("reviewer"));
    document.body.classList.toggle("is-admin", can("admin"));
  });

  return { api, ApiError, token, user, signIn, signOut, can, date, period, warning, docError, pct, h, flash,
           download, formQuery, requireLogin, showUser, ready, ROLE, STATUS, REVIEW, KIND, ERROR };
})();
