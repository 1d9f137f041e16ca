// Content script: reads nothing and sends nothing until the reader enabled this site; then
// extracts the article, asks the background worker for the analysis, and draws the findings.

import { api, getSettings, siteEnabled, shown, kindOf } from "./lib/settings.js";
import { extractArticle } from "./lib/extract.js";
import { anchor } from "./lib/anchor.js";
import { Highlighter } from "./lib/highlighter.js";
import { createHost, fillCard, placeCard } from "./lib/card.js";
import { declaredLanguage, decideLanguage, detectLanguage, reportLanguage } from "./lib/language.js";
import { CHANGE_RULES, ReportMemory, materialChange } from "./lib/changes.js";

const REDRAW_DEBOUNCE_MS = 250;
const now = () => performance.now();

const state = {
  status: "idle", // idle | disabled | extracting | waiting | drawn | language | no-article | error
  language: null, // {code, source: "browser" | "page" | "server" | null, declared}
  error: null,
  method: null,
  text: "",
  summary: null,
  findings: [], // {id, type, code, severity, text, message, drawn, how, rangeText}
  timings: {},
  runs: 0,
  draws: 0,
  requests: 0, // analyses sent to the server from this page
  errors: [], // errors of the extension's own code in this page
};

let settings = null;
let article = null; // {map, text, method}
let report = null;
let ui = null;
let highlighter = null;
let observer = null;
let redrawTimer = null;
let active = false;
let cardItem = null;
let hideTimer = null;

function ensureUi() {
  if (ui && ui.host.isConnected) return;
  ui = createHost(document);
  highlighter = new Highlighter(window, ui.marks);
  ui.card.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  ui.card.addEventListener("mouseleave", scheduleHide);
}

function scheduleHide() {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hideCard, 300);
}

function hideCard() {
  if (ui) ui.card.hidden = true;
  cardItem = null;
}

function showCard(item) {
  ensureUi();
  clearTimeout(hideTimer);
  if (cardItem !== item) {
    fillCard(ui.card, item.finding);
    cardItem = item;
  }
  const rects = item.range.getClientRects();
  placeCard(ui.card, rects.length ? rects[0] : item.range.getBoundingClientRect());
}

let pointerFrame = 0;
function onPointerMove(ev) {
  if (!highlighter || pointerFrame) return;
  const { clientX, clientY } = ev;
  pointerFrame = requestAnimationFrame(() => {
    pointerFrame = 0;
    if (ui && ev.composedPath && ev.composedPath().includes(ui.host)) return;
    const item = highlighter.itemAt(clientX, clientY);
    if (item) showCard(item);
    else if (cardItem) scheduleHide();
  });
}

/**
 * A highlight is on the finding's words when its range reads the same. A finding that runs over
 * a paragraph break holds the extractor's blank line, which the DOM range (spanning two
 * elements) does not: there only the words must agree.
 */
function drawnOnItsWords(rangeText, text) {
  if (!text.includes("\n")) return rangeText === text;
  return rangeText.replace(/\s+/g, "") === text.replace(/\s+/g, "");
}

function publish() {
  try {
    const drawn = state.findings.filter((f) => f.drawn).length;
    const rangesOk = state.findings.every((f) => !f.drawn || drawnOnItsWords(f.rangeText, f.text));
    const highlightApi = highlighter ? highlighter.native : null;
    api.runtime.sendMessage({ type: "state", status: state.status, drawn, total: state.findings.length, rangesOk, highlightApi }).catch(() => {});
  } catch (_) {
    /* extension reloaded */
  }
}

/** Anchor every shown finding in the current article text and draw it. */
function draw() {
  const t0 = now();
  ensureUi();
  const items = [];
  state.findings = [];
  const findings = (report && Array.isArray(report.findings)) ? report.findings : [];
  findings.forEach((f, id) => {
    if (!shown(settings, f)) return;
    const entry = { id, type: kindOf(f), code: f.code, severity: f.severity, text: f.text, message: f.message, drawn: false, how: null, rangeText: null };
    const at = anchor(article.text, f);
    if (at) {
      const range = article.map.rangeFor(at.start, at.end, document);
      if (range) {
        entry.drawn = true;
        entry.how = at.how;
        entry.rangeText = range.toString();
        items.push({ id, range, drawnText: entry.rangeText, kind: entry.type, severity: f.severity, finding: { ...f, id } });
      }
    }
    state.findings.push(entry);
  });
  highlighter.draw(items);
  state.timings.drawMs = now() - t0;
  state.draws += 1;
  state.status = "drawn";
  publish();
}

/** Firefox reads the article in its background page (build.mjs sets SOURCEMARK_BACKGROUND_READS). */
const BACKGROUND_READS = typeof SOURCEMARK_BACKGROUND_READS !== "undefined" && SOURCEMARK_BACKGROUND_READS;

async function describedInBackground() {
  if (!BACKGROUND_READS) return null;
  try {
    const t0 = now();
    const html = document.documentElement.outerHTML;
    const t1 = now();
    const described = await api.runtime.sendMessage({ type: "readArticle", html });
    if (described) described.phases = { serializeMs: t1 - t0, backgroundMs: now() - t1, ...described.phases };
    return described;
  } catch (err) {
    return null; // the content script reads the page itself
  }
}

async function extract() {
  const t0 = now();
  const described = await describedInBackground();
  article = extractArticle(document, { described });
  if (described) Object.assign(article.phases, described.phases);
  state.timings.extractMs = now() - t0;
  state.timings.extractPhases = article.phases;
  state.method = article.method;
  state.text = article.text;
}

/** The text the current report (or language verdict) was made for. */
let decidedText = null;
/** The text being analysed right now, if any (a text is never sent twice at once). */
let inFlight = null;
const memory = new ReportMemory();
let analyzeTimer = null;

/** Read the language, then analyse the current article text (or reuse the report made for it). */
async function decide() {
  const text = article.text;
  const declared = declaredLanguage(document);
  const t0 = now();
  const detected = await detectLanguage(api, text);
  state.timings.languageMs = now() - t0;
  if (!active) return;
  if (article.text !== text) return decide(); // the page changed meanwhile: decide on its new text
  const verdict = decideLanguage({ declared, detected, textLength: text.length });
  state.language = { code: verdict.code, source: verdict.source, declared };
  if (!verdict.english) {
    decidedText = text;
    showLanguage();
    if (textTouched) scheduleRecheck();
    return;
  }
  if (memory.has(text)) {
    decidedText = text;
    applyReport(memory.get(text));
    return;
  }
  await analyze(text);
}

/** Not English: draw nothing, send nothing more, and say which language was seen. */
function showLanguage() {
  report = null;
  if (highlighter) highlighter.clear();
  hideCard();
  state.findings = [];
  state.summary = null;
  state.status = "language";
  publish();
}

function applyReport(answer) {
  report = answer;
  state.summary = report.summary || null;
  const said = reportLanguage(report);
  if (said.skipped) {
    state.language = { ...state.language, code: said.code, source: "server" };
    showLanguage();
    return;
  }
  if (said.code) state.language = { ...state.language, code: said.code };
  draw();
}

async function analyze(text) {
  if (inFlight === text) return;
  inFlight = text;
  state.status = "waiting";
  state.error = null;
  publish();
  const t0 = now();
  let answer;
  try {
    answer = await api.runtime.sendMessage({ type: "analyze", text, url: location.href });
  } catch (err) {
    answer = { ok: false, error: { code: "extension_error", message: String(err && err.message || err) } };
  }
  inFlight = null;
  state.timings.roundTripMs = now() - t0;
  state.requests += 1;
  if (!active) return;
  if (!answer || !answer.ok) {
    state.status = "error";
    state.error = (answer && answer.error) || { code: "unknown", message: "No answer from the extension." };
    report = null;
    decidedText = text;
    publish();
    return;
  }
  memory.set(text, answer.report);
  decidedText = text;
  applyReport(answer.report);
  // the page changed while the server was reading: look again (the new text may be material)
  if (textTouched || (article && article.text !== text)) scheduleRecheck();
}

let analyzedUrl = location.href;

async function run() {
  state.runs += 1;
  analyzedUrl = location.href;
  clearTimeout(analyzeTimer);
  if (highlighter) highlighter.clear();
  hideCard();
  report = null;
  decidedText = null;
  state.status = "extracting";
  await extract();
  watch();
  if (!article.text) {
    state.status = "no-article";
    publish();
    return;
  }
  await decide();
}

/** After the page re-renders: re-anchor on the new nodes (no new request), or analyze late content. */
function recheck() {
  if (!active) return;
  recheckNow().catch(noteError);
}

function noteError(err) {
  state.errors.push(String((err && err.stack) || err).slice(0, 500));
}

const LATE_ARTICLE_TRIES = 20;
let lateTries = 0;

async function recheckNow() {
  if (location.href !== analyzedUrl && state.status !== "waiting") {
    // a single-page site moved to another article: this is a new page to analyse
    lateTries = 0;
    run();
  } else if (decidedText !== null && article && (report || state.status === "language")) {
    const previous = article;
    const stale = !previous.map.isLive() ||
      (highlighter && highlighter.items.some((i) => i.range.toString() !== i.drawnText));
    if (!textTouched && !stale) return; // no text came or went: the article is as analysed
    textTouched = false;
    await extract();
    if (materialChange(decidedText, article.text)) {
      // new paragraphs or another article: re-anchor what is still there now, analyse once quiet
      if (report) draw();
      clearTimeout(analyzeTimer);
      const text = article.text;
      analyzeTimer = setTimeout(() => {
        if (active && article && article.text === text && text !== decidedText) decide().catch(noteError);
      }, CHANGE_RULES.analyzeDebounceMs);
      return;
    }
    // the same text (or a small edit): re-anchor only if the ranges collapsed or changed
    if (!stale && article.text === previous.text) article = previous;
    else if (report) draw();
  } else if (state.status === "no-article" && lateTries < LATE_ARTICLE_TRIES) {
    // the article may still be on its way (rendered by script); try again, a bounded number of times
    lateTries += 1;
    run();
  }
}

// A page that never stops changing (a ticking clock, a rotating ad) would keep postponing a
// debounced check for ever: after this long the check runs anyway.
const RECHECK_MAX_WAIT_MS = 2000;
let recheckSince = 0;

function scheduleRecheck() {
  clearTimeout(redrawTimer);
  const t = now();
  if (!recheckSince) recheckSince = t;
  const wait = t - recheckSince >= RECHECK_MAX_WAIT_MS ? 0 : REDRAW_DEBOUNCE_MS;
  redrawTimer = setTimeout(() => {
    recheckSince = 0;
    recheck();
  }, wait);
}

// Did any change since the last check add, remove or edit text? (An ad slot filled with an empty
// frame, a spinner swapped for an image: no need to extract the article again.)
let textTouched = false;
const hasText = (n) => n.nodeType === 3 ? !!n.data.trim() : !!(n.textContent && n.textContent.trim());
const touchesText = (r) => r.type === "characterData" || [...r.addedNodes].some(hasText) || [...r.removedNodes].some(hasText);

function watch() {
  if (observer) return;
  observer = new MutationObserver((records) => {
    if (ui && records.every((r) => ui.host.contains(r.target))) return;
    if (!textTouched) textTouched = records.some(touchesText);
    scheduleRecheck();
  });
  observer.observe(document.body || document.documentElement, { childList: true, subtree: true, characterData: true });
}

function stop() {
  active = false;
  if (observer) observer.disconnect();
  observer = null;
  clearTimeout(analyzeTimer);
  decidedText = null;
  if (highlighter) highlighter.clear();
  hideCard();
  report = null;
  article = null;
  state.status = "disabled";
  state.findings = [];
  state.summary = null;
  state.language = null;
  state.text = "";
  publish();
}

async function start() {
  if (active) return;
  active = true;
  try {
    await run();
  } catch (err) {
    noteError(err);
    state.status = "error";
    state.error = { code: "extension_error", message: "Sourcemark failed on this page." };
    publish();
  }
}

function scrollToFinding(id) {
  const item = highlighter && highlighter.items.find((i) => i.id === id);
  if (!item) return false;
  const rect = item.range.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight / 3, behavior: "instant" });
  showCard(item);
  return true;
}

function snapshot() {
  return {
    host: location.hostname,
    status: state.status,
    error: state.error,
    method: state.method,
    text: state.text,
    summary: state.summary,
    partial: report && report.meta ? { truncated: report.meta.truncated, unchecked: report.meta.unchecked } : null,
    language: state.language,
    findings: state.findings,
    timings: state.timings,
    runs: state.runs,
    draws: state.draws,
    requests: state.requests,
    errors: state.errors,
    highlightApi: highlighter ? highlighter.native : null,
  };
}

api.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (!msg || typeof msg !== "object") return false;
  if (msg.type === "getState") {
    sendResponse(snapshot());
  } else if (msg.type === "scrollTo") {
    sendResponse({ ok: scrollToFinding(msg.id) });
  } else if (msg.type === "rerun") {
    if (active) run().then(() => sendResponse(snapshot()));
    else sendResponse(snapshot());
    return true;
  } else if (msg.type === "hoverFinding") {
    // used by tests and the popup: open the card of a finding without moving the pointer
    const item = highlighter && highlighter.items.find((i) => i.id === msg.id);
    if (item) showCard(item);
    sendResponse({ ok: !!item });
  }
  return false;
});

api.storage.onChanged.addListener(async (changes, area) => {
  if (area !== "local") return;
  settings = await getSettings();
  const enabled = siteEnabled(settings, location.hostname);
  if (enabled && !active) start();
  else if (!enabled && active) stop();
  else if (active && report && (changes.kinds || changes.severities)) draw();
});

document.addEventListener("mousemove", onPointerMove, { passive: true, capture: true });
document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && cardItem) hideCard(); }, { capture: true });
window.addEventListener("scroll", () => { if (highlighter && !highlighter.native) highlighter.drawRects(); if (cardItem) showCard(cardItem); }, { passive: true });
window.addEventListener("resize", () => { if (highlighter && !highlighter.native) highlighter.drawRects(); }, { passive: true });

// errors thrown by this script's own code (Firefox shows content scripts the page's errors too)
const EXTENSION_URL = /(?:chrome|moz)-extension:\/\//;
window.addEventListener("error", (ev) => {
  if (EXTENSION_URL.test(ev.filename || "")) noteError(ev.error || ev.message);
});
window.addEventListener("unhandledrejection", (ev) => {
  if (EXTENSION_URL.test(String((ev.reason && ev.reason.stack) || ""))) noteError(ev.reason);
});

(async () => {
  settings = await getSettings();
  if (siteEnabled(settings, location.hostname)) start();
  else {
    state.status = "disabled";
    publish();
  }
})();
