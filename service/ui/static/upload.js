/* Tải lên: drop or pick many files (or a .zip); each file is sent on its own so it has its
   own progress, then each stored document is polled (GET /api/documents/{id}) until it is
   done or failed. */
"use strict";
(async () => {
  // Not awaited: the drop box must answer at once, even while /api/me is still on its way.
  const signedIn = GV.requireLogin();
  const { h } = GV;
  const table = document.getElementById("uploads");
  const tbody = table.querySelector("tbody");
  const drop = document.getElementById("drop");
  const input = document.getElementById("files");
  const POLL_MS = 1000;

  function row(name) {
    document.getElementById("upload-empty").hidden = true;
    table.hidden = false;
    const state = h("td", { class: "state" }, "Đang tải lên…");
    const bar = h("progress", { max: "100", value: "0", "aria-label": "Tiến độ " + name });
    const result = h("td", { class: "result" });
    const tr = h("tr", { dataset: { name } }, h("th", { scope: "row", class: "fname" }, name), state, h("td", {}, bar), result);
    tbody.append(tr);
    return { tr, state, bar, result };
  }

  function describe(doc) {
    const pages = doc.pages || 0;
    switch (doc.stage || doc.status) {
      case "queued": return ["Đã tải lên, đang chờ xử lý", 5];
      case "reading": return [pages ? `Đang đọc trang ${Math.min((doc.pages_done || 0) + 1, pages)}/${pages}` : "Đang đọc văn bản",
                              10 + (pages ? 60 * (doc.pages_done || 0) / pages : 0)];
      case "extracting": return ["Đang trích xuất", 75];
      case "dedup": return ["Đang tìm nội dung trùng lặp", 90];
      case "processing": return ["Đang xử lý", 50];
      case "done": return ["Xong", 100];
      case "failed": return ["Lỗi", 100];
      default: return [GV.STATUS[doc.status] || String(doc.status), 50];
    }
  }

  function show(r, doc) {
    const [text, pct] = describe(doc);
    r.state.textContent = text;
    r.bar.value = pct;
    r.tr.dataset.status = doc.status;
    r.tr.className = doc.status === "failed" ? "failed" : doc.status === "done" ? "done" : "";
    r.result.replaceChildren();
    if (doc.status === "done") {
      r.result.append(h("a", { href: "/van-ban/" + encodeURIComponent(doc.id) },
        `${doc.assignments ?? 0} cán bộ, ${doc.tasks ?? 0} nội dung — xem xét`));
    } else if (doc.status === "failed") {
      r.result.append(h("span", { class: "error", title: (doc.error && doc.error.message) || null }, GV.docError(doc.error)));
    }
  }

  async function poll(r, id) {
    for (;;) {
      let doc;
      try {
        doc = await GV.api("GET", "/api/documents/" + encodeURIComponent(id));
      } catch (err) {
        r.state.textContent = "Mất kết nối, đang thử lại…";
        await new Promise((res) => setTimeout(res, POLL_MS * 3));
        continue;
      }
      show(r, doc);
      if (doc.status === "done" || doc.status === "failed") return doc;
      await new Promise((res) => setTimeout(res, POLL_MS));
    }
  }

  // XMLHttpRequest rather than fetch(): only it reports how much of a large scan has been sent.
  function send(file, r) {
    return new Promise((resolve, reject) => {
      const fd = new FormData();
      fd.append("file", file, file.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/documents");
      xhr.setRequestHeader("Authorization", "Bearer " + GV.token());
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.onprogress = (ev) => {
        if (ev.lengthComputable) {
          r.bar.value = Math.round(5 * ev.loaded / ev.total);
          r.state.textContent = `Đang tải lên ${Math.round(100 * ev.loaded / ev.total)}%`;
        }
      };
      xhr.onerror = () => reject(new GV.ApiError(0, "Không kết nối được máy chủ. Hãy thử lại."));
      xhr.onload = () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
        if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
        const d = body && (body.detail || body.error);
        const code = d && typeof d === "object" ? d.code : null;
        const msg = (code && GV.ERROR[code]) || ({ 401: "Phiên đăng nhập hết hạn. Hãy đăng nhập lại.",
          403: "Vai trò của bạn không được tải văn bản lên.", 413: GV.ERROR.too_large, 415: GV.ERROR.unsupported }[xhr.status])
          || (typeof d === "string" ? d : "Lỗi máy chủ (" + xhr.status + ").");
        reject(new GV.ApiError(xhr.status, msg, code));
      };
      xhr.send(fd);
    });
  }

  async function uploadOne(file) {
    const r = row(file.name);
    let res;
    try {
      res = await send(file, r);
    } catch (err) {
      r.state.textContent = "Lỗi";
      r.tr.className = "failed";
      r.bar.value = 100;
      r.result.append(h("span", { class: "error" }, err.message));
      return;
    }
    const docs = (res && res.documents) || [];
    // A .zip comes back as many documents: one row each, the zip's row becomes the first.
    docs.forEach((doc, i) => {
      const rr = i === 0 ? r : row(doc.name);
      rr.tr.querySelector(".fname").textContent = doc.name;
      rr.tr.dataset.name = doc.name;
      rr.tr.dataset.id = doc.id;
      if (doc.duplicate) rr.tr.querySelector(".fname").append(h("span", { class: "tag" }, "đã có, không lưu lại"));
      rr.state.textContent = "Đã tải lên";
      poll(rr, doc.id);
    });
    if (!docs.length) { r.state.textContent = "Không có tệp nào trong gói"; r.bar.value = 100; }
  }

  function handle(files) {
    // Two at a time: enough to keep the server busy without choking a slow office link.
    const queue = Array.from(files);
    const worker = async () => { while (queue.length) await uploadOne(queue.shift()); };
    worker(); worker();
  }

  drop.addEventListener("dragover", (ev) => { ev.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (ev) => {
    ev.preventDefault();
    drop.classList.remove("over");
    if (ev.dataTransfer && ev.dataTransfer.files.length) handle(ev.dataTransfer.files);
  });
  drop.addEventListener("click", () => input.click());
  drop.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); input.click(); } });
  input.addEventListener("change", () => { if (input.files.length) handle(input.files); input.value = ""; });
  if (await signedIn) GV.ready();
})();
