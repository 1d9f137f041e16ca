// When the article's text changes: is it the same text (re-anchor the findings, send nothing),
// or a material change (new paragraphs, another article: analyse again)? And a small memory of
// the texts already analysed on this page, so that no text is ever sent twice.
export const CHANGE_RULES = Object.freeze({
  // new paragraphs adding up to at least this many characters are material (about one sentence
  // of news; a short "Updated at 10:42" notice or a changed caption is not) ...
  minNewChars: 120,
  // ... or at least this share of the new text, for short articles
  minNewShare: 0.2,
  // how long the page must be quiet after a material change before the text is sent (live blogs
  // add paragraphs in bursts; one request for the burst)
  analyzeDebounceMs: 1000,
  // how many analysed texts (and their reports) the page remembers
  remembered: 8,
});

const PARAGRAPH = /\n{2,}/;

/** The characters of `next` in paragraphs that `previous` does not have. */
export function newParagraphChars(previous, next) {
  const seen = new Set(String(previous || "").split(PARAGRAPH).map((p) => p.trim()));
  return String(next || "").split(PARAGRAPH).map((p) => p.trim()).filter((p) => p && !seen.has(p)).reduce((n, p) => n + p.length, 0);
}

/** Does `next` differ from the analysed `previous` enough to be analysed again? */
export function materialChange(previous, next) {
  if (previous === next) return false;
  const added = newParagraphChars(previous, next);
  return added >= CHANGE_RULES.minNewChars || (next.length > 0 && added / next.length >= CHANGE_RULES.minNewShare);
}

/** Reports by the exact text they were made for, the oldest forgotten first. */
export class ReportMemory {
  constructor(size = CHANGE_RULES.remembered) {
    this.size = size;
    this.map = new Map();
  }
  get(text) {
    return this.map.get(text);
  }
  has(text) {
    return this.map.has(text);
  }
  set(text, report) {
    this.map.delete(text);
    this.map.set(text, report);
    while (this.map.size > this.size) this.map.delete(this.map.keys().next().value);
  }
  clear() {
    this.map.clear();
  }
}
