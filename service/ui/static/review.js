/* Xem xét văn bản: the source on the left (page image for scans, page text with every
   extracted field highlighted at its span) and the assignments on the right, editable in
   place (PATCH), each assignment and task confirmed or rejected.

   A queue worked from the keyboard (reviewers): J/K next/previous cadre, C confirm and
   X reject the cadre with its pending tasks, E edit, T add a task, A add a cadre (from the
   text selected in the source, whose span is recorded, or found there), Delete removes a
   wrong cadre, U undoes the last decision, N opens the next document waiting. */
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
  const state = { doc: null, pages: [], assignments: [], page: 1, view: "text", images: {}, dups: new Map() };
  const DUP = { pending: "có thể trùng lặp, chờ quyết định", duplicate: "đã xác định trùng lặp", merged: "đã gộp (trùng lặp)",
                distinct: "đã xác định không trùng" };

  /** The duplicate decisions a task is in, on the record itself: with whom, what, who, when. */
  function dupNotes(t) {
    const pairs = state.dups.get(String(t.id)) || [];
    if (!pairs.length) return null;
    return h("ul", { class: "dup-notes" }, pairs.map((p) => {
      const other = String(p.a.task_id) === String(t.id) ? p.b : p.a;
      const who = p.status !== "pending" && p.decided_by ? ` (${p.decided_by}, ${GV.date(p.decided_at)})` : "";
      return h("li", { class: "dup-" + p.status },
        h("span", { class: "tag" + (p.status === "pending" ? " warn" : "") }, DUP[p.status] || p.status), who, " với ",
        other.document_id != null ? h("a", { href: `/van-ban/${enc(other.document_id)}#task-${enc(other.task_id)}` },
          `${other.cadre || "?"}${other.year ? ", " + other.year : ""}`) : (other.cadre || "?"),
        ": ", h("span", { class: "muted" }, other.text.length > 90 ? other.text.slice(0, 89) + "…" : other.text),
        p.status === "pending" && !readOnly ? [" · ", h("a", { href: "/trung-lap" }, "quyết định")] : null);
    }));
  }
  const readOnly = !GV.can("reviewer");
  const undoStack = []; // [{label, run}] newest last: what U undoes
  let currentId = null; // the cadre the keys act on

  /** Remember how to undo a decision just made (U, or the Hoàn tác button). */
  function pushUndo(label, run) {
    undoStack.push({ label, run });
    if (undoStack.length > 50) undoStack.shift();
    const b = document.getElementById("undo");
    if (b) { b.disabled = false; b.title = "Hoàn tác: " + label; }
  }

  async function undo() {
    const last = undoStack.pop();
    const b = document.getElementById("undo");
    if (b) b.disabled = !undoStack.length;
    if (!last) { GV.flash("Không còn gì để hoàn tác.", "info"); return; }
    try {
      await last.run();
      GV.flash("Đã hoàn tác: " + last.label + ".", "ok");
    } catch (err) { GV.flash("Không hoàn tác được: " + err.message, "error"); }
    await reloadAssignments();
    refreshProgress();
    select(currentCard());
  }

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

  /** Highlights on a scan's image, from the OCR word boxes the page carries (``words``, in the
      pixels of the image OCR read; optional: pages without them show the image alone). Each
      field's words get a box in the field's colour, placed in percent of the image so they
      follow it at any width. */
  function imageMarks(p) {
    if (!p.words || !p.words.length || !p.width || !p.height) return [];
    const out = [];
    for (const m of marksFor(p.number)) {
      for (const w of p.words) {
        if (w.end <= m.start || w.start >= m.end) continue;
        const box = h("span", { class: "hl box " + m.cls, title: m.label, dataset: { keys: m.key } });
        // through CSSOM, not a style attribute: the page's CSP (style-src 'self') refuses those
        Object.assign(box.style, { left: `${100 * w.x / p.width}%`, top: `${100 * w.y / p.height}%`,
          width: `${100 * w.w / p.width}%`, height: `${100 * w.h / p.height}%` });
        out.push(box);
      }
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
      const figure = h("div", { class: "page-figure" }, img);
      view.append(figure);
      try { img.src = await pageImage(p); } catch (err) { figure.replaceWith(h("p", { class: "error" }, "Không tải được ảnh trang: " + err.message)); return; }
      figure.append(...imageMarks(p));
      return;
    }
    const pre = h("div", { class: "page-text", lang: "vi", tabindex: "0", "aria-label": `Chữ trang ${p.number}` });
    pre.append(highlighted(p.text || "", marksFor(p.number)));
    view.append(pre);
  }

  /** Show where a field was read. ``toText``: switch a scan's image view to its text (a field
      focused); moving through the queue leaves the reviewer's view as it is. */
  function showSource(span, key, toText = true) {
    if (!span) return;
    if (!toText && state.view !== "text") return;
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

  function fieldRow(a, name, label) {
    const f = (a.fields || {})[name] || {};
    const low = typeof f.confidence === "number" && f.confidence < LOW;
    const inputId = `a${a.id}-${name}`;
    const input = h("input", { id: inputId, name, value: a[name] || "", disabled: readOnly, class: low ? "low" : null,
      "aria-describedby": low ? inputId + "-low" : null });
    input.addEventListener("focus", () => showSource(f.span, `a${a.id}-${name}`));
    // Saved where it stands (no re-render): the reviewer's focus has already moved on with Tab.
    input.addEventListener("change", async () => {
      const old = a[name] || "";
      const updated = await patch(`/api/assignments/${enc(a.id)}`, { [name]: input.value.trim() }, `Đã lưu ${label.toLowerCase()}.`);
      if (name !== "cadre" || old) pushUndo(`sửa ${label.toLowerCase()} của ${a.cadre}`, () => GV.api("PATCH", `/api/assignments/${enc(a.id)}`, { [name]: old }));
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
    // What the document itself says: the extraction's text, never a reviewer's correction
    // (a cadre a reviewer added has no such text).
    const written = a.extracted ? a.extracted.period_text : (corrected ? null : p.text);
    const mk = (key, label, value) => {
      const inputId = `a${a.id}-${key}`;
      const input = h("input", { id: inputId, name: key, type: "number", min: "1900", max: "2200", value: value ?? "", disabled: readOnly, class: "year" });
      input.addEventListener("focus", () => showSource((a.fields && a.fields.period && a.fields.period.span) || p.span, `a${a.id}-period`));
      input.addEventListener("change", async () => {
        const v = input.value.trim() === "" ? null : Number(input.value);
        if (v !== null && !(v >= 1900 && v <= 2200)) { GV.flash("Năm phải trong khoảng 1900 - 2200.", "error"); return; }
        const old = value ?? null;
        mergeAssignment(a, await patch(`/api/assignments/${enc(a.id)}`, { [key]: v }, "Đã lưu thời gian."));
        pushUndo(`sửa thời gian của ${a.cadre}`, () => GV.api("PATCH", `/api/assignments/${enc(a.id)}`, { [key]: old }));
        const tag = input.closest(".period").querySelector(".label");
        if (!tag.querySelector(".tag.ok")) tag.firstChild.after(h("span", { class: "tag ok" }, "đã sửa"));
      });
      return [h("label", { for: inputId, class: "inline" }, label), input];
    };
    return h("div", { class: "field period" },
      h("span", { class: "label" }, "Thời gian", corrected ? h("span", { class: "tag ok" }, "đã sửa") : null,
        written ? h("span", { class: "muted small written" }, ` (văn bản ghi: “${written}”)`) : null),
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
      const old = t.text;
      const updated = await patch(`/api/tasks/${enc(t.id)}`, { text: area.value.trim() }, "Đã lưu nội dung.");
      pushUndo(`sửa nội dung ${i + 1} của ${a.cadre}`, () => GV.api("PATCH", `/api/tasks/${enc(t.id)}`, { text: old }));
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
          const old = t.status;
          const updated = await patch(`/api/tasks/${enc(t.id)}`, { status }, status === "confirmed" ? "Đã xác nhận nội dung." : "Đã loại nội dung.");
          pushUndo(`${status === "confirmed" ? "xác nhận" : "loại"} nội dung ${i + 1} của ${a.cadre}`, () => GV.api("PATCH", `/api/tasks/${enc(t.id)}`, { status: old }));
          Object.assign(t, updated);
          li.className = "task st-" + t.status;
          li.querySelector(".tags").replaceChildren(...taskTags(t));
          li.querySelectorAll(".decide-small button").forEach((b) => {
            const on = (b.classList.contains("ok") && t.status === "confirmed") || (b.classList.contains("no") && t.status === "rejected");
            b.classList.toggle("on", on); b.setAttribute("aria-pressed", String(on));
          });
          refreshCounts();
          refreshProgress();
        }, "nội dung " + (i + 1)),
        readOnly ? null : h("button", { type: "button", class: "del small", onclick: () => deleteTask(a, t, i) }, "Xóa", h("span", { class: "sr" }, " nội dung " + (i + 1)))),
      area, dupNotes(t));
    return li;
  }

  function card(a, n) {
    const warnings = (a.warnings || []).map(GV.warning);
    return h("article", { class: "assignment st-" + a.status + (lowest(a) < LOW ? " low" : "") + (String(a.id) === String(currentId) ? " current" : ""),
      id: "a-" + a.id, tabindex: "-1", dataset: { id: a.id, n: String(n) },
      "aria-label": "Cán bộ " + (a.cadre || n) },
      h("header", {},
        h("h3", {}, `${n}. ${a.cadre || "(chưa rõ tên)"}`),
        badge(a.status),
        h("span", { class: "conf" + (a.confidence < LOW ? " warn" : ""), title: "Độ tin cậy của trích xuất" }, "Độ tin cậy " + pct(a.confidence)),
        decideButtons(a.status, (status) => decideCard(a, status, false), "cán bộ " + (a.cadre || n)),
        readOnly ? null : h("button", { type: "button", class: "del small", onclick: () => deleteCard(a) }, "Xóa", h("span", { class: "sr" }, " cán bộ " + (a.cadre || n)))),
      warnings.length ? h("ul", { class: "warnings" }, warnings.map((w) => h("li", {}, "⚠ " + w))) : null,
      ...FIELDS.map(([name, label]) => fieldRow(a, name, label)),
      periodRow(a),
      a.declared_count != null && !warnings.some((w) => w.startsWith("công bố")) ? h("p", { class: "muted small" }, `Văn bản công bố ${a.declared_count} nội dung, tìm thấy ${(a.tasks || []).length}.`) : null,
      h("ol", { class: "tasks" }, (a.tasks || []).map((t, i) => taskItem(a, t, i))),
      readOnly ? null : h("button", { type: "button", class: "add small", onclick: () => openAddTask(a) }, "+ Thêm nội dung bị sót", h("span", { class: "sr" }, " cho " + (a.cadre || n))));
  }

  function refreshCounts() {
    const open = state.assignments.filter((a) => a.status === "pending").length;
    document.getElementById("a-count").textContent = `(${state.assignments.length} người, ${open} chờ xem xét)`;
  }

  /** "x of y reviewed" for the whole backlog, not just this document. */
  async function refreshProgress() {
    const el = document.getElementById("progress");
    try {
      const p = await GV.api("GET", "/api/review/progress");
      el.textContent = `Toàn bộ hồ sơ: đã xem xét ${p.assignments.reviewed}/${p.assignments.total} cán bộ, ` +
        `${p.tasks.reviewed}/${p.tasks.total} nội dung · ${p.waiting_documents ? "còn " + p.waiting_documents + " văn bản chờ xem xét" : "không còn văn bản nào chờ"}`;
      const next = document.getElementById("next-doc");
      const others = p.waiting_documents - (state.assignments.some((a) => a.status === "pending" || (a.tasks || []).some((t) => t.status === "pending")) ? 1 : 0);
      next.disabled = others <= 0;
    } catch (err) { el.textContent = ""; }
  }

  // ---- the queue: the current cadre, decisions, undo ------------------------------------
  const cards = () => [...document.querySelectorAll("#assignments article.assignment")];

  function select(card, focus = true) {
    if (!card) return;
    cards().forEach((c) => c.classList.toggle("current", c === card));
    currentId = card.dataset.id;
    if (focus) card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
    const a = byId(currentId);
    if (a && a.span) showSource(a.span, `a${a.id}-cadre`, false);
  }
  const byId = (aid) => state.assignments.find((x) => String(x.id) === String(aid));
  const currentCard = () => document.getElementById("a-" + currentId) || cards()[0];

  function move(step) {
    const list = cards();
    if (!list.length) return;
    const i = list.indexOf(currentCard());
    select(list[Math.max(0, Math.min(list.length - 1, (i < 0 ? 0 : i + step)))]);
  }

  /** Put statuses back as they were: {assignments: {id: status}, tasks: {id: status}}. */
  async function restoreStatuses(before) {
    for (const status of ["pending", "confirmed", "rejected"]) {
      const assignment_ids = Object.keys(before.assignments).filter((k) => before.assignments[k] === status).map(Number);
      const task_ids = Object.keys(before.tasks).filter((k) => before.tasks[k] === status).map(Number);
      if (assignment_ids.length || task_ids.length) await GV.api("POST", "/api/review/bulk", { assignment_ids, task_ids, status });
    }
  }

  /** Confirm or reject a cadre with its tasks still pending (what a reviewer means by it: the
      register and the export count tasks, and a task left pending is not confirmed). */
  async function decideCard(a, status, advance) {
    const before = { assignments: { [a.id]: a.status }, tasks: {} };
    const task_ids = [];
    for (const t of a.tasks || []) if (t.status === "pending") { before.tasks[t.id] = t.status; task_ids.push(t.id); }
    try {
      await GV.api("POST", "/api/review/bulk", { assignment_ids: [a.id], task_ids, status });
    } catch (err) { GV.flash("Không lưu được: " + err.message, "error"); return; }
    const verb = status === "confirmed" ? "xác nhận" : "loại";
    pushUndo(`${verb} ${a.cadre}`, () => restoreStatuses(before));
    GV.flash(`Đã ${verb} cán bộ ${a.cadre}` + (task_ids.length ? ` và ${task_ids.length} nội dung.` : "."), "ok");
    await reloadAssignments();
    refreshProgress();
    const card = document.getElementById("a-" + a.id);
    if (advance) {
      const list = cards();
      const i = list.indexOf(card);
      // Next cadre still pending after this one, else the next one.
      const next = list.slice(i + 1).find((c) => c.classList.contains("st-pending")) || list[i + 1] || card;
      select(next);
    } else if (card) {
      const b = card.querySelector("header .decide-small button." + (status === "confirmed" ? "ok" : "no"));
      if (b) b.focus();
    }
  }

  async function deleteCard(a) {
    if (!confirm(`Xóa cán bộ “${a.cadre}” và ${(a.tasks || []).length} nội dung? (Hoàn tác bằng phím U.)`)) return;
    try { await GV.api("DELETE", `/api/assignments/${enc(a.id)}`); }
    catch (err) { GV.flash("Không xóa được: " + err.message, "error"); return; }
    const list = cards();
    const i = list.indexOf(document.getElementById("a-" + a.id));
    const neighbour = list[i + 1] || list[i - 1];
    currentId = neighbour ? neighbour.dataset.id : null;
    pushUndo(`xóa ${a.cadre}`, async () => {
      const again = await GV.api("POST", "/api/assignments", {
        document_id: Number(id), cadre: a.cadre, position: a.position || null, unit: a.unit || null,
        period_start: a.period ? a.period.start : null, period_end: a.period ? a.period.end : null,
        span: spanIn(a.span), status: a.status });
      for (const t of a.tasks || []) await GV.api("POST", "/api/tasks", { assignment_id: again.id, text: t.text, span: spanIn(t.span), status: t.status });
      currentId = again.id;
    });
    GV.flash(`Đã xóa cán bộ ${a.cadre}.`, "ok");
    await reloadAssignments();
    refreshProgress();
    select(currentCard());
  }

  async function deleteTask(a, t, i) {
    if (!confirm(`Xóa nội dung ${i + 1} của ${a.cadre}?`)) return;
    try { await GV.api("DELETE", `/api/tasks/${enc(t.id)}`); }
    catch (err) { GV.flash("Không xóa được: " + err.message, "error"); return; }
    pushUndo(`xóa nội dung ${i + 1} của ${a.cadre}`, () => GV.api("POST", "/api/tasks", { assignment_id: a.id, text: t.text, span: spanIn(t.span), status: t.status }));
    GV.flash("Đã xóa nội dung.", "ok");
    currentId = a.id;
    await reloadAssignments();
    refreshProgress();
  }

  /** A stored span as the API takes it back (page, start, end only). */
  const spanIn = (sp) => (sp && sp.page != null ? { page: sp.page, start: sp.start, end: sp.end } : null);

  // ---- adding what the extraction missed ----------------------------------------------
  /** The text selected in the page text, with its span (page, offsets into the page text). */
  function selectedSpan() {
    const sel = window.getSelection();
    const pre = document.querySelector("#page-view .page-text");
    if (!sel || sel.isCollapsed || !pre || !pre.contains(sel.anchorNode) || !pre.contains(sel.focusNode)) return null;
    const range = sel.getRangeAt(0);
    const before = document.createRange();
    before.setStart(pre, 0);
    before.setEnd(range.startContainer, range.startOffset);
    let start = before.toString().length;
    let text = range.toString();
    const lead = text.length - text.trimStart().length;
    text = text.trim();
    if (!text) return null;
    start += lead;
    return { text, span: { page: state.page, start, end: start + text.length } };
  }

  /** Where TEXT is written in the source: the current page first, exactly, then ignoring case. */
  function findSpan(text) {
    const want = text.trim();
    if (!want) return null;
    const pages = [...state.pages].sort((x, y) => (x.number === state.page ? -1 : y.number === state.page ? 1 : x.number - y.number));
    for (const fold of [(s) => s, (s) => s.toLocaleLowerCase("vi")]) {
      for (const p of pages) {
        const at = fold(p.text || "").indexOf(fold(want));
        if (at >= 0) return { page: p.number, start: at, end: at + want.length };
      }
    }
    return null;
  }

  function spanNote(span) {
    return span ? `Ghi nhận vị trí: trang ${span.page}, ký tự ${span.start}–${span.end}.` : "Không thấy đoạn này trong văn bản gốc: lưu không kèm vị trí.";
  }

  /** A small inline form; Enter saves, Escape cancels. */
  function inlineForm(title, fields, onSave, onCancel) {
    const note = h("p", { class: "muted small span-note", "aria-live": "polite" });
    const form = h("form", { class: "add-form", "aria-label": title },
      h("h4", {}, title),
      ...fields.map((f) => h("div", { class: "field" }, h("label", { for: f.id }, f.label), f.input)),
      note,
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Lưu (Enter)"),
        h("button", { type: "button", onclick: () => { form.remove(); onCancel(); } }, "Hủy (Esc)")));
    form.addEventListener("submit", async (ev) => { ev.preventDefault(); await onSave(form, note); });
    form.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); ev.stopPropagation(); form.remove(); onCancel(); } });
    return { form, note };
  }

  function textInput(idAttr, name, value, extra = {}) {
    return h("input", { id: idAttr, name, value: value || "", autocomplete: "off", ...extra });
  }

  function openAddTask(a) {
    const card = document.getElementById("a-" + a.id);
    if (!card || card.querySelector("form.add-form")) return;
    const picked = selectedSpan();
    const input = textInput(`add-task-${a.id}`, "text", picked ? picked.text : "", { required: true });
    const { form, note } = inlineForm(`Thêm nội dung cho ${a.cadre}`, [{ id: input.id, label: "Nội dung (chọn trong văn bản gốc hoặc gõ)", input }],
      async () => {
        const text = input.value.trim();
        if (!text) { input.focus(); return; }
        const span = picked && picked.text === text ? picked.span : findSpan(text);
        let t;
        try { t = await GV.api("POST", "/api/tasks", { assignment_id: a.id, text, span }); }
        catch (err) { GV.flash("Không thêm được: " + err.message, "error"); return; }
        pushUndo(`thêm nội dung “${text.slice(0, 40)}”`, () => GV.api("DELETE", `/api/tasks/${enc(t.id)}`));
        GV.flash("Đã thêm nội dung. " + spanNote(span), "ok");
        currentId = a.id;
        await reloadAssignments();
        refreshProgress();
        select(currentCard());
      }, () => select(card));
    input.addEventListener("input", () => { note.textContent = spanNote(findSpan(input.value)); });
    note.textContent = input.value ? spanNote(picked ? picked.span : findSpan(input.value)) : "Chọn đoạn chữ trong văn bản gốc rồi bấm T, hoặc gõ nội dung.";
    card.append(form);
    input.focus();
  }

  function openAddCadre() {
    const box = document.getElementById("add-cadre-box");
    if (box.querySelector("form")) { box.querySelector("input").focus(); return; }
    const picked = selectedSpan();
    const inputs = {
      cadre: textInput("add-cadre-name", "cadre", picked ? picked.text : "", { required: true }),
      position: textInput("add-position", "position", ""),
      unit: textInput("add-unit", "unit", ""),
      period_start: textInput("add-start", "period_start", "", { type: "number", min: "1900", max: "2200", class: "year" }),
      period_end: textInput("add-end", "period_end", "", { type: "number", min: "1900", max: "2200", class: "year" }),
    };
    const labels = { cadre: "Họ và tên (chọn trong văn bản gốc hoặc gõ)", position: "Chức vụ", unit: "Đơn vị", period_start: "Từ năm", period_end: "Đến năm" };
    const { form, note } = inlineForm("Thêm cán bộ bị sót", Object.entries(inputs).map(([k, input]) => ({ id: input.id, label: labels[k], input })),
      async () => {
        const body = { document_id: Number(id) };
        for (const [k, input] of Object.entries(inputs)) {
          const v = input.value.trim();
          body[k] = k.startsWith("period") ? (v ? Number(v) : null) : (v || null);
        }
        if (!body.cadre) { inputs.cadre.focus(); return; }
        body.span = picked && picked.text === body.cadre ? picked.span : findSpan(body.cadre);
        let a;
        try { a = await GV.api("POST", "/api/assignments", body); }
        catch (err) { GV.flash("Không thêm được: " + err.message, "error"); return; }
        form.remove();
        pushUndo(`thêm cán bộ ${a.cadre}`, () => GV.api("DELETE", `/api/assignments/${enc(a.id)}`));
        GV.flash(`Đã thêm cán bộ ${a.cadre}. ` + spanNote(body.span), "ok");
        currentId = a.id;
        await reloadAssignments();
        refreshProgress();
        select(currentCard());
      }, () => select(currentCard()));
    inputs.cadre.addEventListener("input", () => { note.textContent = spanNote(findSpan(inputs.cadre.value)); });
    note.textContent = picked ? spanNote(picked.span) : "Chọn tên trong văn bản gốc rồi bấm A, hoặc gõ tên.";
    box.append(form);
    inputs.cadre.focus();
  }

  // ---- drawing ------------------------------------------------------------------------
  function renderAssignments() {
    const box = document.getElementById("assignments");
    box.replaceChildren();
    const d = state.doc;
    if (!state.assignments.length) {
      let msg = "Văn bản đang được xử lý…";
      if (d.status === "done") msg = "Không tìm thấy cán bộ nào được giao việc trong văn bản này." + (readOnly ? "" : " Nếu có, hãy thêm (phím A).");
      else if (d.status === "failed") msg = "Văn bản không đọc được nên chưa có gì để xem xét: " + GV.docError(d.error);
      box.append(h("p", { class: d.status === "failed" ? "error" : "muted", id: "no-records" }, msg));
    }
    // Low confidence first: that is where a reviewer's minute is best spent.
    const order = [...state.assignments].sort((x, y) => lowest(x) - lowest(y));
    order.forEach((a) => box.append(card(a, state.assignments.indexOf(a) + 1)));
    refreshCounts();
    const actionable = d.status === "done" && !readOnly;
    document.getElementById("confirm-all").hidden = !actionable || !state.assignments.length;
    document.getElementById("add-cadre-box").hidden = !actionable;
  }

  async function reloadAssignments() {
    try { state.assignments = await GV.api("GET", `/api/documents/${enc(id)}/assignments`); }
    catch (err) { GV.flash(err.message, "error"); return; }
    renderAssignments();
    renderSource();
  }

  function renderHead() {
    const d = state.doc;
    const title = document.getElementById("doc-title");
    title.textContent = d.title || d.name;
    title.title = d.title || d.name; // the heading is cut at two lines; the whole title on hover
    document.title = (d.title || d.name) + " · Xem xét";
    const bits = [d.name, GV.KIND[d.kind] || d.kind, d.number ? "Số " + d.number : null, d.pages ? d.pages + " trang" : null,
      d.ocr ? "bản quét" : null, "tải lên " + GV.date(d.uploaded_at), GV.STATUS[d.status]];
    const meta = document.getElementById("doc-meta");
    meta.textContent = bits.filter(Boolean).join(" · ");
    const oldErr = document.getElementById("doc-error");
    if (oldErr) oldErr.remove();
    if (d.status === "failed") {
      meta.after(h("p", { class: "error doc-error", id: "doc-error", role: "alert" },
        "Lỗi khi xử lý văn bản: " + GV.docError(d.error) + (d.error && d.error.message && GV.ERROR[d.error.code] ? ` (${d.error.message})` : "")));
    }
    const old = document.getElementById("doc-warnings");
    if (old) old.remove();
    if ((d.warnings || []).length) {
      meta.after(h("ul", { class: "warnings", id: "doc-warnings" },
        d.warnings.map((w) => h("li", { title: w }, "⚠ " + GV.warning(w)))));
    }
    document.getElementById("rerun").hidden = readOnly || d.status === "queued" || d.status === "processing";
  }

  /** A document that does not exist (or an id that cannot be one): say so, offer no actions. */
  function notFound(message) {
    document.getElementById("doc-title").textContent = "Không tìm thấy văn bản";
    document.title = "Không tìm thấy văn bản · Xem xét";
    document.getElementById("doc-actions").hidden = true;
    document.getElementById("review").hidden = true;
    document.getElementById("review-bar").hidden = true;
    document.getElementById("doc-meta").replaceChildren(
      message, " ", h("a", { href: "/van-ban" }, "Về danh sách văn bản"), ".");
  }

  async function load() {
    if (!/^[1-9]\d{0,9}$/.test(id)) { notFound(`“${id}” không phải mã văn bản.`); return; }
    // The three calls at once: one round trip, not three, before the reviewer sees anything.
    // Each settles on its own, so a failure of one is never an unhandled rejection.
    const calls = [`/api/documents/${enc(id)}`, `/api/documents/${enc(id)}/pages`, `/api/documents/${enc(id)}/assignments`,
                   `/api/duplicates?document_id=${enc(id)}&status=all&limit=500`]
      .map((path) => GV.api("GET", path).then((value) => ({ value }), (error) => ({ error })));
    const doc = await calls[0];
    if (doc.error) {
      if (doc.error.status === 404) notFound(`Văn bản số ${id} không có hoặc đã bị xóa.`);
      else { document.getElementById("doc-title").textContent = "Không mở được văn bản"; GV.flash(doc.error.message, "error"); }
      await Promise.all(calls);
      return;
    }
    state.doc = doc.value;
    renderHead();
    if (state.doc.status === "queued" || state.doc.status === "processing") setTimeout(load, 2000);
    const [pages, assignments, dups] = await Promise.all(calls.slice(1));
    if (pages.error || assignments.error) { GV.flash((pages.error || assignments.error).message, "error"); return; }
    [state.pages, state.assignments] = [pages.value, assignments.value];
    state.dups = new Map();
    for (const p of (dups.value && dups.value.items) || []) {
      for (const side of [p.a, p.b]) {
        const k = String(side.task_id);
        if (!state.dups.has(k)) state.dups.set(k, []);
        state.dups.get(k).push(p);
      }
    }
    if (!state.pages.some((p) => p.number === state.page) && state.pages.length) state.page = state.pages[0].number;
    const first = state.pages.find((p) => p.number === state.page);
    state.view = first && (first.image || first.ocr) ? "image" : "text";
    renderAssignments();
    renderSource();
    refreshProgress();
    const hash = location.hash.slice(1);
    const target = hash && document.getElementById(hash);
    if (target) {
      target.scrollIntoView({ block: "center" }); target.classList.add("flash-target");
      const c = target.closest("article.assignment"); if (c) { currentId = c.dataset.id; c.classList.add("current"); }
      const f = target.querySelector("textarea,input"); if (f) f.focus();
    } else if (!currentId && cards().length && !readOnly) {
      select(cards().find((c) => c.classList.contains("st-pending")) || cards()[0]);
    }
  }

  async function nextDocument() {
    try {
      const next = await GV.api("GET", `/api/review/next?after=${enc(id)}`);
      if (next.document_id == null || String(next.document_id) === String(id)) { GV.flash("Không còn văn bản nào khác chờ xem xét.", "ok"); return; }
      location.href = `/van-ban/${enc(next.document_id)}`;
    } catch (err) { GV.flash(err.message, "error"); }
  }

  // ---- keys -----------------------------------------------------------------------------
  const KEYS = {
    j: () => move(1), k: () => move(-1), n: nextDocument,
    c: () => { const a = byId(currentCard() && currentCard().dataset.id); if (a) decideCard(a, "confirmed", true); },
    x: () => { const a = byId(currentCard() && currentCard().dataset.id); if (a) decideCard(a, "rejected", true); },
    e: () => { const c = currentCard(); const f = c && c.querySelector("input:not([disabled]), textarea:not([disabled])"); if (f) f.focus(); },
    t: () => { const a = byId(currentCard() && currentCard().dataset.id); if (a) openAddTask(a); },
    a: openAddCadre,
    u: undo,
    Delete: () => { const a = byId(currentCard() && currentCard().dataset.id); if (a) deleteCard(a); },
  };
  const READ_KEYS = new Set(["j", "k", "n"]);
  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || !state.doc) return;
    const el = ev.target;
    const typing = el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
    if (typing) {
      // Escape leaves a field (its change is saved) and goes back to the queue.
      if (ev.key === "Escape" && el.closest("article.assignment")) { el.blur(); select(el.closest("article.assignment")); }
      return;
    }
    const key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    const fn = KEYS[key];
    if (!fn || (readOnly && !READ_KEYS.has(key))) return;
    if (el && el.tagName === "BUTTON" && key === "Enter") return;
    ev.preventDefault();
    fn();
  });
  document.getElementById("assignments").addEventListener("focusin", (ev) => {
    const c = ev.target.closest("article.assignment");
    if (c && c.dataset.id !== String(currentId)) { currentId = c.dataset.id; cards().forEach((x) => x.classList.toggle("current", x === c)); }
  });

  document.getElementById("page-view").addEventListener("click", (ev) => {
    const m = ev.target.closest("mark.hl");
    if (!m || !window.getSelection().isCollapsed) return;
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
      pushUndo("xác nhận tất cả", () => restoreStatuses({ assignments: Object.fromEntries(assignment_ids.map((x) => [x, "pending"])),
                                                        tasks: Object.fromEntries(task_ids.map((x) => [x, "pending"])) }));
      GV.flash(`Đã xác nhận ${res.updated} mục.`, "ok");
      await reloadAssignments();
      refreshProgress();
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
  document.getElementById("undo").addEventListener("click", undo);
  document.getElementById("next-doc").addEventListener("click", nextDocument);
  document.getElementById("add-cadre").addEventListener("click", openAddCadre);
  if (readOnly) {
    for (const sel of ["#confirm-all", "#rerun", "#undo", "#add-cadre-box", ".review-keys.reviewer"]) document.querySelectorAll(sel).forEach((e) => { e.hidden = true; });
  } else {
    document.querySelectorAll(".review-keys.clerk").forEach((e) => { e.hidden = true; });
  }
  await load();
  GV.ready();
})();
