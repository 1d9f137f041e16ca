// Background (a service worker in Chromium, an event page in Firefox): the only part that talks to
// the Sourcemark server. It refuses to send text from a tab whose site is not enabled.

import { api, getSettings, siteEnabled } from "./lib/settings.js";
import { readDocument } from "./lib/extract.js";

const HEALTH_TIMEOUT_MS = 3000;

function serverUrl(settings, path) {
  return String(settings.server || "").replace(/\/+$/, "") + path;
}

async function fetchWithTimeout(url, init, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(url, { ...init, signal: controller.signal, credentials: "omit", cache: "no-store" });
  } finally {
    clearTimeout(timer);
  }
}

function transportError(err, settings, timeoutMs) {
  if (err && err.name === "AbortError") {
    return { code: "timeout", message: `The Sourcemark server at ${settings.server} did not answer within ${Math.round(timeoutMs / 1000)} s.` };
  }
  return { code: "server_down", message: `Cannot reach the Sourcemark server at ${settings.server}. Is it running?` };
}

export async function analyze(text, url, sender) {
  const settings = await getSettings();
  let host = "";
  try {
    host = new URL(sender && sender.tab && sender.tab.url ? sender.tab.url : url).hostname;
  } catch (_) {
    host = "";
  }
  if (!siteEnabled(settings, host)) {
    return { ok: false, error: { code: "site_disabled", message: "Sourcemark is off for this site." } };
  }
  const timeoutMs = Number(settings.timeoutMs) > 0 ? Number(settings.timeoutMs) : 30000;
  const started = Date.now();
  let response;
  try {
    response = await fetchWithTimeout(
      serverUrl(settings, "/api/v1/analyze"),
      { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text, url }) },
      timeoutMs,
    );
  } catch (err) {
    return { ok: false, error: transportError(err, settings, timeoutMs) };
  }
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) {
    const e = body && body.error ? body.error : {};
    return {
      ok: false,
      error: { code: e.code || "http_error", status: response.status, message: `The server answered ${response.status}: ${e.message || response.statusText || "error"}` },
    };
  }
  if (!body || !Array.isArray(body.findings)) {
    return { ok: false, error: { code: "bad_response", message: "The server's answer is not a Sourcemark report." } };
  }
  return { ok: true, report: body, ms: Date.now() - started };
}

export async function health() {
  const settings = await getSettings();
  try {
    const r = await fetchWithTimeout(serverUrl(settings, "/healthz"), { method: "GET" }, HEALTH_TIMEOUT_MS);
    if (!r.ok) return { ok: false, server: settings.server, code: "http_error", message: `The server answered ${r.status}.` };
    const body = await r.json().catch(() => ({}));
    return { ok: true, server: settings.server, version: body && body.version ? String(body.version) : null, message: "Server is running." };
  } catch (err) {
    return { ok: false, server: settings.server, ...transportError(err, settings, HEALTH_TIMEOUT_MS) };
  }
}

function badge(tabId, msg) {
  if (tabId === undefined || !api.action) return;
  const text = msg.status === "drawn" && msg.drawn ? String(msg.drawn) : msg.status === "error" ? "!" : "";
  api.action.setBadgeText({ tabId, text }).catch(() => {});
  api.action.setBadgeBackgroundColor({ tabId, color: msg.status === "error" ? "#777" : "#c0392b" }).catch(() => {});
}

// The first-run page, once, when the extension is installed (not on updates or browser starts).
api.runtime.onInstalled.addListener((details) => {
  if (details.reason === "install") api.tabs.create({ url: api.runtime.getURL("welcome/welcome.html") }).catch(() => {});
});

/** Longest page HTML read here; a longer page is read by its content script. */
const MAX_READ_HTML = 8_000_000;

function readArticle(sender, html) {
  if (!sender.tab || typeof DOMParser === "undefined" || typeof html !== "string" || html.length > MAX_READ_HTML) return null;
  try {
    const t0 = performance.now();
    const doc = new DOMParser().parseFromString(html, "text/html");
    const t1 = performance.now();
    const described = readDocument(doc);
    if (described) described.phases = { parseMs: t1 - t0, readMs: performance.now() - t1 };
    return described;
  } catch (err) {
    return null;
  }
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg !== "object") return false;
  if (msg.type === "analyze") {
    analyze(String(msg.text || ""), msg.url, sender).then(sendResponse);
    return true;
  }
  if (msg.type === "readArticle") {
    // Firefox: Readability on a copy of the page parsed here (inert: DOMParser runs no script and
    // loads nothing), away from the content script's Xray wrappers; Chromium's service worker
    // has no DOM and the content script reads the page itself
    sendResponse(readArticle(sender, msg.html));
    return false;
  }
  if (msg.type === "health") {
    health().then(sendResponse);
    return true;
  }
  if (msg.type === "state") {
    badge(sender.tab && sender.tab.id, msg);
  }
  return false;
});
