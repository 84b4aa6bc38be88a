/* Quản trị: users (add, new token, revoke every token; disable, role and password where the
   server offers them) and the audit log with filters. Administrators only. */
"use strict";
(async () => {
  if (!(await GV.requireLogin())) return;
  const { h } = GV;
  if (!GV.can("admin")) { document.getElementById("not-admin").hidden = false; GV.ready(); return; }
  document.getElementById("admin").hidden = false;
  const me = GV.user();
  const ACTION = { create: "Thêm", update: "Sửa", bulk_update: "Sửa hàng loạt", delete: "Xóa", decide: "Quyết định trùng lặp",
    merge_reject: "Loại do gộp trùng", login: "Đăng nhập", logout: "Đăng xuất", upload: "Tải lên", rerun: "Trích xuất lại",
    revoke_tokens: "Thu hồi mã", issue_token: "Cấp mã mới", disable: "Khóa tài khoản", enable: "Mở khóa", set_password: "Đặt mật khẩu",
    set_role: "Đổi vai trò", login_failed: "Đăng nhập sai", change_password: "Đổi mật khẩu" };
  const ENTITY = { assignment: "Cán bộ", task: "Nội dung", duplicate: "Cặp trùng lặp", document: "Văn bản", user: "Người dùng" };
  const userBody = document.querySelector("#users tbody");
  const tokenBox = document.getElementById("new-token");

  // What the server offers beyond add / token / revoke (issue 13 adds disable and password).
  let routes = {};
  try { routes = (await GV.api("GET", "/openapi.json")).paths || {}; } catch { /* the basics still work */ }
  const offers = (path, method) => !!(routes[path] && routes[path][method]);

  function showToken(name, token) {
    tokenBox.replaceChildren(h("strong", {}, `Mã truy cập của ${name} (chỉ hiện một lần, hãy chép ngay): `),
      h("code", { id: "token-value" }, token));
    tokenBox.hidden = false;
  }

  async function act(label, fn) {
    try { await fn(); GV.flash(label, "ok"); await loadUsers(); await loadAudit(); }
    catch (err) { GV.flash(err.message, "error"); }
  }

  function userRow(u) {
    const self = me && me.name === u.name;
    const buttons = [
      h("button", { type: "button", class: "small", onclick: () => act(`Đã cấp mã mới cho ${u.name}.`, async () => {
        const res = await GV.api("POST", `/api/users/${u.id}/tokens`); showToken(u.name, res.token); }) }, "Cấp mã mới"),
      self ? null : h("button", { type: "button", class: "small del", onclick: () => {
        if (confirm(`Thu hồi mọi mã truy cập của ${u.name}? Mật khẩu cũ cũng hết hiệu lực: hãy đặt mật khẩu mới hoặc cấp mã mới.`))
          act(`Đã thu hồi mã của ${u.name}; mật khẩu cũ cũng hết hiệu lực.`, () => GV.api("POST", `/api/users/${u.id}/revoke`)); } }, "Thu hồi mọi mã"),
    ];
    if (!self && offers("/api/users/{user_id}/disable", "post")) {
      buttons.push(u.active === false
        ? h("button", { type: "button", class: "small", onclick: () => act(`Đã mở khóa ${u.name}.`, () => GV.api("POST", `/api/users/${u.id}/enable`)) }, "Mở khóa")
        : h("button", { type: "button", class: "small del", onclick: () => act(`Đã khóa ${u.name}.`, () => GV.api("POST", `/api/users/${u.id}/disable`)) }, "Khóa"));
    }
    if (offers("/api/users/{user_id}/password", "post") || offers("/api/users/{user_id}/password", "put")) {
      const method = offers("/api/users/{user_id}/password", "post") ? "POST" : "PUT";
      buttons.push(h("button", { type: "button", class: "small", onclick: () => {
        const pw = prompt(`Mật khẩu mới cho ${u.name} (ít nhất 8 ký tự; để trống: không đăng nhập bằng mật khẩu):`);
        if (pw === null) return;
        if (pw && pw.length < 8) { GV.flash("Mật khẩu cần ít nhất 8 ký tự.", "error"); return; }
        act(pw ? `Đã đặt lại mật khẩu của ${u.name}.` : `Đã bỏ mật khẩu của ${u.name}.`,
          () => GV.api(method, `/api/users/${u.id}/password`, { new_password: pw || null }));
      } }, "Đặt lại mật khẩu"));
    }
    let role = GV.ROLE[u.role] || u.role;
    if (!self && offers("/api/users/{user_id}", "patch")) {
      role = h("select", { "aria-label": `Vai trò của ${u.name}`, onchange: (ev) =>
        act(`Đã đổi vai trò của ${u.name}.`, () => GV.api("PATCH", `/api/users/${u.id}`, { role: ev.target.value })) },
        Object.entries(GV.ROLE).map(([k, v]) => h("option", { value: k, selected: k === u.role }, v)));
    }
    return h("tr", { dataset: { id: u.id } }, h("td", {}, u.name, self ? h("span", { class: "tag" }, "bạn") : null), h("td", {}, role),
      h("td", {}, u.active === false ? h("span", { class: "badge st-rejected" }, "Đã khóa") : h("span", { class: "badge st-confirmed" }, "Đang dùng"),
        u.password === false ? h("div", { class: "muted small" }, "chưa có mật khẩu") : null),
      h("td", {}, h("span", { class: "actions" }, buttons)));
  }

  async function loadUsers() {
    try {
      const users = await GV.api("GET", "/api/users");
      userBody.replaceChildren(...users.map(userRow));
      const who = document.getElementById("a-user");
      if (!document.getElementById("a-user-list")) {
        who.setAttribute("list", "a-user-list");
        who.after(h("datalist", { id: "a-user-list" }, users.map((u) => h("option", { value: u.name }))));
      }
    } catch (err) { GV.flash(err.message, "error"); }
  }

  document.getElementById("add-user").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const form = ev.target;
    const body = { name: form.elements.name.value.trim(), role: form.elements.role.value };
    if (form.elements.password.value) body.password = form.elements.password.value;
    try {
      const res = await GV.api("POST", "/api/users", body);
      showToken(res.name, res.token);
      form.reset();
      GV.flash(`Đã thêm ${res.name}.`, "ok");
      await loadUsers(); await loadAudit();
    } catch (err) { GV.flash(err.status === 409 ? "Tên đăng nhập này đã có." : err.message, "error"); }
  });

  // ---- the audit log --------------------------------------------------------------------
  const auditForm = document.getElementById("audit-filters");
  const auditBody = document.querySelector("#audit tbody");
  const LIMIT = 50;
  let offset = 0;
  for (const [k, v] of Object.entries(ACTION)) auditForm.elements.action.append(h("option", { value: k }, v));
  for (const [k, v] of Object.entries(ENTITY)) auditForm.elements.entity.append(h("option", { value: k }, v));

  function change(before, after) {
    const b = before || {}, a = after || {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
    const show = (v) => v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v).slice(0, 80) : String(v);
    if (!before && after) return "mới: " + keys.filter((k) => k !== "tasks" && k !== "span").map((k) => `${k} = ${show(a[k])}`).join("; ");
    if (before && !after) return "đã xóa: " + ["cadre", "text", "status"].filter((k) => k in b).map((k) => `${k} = ${show(b[k])}`).join("; ");
    return keys.map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`).join("; ");
  }

  async function loadAudit() {
    const q = GV.formQuery(auditForm, { limit: LIMIT, offset });
    let res;
    try { res = await GV.api("GET", "/api/audit?" + q.toString()); }
    catch (err) { GV.flash(err.message, "error"); return; }
    auditBody.replaceChildren(...res.items.map((r) => h("tr", { dataset: { id: r.id } },
      h("td", { class: "nowrap" }, GV.date(r.at), " ", new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(r.at) ? r.at : r.at + "Z").toLocaleTimeString("vi-VN")),
      h("td", {}, r.user_name || "—"),
      h("td", {}, ACTION[r.action] || r.action),
      h("td", {}, (ENTITY[r.entity] || r.entity) + (r.entity_id != null ? " #" + r.entity_id : "")),
      h("td", { class: "small change" }, change(r.before, r.after)))));
    if (!res.items.length) auditBody.append(h("tr", {}, h("td", { colspan: "5", class: "muted" }, "Không có thao tác nào khớp bộ lọc.")));
    document.getElementById("audit-count").textContent = `${res.total} thao tác`;
    document.getElementById("a-page").textContent = `Trang ${Math.floor(offset / LIMIT) + 1}/${Math.max(1, Math.ceil(res.total / LIMIT))}`;
    document.getElementById("a-prev").disabled = offset === 0;
    document.getElementById("a-next").disabled = offset + LIMIT >= res.total;
  }
  auditForm.addEventListener("submit", (ev) => { ev.preventDefault(); offset = 0; loadAudit(); });
  auditForm.addEventListener("reset", () => setTimeout(() => { offset = 0; loadAudit(); }));
  document.getElementById("a-prev").addEventListener("click", () => { offset = Math.max(0, offset - LIMIT); loadAudit(); });
  document.getElementById("a-next").addEventListener("click", () => { offset += LIMIT; loadAudit(); });

  await Promise.all([loadUsers(), loadAudit()]);
  GV.ready();
})();
