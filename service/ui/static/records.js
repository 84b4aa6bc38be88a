/* Sổ theo dõi: the register of confirmed tasks, filters, export (CSV, XLSX via /api/export)
   and a small chart of counts per unit and year drawn as inline SVG. */
"use strict";
(async () => {
  if (!(await GV.requireLogin())) return;
  const { h } = GV;
  const form = document.getElementById("rec-filters");
  const tbody = document.querySelector("#records tbody");
  const LIMIT = 100;
  let offset = 0;

  // Units before and after the 2025 reform: a district of 2021 and the communes that
  // replaced it share a key, so the register can follow a place across the reform.
  try {
    const units = await GV.api("GET", "/api/units");
    const groups = {
      legacy: h("optgroup", { label: "Trước sắp xếp (trước 7/2025)" }),
      current: h("optgroup", { label: "Sau sắp xếp (từ 7/2025)" }),
    };
    for (const u of units) (groups[u.era] || groups.current).append(h("option", { value: u.key }, `${u.label} (${u.assignments})`));
    for (const g of Object.values(groups)) if (g.children.length) form.elements.unit_key.append(g);
  } catch (err) { /* the register still works without this menu */ }

  const params = new URLSearchParams(location.search);
  for (const el of form.elements) if (el.name && params.has(el.name)) el.value = params.get(el.name);

  async function load() {
    const q = GV.formQuery(form, { limit: LIMIT, offset });
    if (!form.elements.status.value) q.delete("status");
    history.replaceState(null, "", location.pathname + "?" + GV.formQuery(form).toString());
    let res;
    try { res = await GV.api("GET", "/api/tasks?" + q.toString()); }
    catch (err) { GV.flash(err.message, "error"); return; }
    tbody.replaceChildren();
    for (const t of res.items) {
      const period = t.period && (t.period.start || t.period.end) ? GV.period(t.period) : (t.year ? "Năm " + t.year : "");
      tbody.append(h("tr", { dataset: { id: t.id } },
        h("td", {}, t.cadre || ""), h("td", {}, t.position || ""), h("td", {}, t.unit || ""),
        h("td", { lang: "vi" }, t.text), h("td", {}, period),
        h("td", {}, h("span", { class: "badge st-" + t.status }, GV.REVIEW[t.status] || t.status)),
        h("td", {}, t.document_id != null ? h("a", { href: `/van-ban/${encodeURIComponent(t.document_id)}#task-${encodeURIComponent(t.id)}` }, t.document_name || "Xem") : "")));
    }
    if (!res.items.length) tbody.append(h("tr", {}, h("td", { colspan: "7", class: "muted" }, "Chưa có nội dung nào khớp bộ lọc.")));
    markDuplicates(res.items.map((t) => t.id));
    document.getElementById("rec-count").textContent = `${res.total} nội dung`;
    const pages = Math.max(1, Math.ceil(res.total / LIMIT));
    document.getElementById("page-info").textContent = `Trang ${Math.floor(offset / LIMIT) + 1}/${pages}`;
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = offset + LIMIT >= res.total;
  }

  /** Duplicate decisions shown on the rows they concern (one call for the page's tasks). */
  async function markDuplicates(ids) {
    if (!ids.length) return;
    let res;
    try { res = await GV.api("GET", "/api/duplicates?status=all&limit=500&" + ids.map((i) => "task_id=" + i).join("&")); }
    catch (err) { return; }
    const LABEL = { pending: "có thể trùng lặp", duplicate: "trùng lặp", merged: "đã gộp", distinct: "không trùng" };
    const byTask = new Map();
    for (const p of res.items) for (const s of [p.a, p.b]) {
      if (!byTask.has(String(s.task_id))) byTask.set(String(s.task_id), []);
      byTask.get(String(s.task_id)).push(p);
    }
    for (const tr of tbody.querySelectorAll("tr[data-id]")) {
      const pairs = byTask.get(tr.dataset.id);
      if (!pairs) continue;
      const cell = h("div", { class: "dup-tags" });
      tr.cells[3].append(cell);
      for (const p of pairs) {
        const other = String(p.a.task_id) === tr.dataset.id ? p.b : p.a;
        cell.append(h("span", { class: "tag dup-tag" + (p.status === "pending" ? " warn" : ""),
          title: `${LABEL[p.status] || p.status} với ${other.cadre || "?"}: ${other.text}` + (p.decided_by ? ` (quyết định: ${p.decided_by}, ${GV.date(p.decided_at)})` : "") },
          (LABEL[p.status] || p.status) + (p.decided_by ? " · " + p.decided_by : "")));
      }
    }
  }

  /** Horizontal bars: one group per unit (the units with most tasks), one bar per year;
      the dark part of a bar is what is already confirmed. */
  function chart(rows) {
    const NS = "http://www.w3.org/2000/svg";
    const el = (tag, attrs, text) => {
      const e = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const box = document.getElementById("chart");
    box.replaceChildren();
    if (!rows.length) { box.append(h("p", { class: "muted" }, "Chưa có số liệu.")); return; }
    // One group per resolved unit (the server groups "UBND xã X" and "Ủy ban nhân dân xã X").
    const byUnit = new Map();
    const names = new Map();
    for (const r of rows) {
      const u = r.label || "(chưa rõ đơn vị)";
      if (!byUnit.has(u)) byUnit.set(u, []);
      byUnit.get(u).push(r);
      if ((r.names || []).length > 1) names.set(u, r.names);
    }
    const units = [...byUnit.entries()].map(([u, rs]) => [u, rs.sort((x, y) => (x.year ?? 0) - (y.year ?? 0)), rs.reduce((s, r) => s + (r.tasks || 0), 0)])
      .sort((x, y) => y[2] - x[2]).slice(0, 12);
    const years = [...new Set(rows.map((r) => r.year))].sort();
    const palette = ["#1f6f8b", "#c0392b", "#7d8c2a", "#8e44ad", "#d68910", "#2e4053"];
    const colour = (y) => palette[years.indexOf(y) % palette.length];
    const max = Math.max(1, ...rows.map((r) => r.tasks || 0));
    const W = 900, LABEL = 300, BAR = 14, GAP = 10, RIGHT = 60;
    let y = 24;
    const svg = el("svg", { role: "img", "aria-labelledby": "chart-title", class: "chart", width: "100%" });
    svg.append(el("title", { id: "chart-title" }, "Số nội dung theo đơn vị và năm"));
    // legend
    let lx = LABEL;
    for (const yr of years) {
      svg.append(el("rect", { x: lx, y: 4, width: 12, height: 12, fill: colour(yr) }));
      svg.append(el("text", { x: lx + 16, y: 14, class: "legend" }, yr == null ? "Không rõ năm" : "Năm " + yr));
      lx += 100;
    }
    svg.append(el("text", { x: lx + 10, y: 14, class: "legend" }, "(phần đậm: đã xác nhận)"));
    for (const [unit, rs] of units) {
      const top = y;
      for (const r of rs) {
        const w = Math.max(1, (W - LABEL - RIGHT) * (r.tasks || 0) / max);
        const cw = (W - LABEL - RIGHT) * (r.confirmed || 0) / max;
        const g = el("g", {});
        const also = names.has(unit) ? ` — ghi là: ${names.get(unit).join("; ")}` : "";
        g.append(el("title", {}, `${unit}${also}, ${r.year == null ? "không rõ năm" : "năm " + r.year}: ${r.tasks} nội dung (${r.confirmed || 0} đã xác nhận), ${r.assignments} cán bộ`));
        g.append(el("rect", { x: LABEL, y, width: w, height: BAR, fill: colour(r.year), opacity: "0.35" }));
        g.append(el("rect", { x: LABEL, y, width: cw, height: BAR, fill: colour(r.year) }));
        g.append(el("text", { x: LABEL + w + 6, y: y + BAR - 3, class: "val" }, String(r.tasks)));
        svg.append(g);
        y += BAR + 2;
      }
      const name = unit.length > 42 ? unit.slice(0, 41) + "…" : unit;
      svg.append(el("text", { x: LABEL - 8, y: (top + y) / 2 + 4, "text-anchor": "end", class: "unit" }, name));
      y += GAP;
    }
    svg.setAttribute("viewBox", `0 0 ${W} ${y}`);
    box.append(svg);
    if (byUnit.size > units.length) box.append(h("p", { class: "muted small" }, `Hiện ${units.length}/${byUnit.size} đơn vị có nhiều nội dung nhất.`));
  }

  /** The register's filters as a query (no paging): the table, the chart and the export share it. */
  function filterQuery() {
    const q = GV.formQuery(form);
    return q;
  }

  async function loadStats() {
    try { chart(await GV.api("GET", "/api/stats/units?" + filterQuery().toString())); }
    catch (err) { GV.flash(err.message, "error"); }
  }

  function exportLabel() {
    const st = form.elements.status.value;
    const what = st ? (GV.REVIEW[st] || st).toLowerCase() : "mọi trạng thái";
    const filtered = [...filterQuery().keys()].some((k) => k !== "status");
    document.querySelector(".export span").textContent = `Xuất sổ (${what}${filtered ? ", theo bộ lọc đang chọn" : ""}):`;
  }

  for (const b of document.querySelectorAll(".export button")) {
    b.hidden = !GV.can("reviewer");
    b.addEventListener("click", async () => {
      const fmt = b.dataset.format;
      b.disabled = true;
      try {
        const stamp = new Date().toISOString().slice(0, 10);
        // Exactly the rows the table shows: the same filters, and "Tất cả" = every status.
        const q = filterQuery();
        if (!q.has("status")) q.set("status", "all");
        q.set("format", fmt);
        await GV.download(`/api/export?${q.toString()}`, `so-theo-doi-${stamp}.${fmt}`);
      } catch (err) { GV.flash("Không xuất được: " + err.message, "error"); }
      finally { b.disabled = false; }
    });
  }
  if (!GV.can("reviewer")) document.querySelector(".export span").textContent = "Xuất sổ: chỉ người xem xét được tải.";

  const refresh = () => { offset = 0; load(); loadStats(); if (GV.can("reviewer")) exportLabel(); };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  form.addEventListener("reset", () => setTimeout(refresh));
  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - LIMIT); load(); });
  document.getElementById("next").addEventListener("click", () => { offset += LIMIT; load(); });
  if (GV.can("reviewer")) exportLabel();
  load();
  loadStats();
  GV.ready();
})();
