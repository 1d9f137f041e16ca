// Which language the page is in, decided before anything is sent. Sourcemark reads English only;
// three witnesses, cheapest first: the page's declared `lang`, the browser's own language detector
// (`i18n.detectLanguage`: CLD3 in Chromium, CLD2 in Firefox) on the extracted text, and, for
// every text that is sent, the server's identifier (report.meta.language, meta.skipped).
//
// The browser decides alone only when it is sure; a page's `lang` alone never does (sites get it
// wrong, and an English article on a multilingual site often inherits the site's language), but
// it confirms a detector that is unsure. Everything else goes to the server, which has the last
// word. The thresholds:
export const LANGUAGE_RULES = Object.freeze({
  // shorter texts are not judged in the browser (the detector is near chance on a headline)
  minChars: 200,
  // the detector's top language must hold this share of the text (percent) to count
  minPercent: 60,
  // a text with at least this share (percent) of English is sent, whatever language leads
  // (an English article quoting a long passage in another language stays English)
  englishPercent: 40,
  // the detector reads at most this many characters (enough to judge; keeps it under a few ms)
  sampleChars: 20000,
});

export const ENGLISH = "en";

/** The primary subtag of a language tag: "fr-FR" → "fr", "zh-Hant" → "zh", "" → null. */
export function primary(tag) {
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(String(tag || ""));
  return m ? m[1].toLowerCase() : null;
}

/** The language the page says it is in: <html lang>, xml:lang, or a Content-Language meta. */
export function declaredLanguage(doc) {
  const html = doc.documentElement;
  const meta = doc.querySelector('meta[http-equiv="content-language" i]');
  return primary(html.getAttribute("lang")) || primary(html.getAttribute("xml:lang")) || primary(meta && meta.getAttribute("content"));
}

/** The browser's detector on `text`, or null where the API is missing or fails. */
export async function detectLanguage(api, text) {
  if (!api.i18n || typeof api.i18n.detectLanguage !== "function") return null;
  try {
    const r = await api.i18n.detectLanguage(text.slice(0, LANGUAGE_RULES.sampleChars));
    const languages = (r && r.languages ? r.languages : [])
      .map((l) => ({ code: primary(l.language), percent: Number(l.percentage) || 0 }))
      .filter((l) => l.code && l.code !== "und")
      .sort((a, b) => b.percent - a.percent);
    return { reliable: !!(r && r.isReliable), languages };
  } catch (_) {
    return null;
  }
}

/**
 * Decide in the browser: {english: false, code, source} when the page is surely not English,
 * otherwise {english: true, ...} — the text is then sent, and the server may still say otherwise.
 */
export function decideLanguage({ declared, detected, textLength }) {
  const top = detected && detected.languages.length ? detected.languages[0] : null;
  const englishPercent = detected ? detected.languages.filter((l) => l.code === ENGLISH).reduce((a, l) => a + l.percent, 0) : 0;
  const judged = textLength >= LANGUAGE_RULES.minChars;
  if (judged && top && englishPercent < LANGUAGE_RULES.englishPercent && top.code !== ENGLISH) {
    if (detected.reliable && top.percent >= LANGUAGE_RULES.minPercent) return { english: false, code: top.code, source: "browser" };
    // the detector leans the way the page says: two witnesses agree
    if (declared && declared === top.code) return { english: false, code: declared, source: "page" };
  }
  return { english: true, code: top && top.code === ENGLISH ? ENGLISH : declared || (top && top.code) || null, source: null };
}

/** What a server report says of its text's language: {code, skipped} (skipped: not read). */
export function reportLanguage(report) {
  const meta = (report && report.meta) || {};
  const code = meta.language && meta.language.code ? String(meta.language.code) : null;
  return { code, skipped: meta.skipped === "language" };
}

/** The language's name in English ("fr" → "French"), or the code itself. */
export function languageName(code) {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) || code;
  } catch (_) {
    return code || "another language";
  }
}
