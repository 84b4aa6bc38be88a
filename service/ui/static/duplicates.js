/* Trùng lặp: one suggested pair at a time, the two tasks side by side with the words that
   differ marked; d = trùng lặp, k = không trùng, s = bỏ qua; the next pair shows at once and
   the decision is sent in the background. */
"use strict";
(async () => {
  if (!(await GV.requireLogin())) return;
  const { h } = GV;
  const box = document.getElementById("pair");
  const progress = document.getElementById("dup-progress");
  const clusterBox = document.getElementById("cluster");
  const decided = document.getElementById("decided");
  const readOnly = !GV.can("reviewer");
  const seen = new Set();  // decided or skipped in this session: not shown again
  let queue = [];
  let total = 0;
  let done = 0;
  // The scorer's kinds, as far as they are known; an unknown kind is shown as it is.
  // (extractor/dedup pair_kind)
  const KIND = { same_cadre_other_year: "cùng cán bộ, khác năm", same_unit: "cùng đơn vị", other_unit: "khác đơn vị",
                 exact: "giống hệt", near: "gần giống" };
  const LABEL = { duplicate: "Trùng lặp", distinct: "Không trùng", skip: "Bỏ qua", merge: "Gộp" };

  async function fetchMore() {
    const res = await GV.api("GET", "/api/duplicates?status=pending&limit=100&offset=0");
    total = res.total;
    queue = res.items.filter((p) => !seen.has(String(p.id)));
  }

  function side(s, tokens, tag, title) {
    const link = s.document_id != null
      ? h("a", { href: `/van-ban/${encodeURIComponent(s.document_id)}#task-${encodeURIComponent(s.task_id)}`, target: "_blank", rel: "noopener" },
          s.document_name || "Mở văn bản")
      : null;
    return h("div", { class: "side" },
      h("h2", {}, title),
      h("p", { class: "task-text", lang: "vi" }, GVDiff.render(tokens, tag)),
      h("dl", { class: "meta" },
        h("dt", {}, "Họ và tên"), h("dd", {}, s.cadre || "—"),
        h("dt", {}, "Đơn vị"), h("dd", {}, s.unit || "—"),
        h("dt", {}, "Năm"), h("dd", {}, s.year ?? "—"),
        h("dt", {}, "Văn bản"), h("dd", {}, link || "—")));
  }

  /** The pending pairs linked to PAIR through shared tasks: the server's cluster when it gives
      one, else the connected group of the pairs loaded here (A~B and B~C make one group). */
  function groupOf(pair) {
    if (pair.cluster != null) return queue.filter((p) => p.cluster === pair.cluster);
    const tasks = new Set([String(pair.a.task_id), String(pair.b.task_id)]);
    const members = new Set([pair]);
    for (let grew = true; grew;) {
      grew = false;
      for (const p of queue) {
        if (members.has(p) || p.cluster != null) continue;
        if (tasks.has(String(p.a.task_id)) || tasks.has(String(p.b.task_id))) {
          members.add(p); tasks.add(String(p.a.task_id)); tasks.add(String(p.b.task_id)); grew = true;
        }
      }
    }
    return [...members];
  }

  function renderCluster(pair) {
    clusterBox.replaceChildren();
    const members = groupOf(pair);
    if (members.length < 2) { clusterBox.hidden = true; return; }
    const tasks = new Map();
    for (const p of members) for (const s of [p.a, p.b]) tasks.set(String(s.task_id), s);
    clusterBox.hidden = false;
    clusterBox.append(
      h("h2", {}, `Cùng nhóm: ${tasks.size} nội dung giống nhau, ${members.length} cặp chờ quyết định`),
      h("ul", {}, [...tasks.values()].map((s) => h("li", {}, h("span", { class: "muted" }, `${s.cadre || "—"} · ${s.unit || "—"} · ${s.year ?? "—"}: `), s.text))),
      readOnly ? null : h("button", { type: "button", onclick: () => decideCluster(members) }, "Đánh dấu cả nhóm là trùng lặp"));
  }

  function decisionButtons(on) {
    document.getElementById("decide").hidden = readOnly;
    document.querySelectorAll("#decide button[data-decision]").forEach((b) => { b.hidden = !on; });
  }

  function render() {
    box.replaceChildren();
    const pair = queue[0];
    if (!pair) {
      progress.textContent = done ? `Đã quyết định ${done} cặp.` : "";
      box.append(h("p", { class: "empty" }, "Không còn cặp nào chờ quyết định."));
      clusterBox.hidden = true;
      decisionButtons(false);
      return;
    }
    decisionButtons(true);
    progress.textContent = `Còn ${Math.max(total - done, queue.length)} cặp chờ quyết định · đã quyết định ${done} trong phiên này`;
    const diff = GVDiff.wordDiff(pair.a.text, pair.b.text);
    box.dataset.id = pair.id;
    box.append(
      h("div", { class: "pair-head" },
        h("span", { class: "score", title: "Điểm trùng lặp (0 - 100)" }, "Điểm " + Math.round(pair.score)),
        pair.kind ? h("span", { class: "tag", title: pair.kind }, KIND[pair.kind] || pair.kind) : null,
        pair.cluster != null ? h("span", { class: "tag", title: "Cặp này thuộc một nhóm nội dung giống nhau (xem bên dưới)" }, "Thuộc một nhóm") : null,
        pair.reason ? h("span", { class: "reason" }, pair.reason) : null),
      h("div", { class: "sides" }, side(pair.a, diff.a, "del", "Nội dung A"), side(pair.b, diff.b, "ins", "Nội dung B")));
    renderCluster(pair);
  }

  /** One line of the history: what, who, when, the pair. */
  function historyItem(pair, decision, who, at) {
    return h("li", {},
      h("strong", {}, decision === "pending" ? "Hoàn tác" : (LABEL[decision] || decision)), " — ",
      h("span", { class: "muted" }, `${who || "?"}, ${GV.date(at)} ${at ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(at) ? at : at + "Z").toLocaleTimeString("vi-VN") : ""}: `),
      pair ? `${pair.a.cadre || "?"} / ${pair.b.cadre || "?"}: ` : "",
      pair ? h("span", { class: "muted" }, pair.a.text) : "(cặp không còn)");
  }

  function remember(pair, decision, ok) {
    const me = GV.user();
    const li = historyItem(pair, decision, me && me.name, new Date().toISOString());
    if (ok === false) li.classList.add("error");
    decided.prepend(li);
    return li;
  }

  // Decisions by everyone, from the server (who and when), newest first.
  let historyOffset = 0;
  async function loadHistory() {
    try {
      const res = await GV.api("GET", `/api/duplicates/decisions?limit=20&offset=${historyOffset}`);
      for (const r of res.items) decided.append(historyItem(r.pair, r.decision, r.user_name, r.at));
      historyOffset += res.items.length;
      document.getElementById("more-history").hidden = historyOffset >= res.total;
      if (!res.total && !decided.children.length) decided.append(h("li", { class: "muted" }, "Chưa có quyết định nào."));
    } catch (err) { GV.flash(err.message, "error"); }
  }
  document.getElementById("more-history").addEventListener("click", loadHistory);

  const history = [];  // [{pair, decision, li}] decided in this session, newest last: what U undoes
  const undoButton = document.getElementById("undo");

  /** Put the last decision back to "pending" and show that pair again, first. */
  async function undo() {
    const last = history.pop();
    undoButton.disabled = !history.length;
    if (!last) return;
    seen.delete(String(last.pair.id));
    queue.unshift(last.pair);
    last.li.remove();
    if (last.decision !== "skip") done -= 1;
    render();
    if (last.decision !== "skip") {
      try { await last.sent; await GV.api("POST", `/api/duplicates/${encodeURIComponent(last.pair.id)}/decision`, { decision: "pending" }); }
      catch (err) { GV.flash("Không hoàn tác được: " + err.message, "error"); }
    }
  }

  function decide(decision) {
    const pair = queue.shift();
    if (!pair) return;
    seen.add(String(pair.id));
    const li = remember(pair, decision);
    const entry = { pair, decision, li, sent: Promise.resolve() };
    history.push(entry);
    undoButton.disabled = false;
    if (decision !== "skip") {
      done += 1;
      entry.sent = GV.api("POST", `/api/duplicates/${encodeURIComponent(pair.id)}/decision`, { decision }).catch((err) => {
        const at = history.indexOf(entry);
        if (at >= 0) history.splice(at, 1);
        undoButton.disabled = !history.length;
        // The pair comes back so nothing is lost; the message says why.
        li.classList.add("error");
        li.append(h("span", { class: "error" }, " — chưa lưu: " + err.message));
        done -= 1;
        seen.delete(String(pair.id));
        queue.push(pair);
        GV.flash("Không lưu được quyết định: " + err.message, "error");
      });
    }
    render();
    if (!queue.length) fetchMore().then(render).catch((err) => GV.flash(err.message, "error"));
  }

  async function decideCluster(members) {
    try {
      const res = await GV.api("POST", "/api/duplicates/bulk", { ids: members.map((p) => p.id), decision: "duplicate" });
      for (const p of members) { seen.add(String(p.id)); remember(p, "duplicate"); }
      done += res.updated;
      queue = queue.filter((p) => !members.includes(p));
      GV.flash(`Đã đánh dấu ${res.updated} cặp là trùng lặp.`, "ok");
      render();
      if (!queue.length) { await fetchMore(); render(); }
    } catch (err) { GV.flash(err.message, "error"); }
  }

  document.addEventListener("keydown", (ev) => {
    if (readOnly || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.target.closest && ev.target.closest("input, textarea, select, [contenteditable]")) return;
    if (ev.key.toLowerCase() === "u") { ev.preventDefault(); undo(); return; }
    const decision = { d: "duplicate", k: "distinct", s: "skip" }[ev.key.toLowerCase()];
    if (!decision) return;
    ev.preventDefault();
    decide(decision);
  });
  document.getElementById("decide").addEventListener("click", (ev) => {
    if (ev.target.closest("#undo")) { undo(); return; }
    const b = ev.target.closest("button[data-decision]");
    if (b) decide(b.dataset.decision);
  });

  document.getElementById("dup-keys").hidden = readOnly;  // keys that would do nothing are not offered
  document.getElementById("dup-readonly").hidden = !readOnly;
  try { await fetchMore(); } catch (err) { GV.flash(err.message, "error"); }
  render();
  await loadHistory();
  box.focus();
  GV.ready();
})();
