/* Văn bản: the documents with status, kind, pages, counts; filters unit / year / status. */
"use strict";
(async () => {
  if (!(await GV.requireLogin())) return;
  const { h } = GV;
  const form = document.getElementById("doc-filters");
  const tbody = document.querySelector("#documents tbody");
  const LIMIT = 50;
  let offset = 0;
  let timer = null;

  // The filters live in the address too, so a filtered list can be bookmarked and shared.
  const params = new URLSearchParams(location.search);
  for (const el of form.elements) if (el.name && params.has(el.name)) el.value = params.get(el.name);
  offset = Number(params.get("offset") || 0);

  function statusCell(d) {
    let text = GV.STATUS[d.status] || d.status;
    if (d.status === "processing" && d.pages) text += ` (${d.pages_done || 0}/${d.pages} trang)`;
    const td = h("td", { class: "status s-" + d.status }, text);
    if (d.status === "failed" && d.error) td.append(h("div", { class: "error small", title: d.error.message || null }, GV.docError(d.error)));
    return td;
  }

  async function load() {
    clearTimeout(timer);
    const q = GV.formQuery(form, { limit: LIMIT, offset });
    history.replaceState(null, "", location.pathname + "?" + q.toString());
    let res;
    try {
      res = await GV.api("GET", "/api/documents?" + q.toString());
    } catch (err) { GV.flash(err.message, "error"); return; }
    tbody.replaceChildren();
    for (const d of res.items) {
      tbody.append(h("tr", { dataset: { id: d.id, status: d.status } },
        h("td", {}, h("a", { href: "/van-ban/" + encodeURIComponent(d.id) }, d.title || d.name),
          d.title && d.title !== d.name ? h("div", { class: "muted small" }, d.name) : null,
          d.ocr ? h("span", { class: "tag", title: "Bản quét, chữ được nhận dạng (OCR)" }, "bản quét") : null),
        h("td", { class: "nowrap" }, GV.KIND[d.kind] || d.kind || ""),
        h("td", { class: "nowrap" }, d.number || ""),
        h("td", { class: "num" }, d.pages ?? ""),
        statusCell(d),
        h("td", { class: "num" }, d.assignments ?? 0),
        h("td", { class: "num" }, d.tasks ?? 0),
        h("td", { class: "num" + (d.open_reviews ? " attention" : "") }, d.open_reviews ?? 0),
        h("td", { class: "nowrap" }, GV.date(d.uploaded_at))));
    }
    if (!res.items.length) tbody.append(h("tr", {}, h("td", { colspan: "9", class: "muted" }, "Không có văn bản nào khớp bộ lọc.")));
    document.getElementById("doc-count").textContent = `${res.total} văn bản`;
    const pages = Math.max(1, Math.ceil(res.total / LIMIT));
    document.getElementById("page-info").textContent = `Trang ${Math.floor(offset / LIMIT) + 1}/${pages}`;
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = offset + LIMIT >= res.total;
    // Keep the list live while something is still being processed.
    if (res.items.some((d) => d.status === "queued" || d.status === "processing")) timer = setTimeout(load, 3000);
  }

  form.addEventListener("submit", (ev) => { ev.preventDefault(); offset = 0; load(); });
  form.addEventListener("reset", () => setTimeout(() => { offset = 0; load(); }));
  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - LIMIT); load(); });
  document.getElementById("next").addEventListener("click", () => { offset += LIMIT; load(); });
  load();
  GV.ready();
})();
