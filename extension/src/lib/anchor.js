// Anchoring: where a finding's words are in the current article text. The server's offsets are
// trusted only if the text there is the finding's `text`; otherwise the words are re-found by
// `text` with `prefix` and `suffix` as context (the page may have changed since the analysis),
// preferring the occurrence nearest the original offset when context ties.

/** Length of the common suffix of a and b. */
function commonSuffix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common prefix of a and b. */
function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Find a finding in `text`.
 * @param {string} text the current article text
 * @param {{offset:number,length:number,text:string,prefix?:string,suffix?:string}} f
 * @returns {{start:number,end:number,how:"exact"|"refound"}|null}
 */
export function anchor(text, f) {
  const quote = f.text;
  if (typeof quote !== "string" || quote.length === 0) return null;
  const offset = Number.isInteger(f.offset) ? f.offset : -1;
  const length = Number.isInteger(f.length) ? f.length : quote.length;
  if (offset >= 0 && length === quote.length && text.slice(offset, offset + length) === quote) {
    return { start: offset, end: offset + length, how: "exact" };
  }
  const prefix = f.prefix || "";
  const suffix = f.suffix || "";
  let best = null;
  let bestScore = -Infinity;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const before = text.slice(Math.max(0, at - prefix.length), at);
    const after = text.slice(at + quote.length, at + quote.length + suffix.length);
    const context = commonSuffix(before, prefix) + commonPrefix(after, suffix);
    // context dominates; distance from the original offset breaks ties
    const distance = offset >= 0 ? Math.abs(at - offset) / (text.length + 1) : 0;
    const score = context - distance;
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  if (best === null) return null;
  return { start: best, end: best + quote.length, how: "refound" };
}
