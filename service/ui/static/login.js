/* Đăng nhập: a token or a name and password -> POST /api/auth/login; the token is kept in localStorage. */
"use strict";
(() => {
  const err = document.getElementById("login-error");
  // Back to the page that sent you here, but only a page of this site: browsers read
  // "/\evil.example" (and "/<tab>/evil.example") as "//evil.example", another host (issue 13).
  const next = () => {
    const n = new URLSearchParams(location.search).get("next");
    if (!n || !n.startsWith("/") || n.startsWith("//") || n.startsWith("/\\")) return "/van-ban";
    let url;
    try { url = new URL(n, location.origin); } catch (e) { return "/van-ban"; }
    return url.origin === location.origin ? url.pathname + url.search + url.hash : "/van-ban";
  };
  async function login(body) {
    err.hidden = true;
    try {
      const res = await GV.api("POST", "/api/auth/login", body, { noRedirect: true });
      GV.signIn(res.token, res.user);
      location.href = next();
    } catch (e) {
      err.textContent = e.status === 401 && /disabled/.test(e.code || "")
        ? "Tài khoản này đã bị khóa. Hãy hỏi quản trị viên."
        : e.status === 401 || e.status === 403 || e.status === 422
          ? "Mã truy cập hoặc mật khẩu không đúng. Hãy kiểm tra lại hoặc hỏi quản trị viên."
          : e.message;
      err.hidden = false;
    }
  }
  document.getElementById("login-token").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const token = document.getElementById("token").value.trim();
    if (!token) { err.textContent = "Hãy nhập mã truy cập."; err.hidden = false; return; }
    login({ token });
  });
  document.getElementById("login-password").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const name = document.getElementById("name").value.trim();
    const password = document.getElementById("password").value;
    if (!name || !password) { err.textContent = "Hãy nhập tên đăng nhập và mật khẩu."; err.hidden = false; return; }
    login({ name, password });
  });
  if (new URLSearchParams(location.search).has("het-han")) {
    const u = GV.user();
    document.querySelector(".login h1").after(GV.h("p", { class: "notice", id: "expired", role: "alert" },
      "Phiên đăng nhập đã hết hạn hoặc mã truy cập đã bị thu hồi" + (u ? ` (${u.name})` : "") +
      ". Hãy đăng nhập lại; bạn sẽ quay về đúng trang đang làm."));
  }
  if (GV.token() && GV.user()) {
    const p = GV.h("p", { class: "muted" }, "Bạn đang đăng nhập là " + GV.user().name + " (" + (GV.ROLE[GV.user().role] || GV.user().role) + "). ",
      GV.h("a", { href: "/van-ban" }, "Vào trang văn bản"));
    document.querySelector(".login h1").after(p);
  }
  document.getElementById("token").focus();
  GV.ready();
})();
