/* Word-level differences between two task texts: a longest common subsequence over words.
   wordDiff("giao 5 việc", "giao 12 việc") ->
     {a: [{w:"giao",same:true},{w:"5",same:false},{w:"việc",same:true}], b: [...]}
   Words are compared after case folding, punctuation trimming and tone-placement folding
   (hoà = hòa), the same differences the duplicate scorer ignores. */
"use strict";

const GVDiff = (() => {
  const MAX_WORDS = 400; // a task is a sentence or two; beyond this the table would be wasteful

  /** Compare key: lower case, no surrounding punctuation, combining marks sorted (hoà = hòa). */
  function key(word) {
    const w = word.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, "").normalize("NFD");
    const base = w.replace(/\p{M}/gu, "");
    const marks = (w.match(/\p{M}/gu) || []).sort().join("");
    return base + marks;
  }

  function words(text) { return String(text || "").split(/\s+/).filter(Boolean); }

  function wordDiff(textA, textB) {
    const a = words(textA).slice(0, MAX_WORDS);
    const b = words(textB).slice(0, MAX_WORDS);
    const ka = a.map(key), kb = b.map(key);
    const n = a.length, m = b.length;
    // L[i][j] = LCS length of a[i:] and b[j:]
    const L = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        L[i][j] = ka[i] === kb[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    const outA = [], outB = [];
    let i = 0, j = 0;
    while (i < n && j < m) {
      if (ka[i] === kb[j]) { outA.push({ w: a[i++], same: true }); outB.push({ w: b[j++], same: true }); }
      else if (L[i + 1][j] >= L[i][j + 1]) outA.push({ w: a[i++], same: false });
      else outB.push({ w: b[j++], same: false });
    }
    while (i < n) outA.push({ w: a[i++], same: false });
    while (j < m) outB.push({ w: b[j++], same: false });
    return { a: outA, b: outB };
  }

  /** Render one side: changed words in <del> (left) or <ins> (right). */
  function render(tokens, tag) {
    const frag = document.createDocumentFragment();
    tokens.forEach((t, i) => {
      if (i) frag.append(" ");
      if (t.same) frag.append(t.w);
      else { const el = document.createElement(tag); el.className = "wd"; el.textContent = t.w; frag.append(el); }
    });
    return frag;
  }

  return { wordDiff, render, key };
})();
