/* Xem xét văn bản: the source on the left (page image for scans, page text with every
   extracted field highlighted at its span) and the assignments on the right, editable in
   place (PATCH), each assignment and task confirmed or rejected. */
"use strict";
(async () => {
  if (!(await GV.requireLogin())) return;
  const { h } = GV;
  const root = document.getElementById("review");
  const id = root.dataset.documentId;
  const enc = encodeURIComponent;
  const LOW = 0.7; // below this a field is shown as "độ tin cậy thấp" and its card comes first
  const FIELDS = [
    ["cadre", "Họ và tên"],
    ["position", "Chức vụ"],
    ["unit", "Đơn vị"],
  ];
  const state = { doc: null, pages: [], assignments: [], page: 1, view: "text", images: {} };
  const readOnly = !GV.can("reviewer");

  const pct = GV.pct;

  // ---- left: the source -------------------------------------------------------------
  function marksFor(pageNo) {
    const marks = [];
    const add = (span, cls, key, label) => {
      if (!span || span.page !== pageNo || span.end <= span.start) return;
      marks.push({ start: span.start, end: span.end, cls, key, label });
    };
    for (const a of state.assignments) {
      const f = a.fields || {};
      for (const [name, label] of FIELDS) add(f[name] && f[name].span, "f-" + name, `a${a.id}-${name}`, label + ": " + (a[name] || ""));
      if (f.period) add(f.period.span, "f-period", `a${a.id}-period`, "Thời gian");
      if (a.period && a.period.span) add(a.period.span, "f-period", `a${a.id}-period`, "Thời gian");
      for (const t of a.tasks || []) {
        add(t.span, "f-task", `t${t.id}`, "Nội dung");
        if (t.period && t.period.span) add(t.period.span, "f-period", `t${t.id}`, "Thời gian");
      }
    }
    return marks;
  }

  /** Page text split at every span boundary; each piece is marked with the shortest span over it,
      so a name inside a task's sentence is still shown as a name. */
  function highlighted(text, marks) {
    const cuts = new Set([0, text.length]);
    for (const m of marks) { cuts.add(Math.max(0, Math.min(text.length, m.start))); cuts.add(Math.max(0, Math.min(text.length, m.end))); }
    const points = [...cuts].sort((x, y) => x - y);
    const out = document.createDocumentFragment();
    for (let i = 0; i < points.length - 1; i++) {
      const [s, e] = [points[i], points[i + 1]];
      const piece = text.slice(s, e);
      const over = marks.filter((m) => m.start <= s && m.end >= e);
      if (!over.length) { out.append(piece); continue; }
      over.sort((x, y) => (x.end - x.start) - (y.end - y.start));
      // Fields read from the same words (a unit implied by the title) share one mark.
      const same = over.filter((m) => m.end - m.start === over[0].end - over[0].start);
      out.append(h("mark", { class: "hl " + same[0].cls, dataset: { keys: [...new Set(same.map((m) => m.key))].join(" ") },
        title: [...new Set(same.map((m) => m.label))].join("\n") }, piece));
    }
    return out;
  }

  async function pageImage(p) {
    if (state.images[p.number]) return state.images[p.number];
    const url = p.image || `/api/documents/${enc(id)}/pages/${p.number}/image`;
    // <img src> cannot send the token, so the image is fetched and shown from a blob.
    const res = await GV.api("GET", url, undefined, { raw: true });
    state.images[p.number] = URL.createObjectURL(await res.blob());
    return state.images[p.number];
  }

  function renderTabs() {
    const tabs = document.getElementById("page-tabs");
    tabs.replaceChildren();
    for (const p of state.pages) {
      const b = h("button", { type: "button", role: "tab", "aria-selected": String(p.number === state.page),
        class: p.needs_review ? "warn" : null, title: p.needs_review ? "Trang cần đối chiếu" : null,
        onclick: () => { state.page = p.number; renderSource(); } }, "Trang " + p.number);
      tabs.append(b);
    }
    const cur = state.pages.find((p) => p.number === state.page);
    if (cur && (cur.image || cur.ocr)) {
      tabs.append(h("span", { class: "spacer" }));
      for (const [view, label] of [["image", "Ảnh bản quét"], ["text", "Chữ đã đọc"]]) {
        tabs.append(h("button", { type: "button", class: "view", "aria-pressed": String(state.view === view),
          onclick: () => { state.view = view; renderSource(); } }, label));
      }
    }
  }

  async function renderSource() {
    renderTabs();
    const view = document.getElementById("page-view");
    view.replaceChildren();
    const p = state.pages.find((x) => x.number === state.page);
    if (!p) { view.append(h("p", { class: "muted" }, "Văn bản chưa có trang nào được đọc.")); return; }
    if (p.ocr) {
      view.append(h("p", { class: "page-info" + (p.needs_review ? " warn" : "") },
        `Trang quét, chữ nhận dạng tự động (OCR). Độ tin cậy ${pct(p.confidence)}` + (p.needs_review ? " — cần đối chiếu với ảnh." : ".")));
    }
    if (state.view === "image" && (p.image || p.ocr)) {
      const img = h("img", { class: "page-img", alt: `Ảnh trang ${p.number}` });
      view.append(img);
      try { img.src = await pageImage(p); } catch (err) { img.replaceWith(h("p", { class: "error" }, "Không tải được ảnh trang: " + err.message)); }
      return;
    }
    const pre = h("div", { class: "page-text", lang: "vi", tabindex: "0", "aria-label": `Chữ trang ${p.number}` });
    pre.append(highlighted(p.text || "", marksFor(p.number)));
    view.append(pre);
  }

  function showSource(span, key) {
    if (!span) return;
    if (state.page !== span.page || state.view !== "text") { state.page = span.page; state.view = "text"; renderSource(); }
    document.querySelectorAll("mark.hl.active").forEach((m) => m.classList.remove("active"));
    const marks = document.querySelectorAll(`mark.hl[data-keys~="${key}"]`);
    marks.forEach((m) => m.classList.add("active"));
    if (marks[0]) marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
  }

  // ---- right: the assignments ---------------------------------------------------------
  function lowest(a) {
    const cs = [a.confidence];
    for (const [name] of FIELDS) if (a.fields && a.fields[name]) cs.push(a.fields[name].confidence);
    for (const t of a.tasks || []) cs.push(t.confidence);
    return Math.min(...cs.filter((c) => typeof c === "number"), 1);
  }

  function badge(status) { return h("span", { class: "badge st-" + status }, GV.REVIEW[status] || status); }

  async function patch(path, body, okMsg) {
    try {
      const res = await GV.api("PATCH", path, body);
      GV.flash(okMsg || "Đã lưu.", "ok");
      return res;
    } catch (err) { GV.flash("Không lưu được: " + err.message, "error"); throw err; }
  }

  /** Take the server's answer into our copy, keeping the object the card's handlers hold. */
  function mergeAssignment(a, updated) {
    if (!updated || typeof updated !== "object") return;
    Object.assign(a, updated);
    renderSource();
  }

  function replaceAssignment(updated) {
    const i = state.assignments.findIndex((x) => String(x.id) === String(updated.id));
    if (i >= 0) state.assignments[i] = updated;
    const old = document.getElementById("a-" + updated.id);
    if (old) {
      const focused = document.activeElement && old.contains(document.activeElement) ? document.activeElement.className : null;
      const fresh = card(updated, Number(old.dataset.n));
      old.replaceWith(fresh);
      // A decision button keeps the focus across the re-render, so the keyboard user stays put.
      if (focused !== null) { const again = fresh.querySelector("header .decide-small button." + focused.split(" ")[0]); if (again) again.focus(); }
    }
    refreshCounts();
    renderSource();
  }

  function fieldRow(a, name, label) {
    const f = (a.fields || {})[name] || {};
    const low = typeof f.confidence === "number" && f.confidence < LOW;
    const inputId = `a${a.id}-${name}`;
    const input = h("input", { id: inputId, name, value: a[name] || "", disabled: readOnly, class: low ? "low" : null,
      "aria-describedby": low ? inputId + "-low" : null });
    input.addEventListener("focus", () => showSource(f.span, `a${a.id}-${name}`));
    // Saved where it stands (no re-render): the reviewer's focus has already moved on with Tab.
    input.addEventListener("change", async () => {
      const updated = await patch(`/api/assignments/${enc(a.id)}`, { [name]: input.value.trim() }, `Đã lưu ${label.toLowerCase()}.`);
      mergeAssignment(a, updated);
      lab.replaceWith(lab = fieldLabel());
      if (name === "cadre") document.querySelector(`#a-${a.id} h3`).textContent = `${document.getElementById("a-" + a.id).dataset.n}. ${a.cadre}`;
    });
    const fieldLabel = () => h("label", { for: inputId, title: f.source ? "Nguồn: " + f.source : null }, label,
        (a.corrected || []).includes(name) ? h("span", { class: "tag ok" }, "đã sửa") : null,
        low ? h("span", { class: "tag warn", id: inputId + "-low" }, "độ tin cậy thấp " + pct(f.confidence)) : null,
        // issue 12: a name or title repaired after OCR shows what the scan said, until a reviewer corrects it
        f.repairs && f.repairs.length && !(a.corrected || []).includes(name) ? h("span", { class: "tag warn repair" },
          "(" + f.repairs.map((r) => `OCR đọc: ${r.original} → sửa: ${r.repaired} — ${r.reason}`).join("; ") + ")") : null);
    let lab = fieldLabel();
    return h("div", { class: "field" }, lab, input);
  }

  function periodRow(a) {
    const p = a.period || {};
    const corrected = (a.corrected || []).some((c) => c.startsWith("period"));
    const mk = (key, label, value) => {
      const inputId = `a${a.id}-${key}`;
      const input = h("input", { id: inputId, name: key, type: "number", min: "1900", max: "2200", value: value ?? "", disabled: readOnly, class: "year" });
      input.addEventListener("focus", () => showSource((a.fields && a.fields.period && a.fields.period.span) || p.span, `a${a.id}-period`));
      input.addEventListener("change", async () => {
        const v = input.value.trim() === "" ? null : Number(input.value);
        if (v !== null && !(v >= 1900 && v <= 2200)) { GV.flash("Năm phải trong khoảng 1900 - 2200.", "error"); return; }
        mergeAssignment(a, await patch(`/api/assignments/${enc(a.id)}`, { [key]: v }, "Đã lưu thời gian."));
        const tag = input.closest(".period").querySelector(".label");
        if (!tag.querySelector(".tag.ok")) tag.firstChild.after(h("span", { class: "tag ok" }, "đã sửa"));
      });
      return [h("label", { for: inputId, class: "inline" }, label), input];
    };
    return h("div", { class: "field period" },
      h("span", { class: "label" }, "Thời gian", corrected ? h("span", { class: "tag ok" }, "đã sửa") : null,
        p.text ? h("span", { class: "muted small" }, ` (văn bản ghi: “${p.text}”)`) : null),
      h("div", { class: "years" }, ...mk("period_start", "Từ năm", p.start), ...mk("period_end", "đến năm", p.end)));
  }

  function decideButtons(status, onDecide, what) {
    if (readOnly) return null;
    return h("span", { class: "decide-small" },
      h("button", { type: "button", class: "ok" + (status === "confirmed" ? " on" : ""), "aria-pressed": String(status === "confirmed"),
        onclick: () => onDecide("confirmed") }, "Xác nhận", h("span", { class: "sr" }, " " + what)),
      h("button", { type: "button", class: "no" + (status === "rejected" ? " on" : ""), "aria-pressed": String(status === "rejected"),
        onclick: () => onDecide("rejected") }, "Loại bỏ", h("span", { class: "sr" }, " " + what)));
  }

  function taskItem(a, t, i) {
    const tid = `t${t.id}`;
    const low = typeof t.confidence === "number" && t.confidence < LOW;
    const area = h("textarea", { id: tid, name: "text", rows: String(Math.min(6, Math.max(2, Math.ceil((t.text || "").length / 60)))), disabled: readOnly, class: low ? "low" : null }, t.text || "");
    area.addEventListener("focus", () => showSource(t.span, tid));
    area.addEventListener("change", async () => {
      const updated = await patch(`/api/tasks/${enc(t.id)}`, { text: area.value.trim() }, "Đã lưu nội dung.");
      Object.assign(t, updated);
      li.querySelector(".tags").replaceChildren(...taskTags(t));
      renderSource();
    });
    const taskTags = (t) => [badge(t.status),
      (t.corrected === true || (Array.isArray(t.corrected) && t.corrected.length)) ? h("span", { class: "tag ok" }, "đã sửa") : null,
      low ? h("span", { class: "tag warn" }, "độ tin cậy thấp " + pct(t.confidence)) : null,
      t.period && (t.period.start || t.period.end) ? h("span", { class: "tag" }, GV.period(t.period)) : null].filter(Boolean);
    const li = h("li", { class: "task st-" + t.status, id: "task-" + t.id, dataset: { id: t.id } },
      h("div", { class: "task-head" }, h("label", { for: tid }, "Nội dung " + (i + 1)), h("span", { class: "tags" }, ...taskTags(t)),
        decideButtons(t.status, async (status) => {
          const updated = await patch(`/api/tasks/${enc(t.id)}`, { status }, status === "confirmed" ? "Đã xác nhận nội dung." : "Đã loại nội dung.");
          Object.assign(t, updated);
          li.className = "task st-" + t.status;
          li.querySelector(".tags").replaceChildren(...taskTags(t));
          li.querySelectorAll(".decide-small button").forEach((b) => {
            const on = (b.classList.contains("ok") && t.status === "confirmed") || (b.classList.contains("no") && t.status === "rejected");
            b.classList.toggle("on", on); b.setAttribute("aria-pressed", String(on));
          });
          refreshCounts();
        }, "nội dung " + (i + 1))),
      area);
    return li;
  }

  function card(a, n) {
    const warnings = (a.warnings || []).map(GV.warning);
    return h("article", { class: "assignment st-" + a.status + (lowest(a) < LOW ? " low" : ""), id: "a-" + a.id, dataset: { id: a.id, n: String(n) },
      "aria-label": "Cán bộ " + (a.cadre || n) },
      h("header", {},
        h("h3", {}, `${n}. ${a.cadre || "(chưa rõ tên)"}`),
        badge(a.status),
        h("span", { class: "conf" + (a.confidence < LOW ? " warn" : ""), title: "Độ tin cậy của trích xuất" }, "Độ tin cậy " + pct(a.confidence)),
        decideButtons(a.status, async (status) => {
          replaceAssignment(await patch(`/api/assignments/${enc(a.id)}`, { status }, status === "confirmed" ? "Đã xác nhận cán bộ." : "Đã loại cán bộ."));
        }, "cán bộ " + (a.cadre || n))),
      warnings.length ? h("ul", { class: "warnings" }, warnings.map((w) => h("li", {}, "⚠ " + w))) : null,
      ...FIELDS.map(([name, label]) => fieldRow(a, name, label)),
      periodRow(a),
      a.declared_count != null && !warnings.some((w) => w.startsWith("công bố")) ? h("p", { class: "muted small" }, `Văn bản công bố ${a.declared_count} nội dung, tìm thấy ${(a.tasks || []).length}.`) : null,
      h("ol", { class: "tasks" }, (a.tasks || []).map((t, i) => taskItem(a, t, i))));
  }

  function refreshCounts() {
    const open = state.assignments.filter((a) => a.status === "pending").length;
    document.getElementById("a-count").textContent = `(${state.assignments.length} người, ${open} chờ xem xét)`;
  }

  function renderAssignments() {
    const box = document.getElementById("assignments");
    box.replaceChildren();
    if (!state.assignments.length) {
      box.append(h("p", { class: "muted" }, state.doc.status === "done" ? "Không tìm thấy cán bộ nào được giao việc trong văn bản này." : "Văn bản đang được xử lý…"));
    }
    // Low confidence first: that is where a reviewer's minute is best spent.
    const order = [...state.assignments].sort((x, y) => lowest(x) - lowest(y));
    order.forEach((a) => box.append(card(a, state.assignments.indexOf(a) + 1)));
    refreshCounts();
  }

  function renderHead() {
    const d = state.doc;
    const title = document.getElementById("doc-title");
    title.textContent = d.title || d.name;
    title.title = d.title || d.name; // the heading is cut at two lines; the whole title on hover
    document.title = (d.title || d.name) + " · Xem xét";
    const bits = [d.name, GV.KIND[d.kind] || d.kind, d.number ? "Số " + d.number : null, d.pages ? d.pages + " trang" : null,
      d.ocr ? "bản quét" : null, "tải lên " + GV.date(d.uploaded_at), GV.STATUS[d.status]];
    document.getElementById("doc-meta").textContent = bits.filter(Boolean).join(" · ");
    if (d.status === "failed") document.getElementById("doc-meta").append(h("span", { class: "error" }, " — " + GV.docError(d.error)));
    const old = document.getElementById("doc-warnings");
    if (old) old.remove();
    if ((d.warnings || []).length) {
      document.getElementById("doc-meta").after(h("ul", { class: "warnings", id: "doc-warnings" },
        d.warnings.map((w) => h("li", { title: w }, "⚠ " + GV.warning(w)))));
    }
  }

  async function load() {
    // The three calls at once: one round trip, not three, before the reviewer sees anything.
    const calls = [`/api/documents/${enc(id)}`, `/api/documents/${enc(id)}/pages`, `/api/documents/${enc(id)}/assignments`]
      .map((path) => GV.api("GET", path));
    try {
      state.doc = await calls[0];
    } catch (err) {
      document.getElementById("doc-title").textContent = err.status === 404 ? "Không tìm thấy văn bản" : "Không mở được văn bản";
      GV.flash(err.message, "error");
      calls.forEach((c) => c.catch(() => {}));
      return;
    }
    renderHead();
    if (state.doc.status === "queued" || state.doc.status === "processing") setTimeout(load, 2000);
    try {
      [state.pages, state.assignments] = await Promise.all(calls.slice(1));
    } catch (err) { GV.flash(err.message, "error"); return; }
    if (!state.pages.some((p) => p.number === state.page) && state.pages.length) state.page = state.pages[0].number;
    const first = state.pages.find((p) => p.number === state.page);
    state.view = first && (first.image || first.ocr) ? "image" : "text";
    renderAssignments();
    renderSource();
    const hash = location.hash.slice(1);
    const target = hash && document.getElementById(hash);
    if (target) { target.scrollIntoView({ block: "center" }); target.classList.add("flash-target"); const f = target.querySelector("textarea,input"); if (f) f.focus(); }
  }

  document.getElementById("page-view").addEventListener("click", (ev) => {
    const m = ev.target.closest("mark.hl");
    if (!m) return;
    const key = m.dataset.keys.split(" ")[0];
    const input = document.getElementById(key.startsWith("t") ? key : key.replace(/-period$/, "-period_start"));
    if (input) { input.scrollIntoView({ block: "center" }); input.focus(); }
  });
  document.getElementById("confirm-all").addEventListener("click", async () => {
    const assignment_ids = state.assignments.filter((a) => a.status === "pending").map((a) => a.id);
    const task_ids = state.assignments.filter((a) => a.status !== "rejected").flatMap((a) => (a.tasks || []).filter((t) => t.status === "pending").map((t) => t.id));
    if (!assignment_ids.length && !task_ids.length) { GV.flash("Không còn gì chờ xác nhận.", "ok"); return; }
    try {
      const res = await GV.api("POST", "/api/review/bulk", { assignment_ids, task_ids, status: "confirmed" });
      GV.flash(`Đã xác nhận ${res.updated} mục.`, "ok");
      load();
    } catch (err) { GV.flash(err.message, "error"); }
  });
  document.getElementById("rerun").addEventListener("click", async () => {
    if (!confirm("Trích xuất lại văn bản này? Những chỗ đã sửa được giữ nguyên.")) return;
    try { await GV.api("POST", `/api/documents/${enc(id)}/rerun`); GV.flash("Đang trích xuất lại…", "ok"); setTimeout(load, 1500); }
    catch (err) { GV.flash(err.message, "error"); }
  });
  document.getElementById("download").addEventListener("click", (ev) => {
    ev.preventDefault();
    GV.download(`/api/documents/${enc(id)}/file`, state.doc ? state.doc.name : "van-ban").catch((err) => GV.flash(err.message, "error"));
  });
  if (readOnly) { document.getElementById("confirm-all").hidden = true; document.getElementById("rerun").hidden = true; }
  load();
  GV.ready();
})();
