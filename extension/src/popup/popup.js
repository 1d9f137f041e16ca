// Popup: the page's summary, the site toggle, the server's state, and the list of warnings; each
// warning is a button (keyboard reachable) that scrolls the page to it and opens its card.

import { api, getSettings, setSiteEnabled, siteEnabled } from "../lib/settings.js";
import { languageName } from "../lib/language.js";
import { versionNote } from "../lib/version.js";
import { partialNote } from "../lib/partial.js";

const $ = (id) => document.getElementById(id);

const STATUS = {
  disabled: "Sourcemark is off for this site. Turn it on to check this page; until then nothing is sent.",
  extracting: "Reading the article…",
  waiting: "Waiting for the Sourcemark server…",
  "no-article": "No article found on this page.",
  idle: "Starting…",
};

const SOURCES = { browser: "the browser's language detector", page: "the page and the browser's detector", server: "the Sourcemark server" };

function languageStatus(language) {
  const name = language && language.code ? languageName(language.code) : "another language";
  const by = language && SOURCES[language.source] ? ` (as ${SOURCES[language.source]} found)` : "";
  return `This page is in ${name}${by}. Sourcemark reads English articles only, so nothing is marked here.`;
}

const CODES = {
  "place.misspelled": "Misspelled place",
  "place.unknown": "Unknown place",
  "place.wrong_region": "Place in the wrong region",
  "place.far_from_context": "Place far from the story",
  "quote.unattributed": "Quote without speaker",
  "quote.anonymous": "Anonymous quote",
};

async function activeTab() {
  // popup.html?tab=ID shows a given tab (the options page, tests and tools open it that way)
  const wanted = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(wanted) && wanted > 0) return api.tabs.get(wanted);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab;
}

function renderSummary(summary) {
  const dl = $("summary");
  dl.replaceChildren();
  const rows = [
    ["Quotations", summary.quotes], ["named", summary.named], ["anonymous", summary.anonymous],
    ["unattributed", summary.unattributed], ["Places checked", summary.places], ["suspect", summary.suspect_places],
  ];
  for (const [label, value] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value === undefined || value === null ? "–" : String(value);
    dl.append(dt, dd);
  }
  $("summary-section").hidden = false;
}

let lastFindings = "";
function renderFindings(tab, findings) {
  const key = JSON.stringify(findings.map((f) => [f.id, f.drawn]));
  if (key === lastFindings) return;
  lastFindings = key;
  const ol = $("findings");
  ol.replaceChildren();
  for (const f of findings) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    const label = document.createElement("span");
    label.className = `sev-${f.severity}`;
    label.textContent = `${CODES[f.code] || f.code}: `;
    const words = document.createElement("span");
    words.className = "words";
    words.textContent = f.text.length > 60 ? f.text.slice(0, 57) + "…" : f.text;
    button.append(label, words);
    if (!f.drawn) {
      button.disabled = true;
      button.title = "These words are no longer on the page.";
    }
    button.dataset.findingId = String(f.id);
    button.addEventListener("click", () => api.tabs.sendMessage(tab.id, { type: "scrollTo", id: f.id }));
    li.appendChild(button);
    ol.appendChild(li);
  }
  $("findings-section").hidden = findings.length === 0;
}

function hostOf(tab) {
  try {
    return new URL(tab.url).hostname;
  } catch (_) {
    return "";
  }
}

async function refresh() {
  const tab = await activeTab();
  const host = hostOf(tab);
  const settings = await getSettings();
  $("site-name").textContent = host || "this page";
  $("site-toggle").checked = siteEnabled(settings, host);
  $("site-toggle").disabled = !host;
  let state = null;
  try {
    state = await api.tabs.sendMessage(tab.id, { type: "getState" });
  } catch (_) {
    state = null;
  }
  if (!state) {
    $("status").textContent = "Sourcemark cannot read this page.";
  } else if (state.status === "error") {
    $("status").textContent = state.error ? state.error.message : "Error.";
    $("status").className = "bad";
  } else if (state.status === "language") {
    $("status").textContent = languageStatus(state.language);
    $("status").className = "";
  } else if (state.status === "drawn") {
    const n = state.findings.length;
    $("status").textContent = n ? `${n} warning${n === 1 ? "" : "s"} on this page.` : "No warnings on this page.";
    $("status").className = "";
  } else {
    $("status").textContent = STATUS[state.status] || state.status;
    $("status").className = "";
  }
  const partial = state && state.status === "drawn" ? partialNote(state.partial) : "";
  $("partial-note").textContent = partial;
  $("partial-note").hidden = !partial;
  if (state && state.summary) renderSummary(state.summary);
  else $("summary-section").hidden = true;
  renderFindings(tab, state && state.status === "drawn" ? state.findings : []);
  const h = await api.runtime.sendMessage({ type: "health" }).catch(() => null);
  $("server-state").textContent = h ? `Server: ${h.ok ? "running" : h.message}` : "Server: unknown";
  $("server-state").className = h && h.ok ? "good" : "bad";
  const note = h && h.ok ? versionNote(api.runtime.getManifest().version, h.version) : "";
  $("version-note").textContent = note;
  $("version-note").hidden = !note;
  return state;
}

$("site-toggle").addEventListener("change", async (ev) => {
  const tab = await activeTab();
  await setSiteEnabled(new URL(tab.url).hostname, ev.target.checked);
  setTimeout(refresh, 400);
});
// the first-run page again: how to start the server, with this tab's site ready to turn on
$("open-welcome").addEventListener("click", async (ev) => {
  ev.preventDefault();
  const host = hostOf(await activeTab());
  await api.tabs.create({ url: api.runtime.getURL(`welcome/welcome.html${host ? `?site=${encodeURIComponent(host)}` : ""}`) });
});
$("open-options").addEventListener("click", (ev) => {
  ev.preventDefault();
  api.runtime.openOptionsPage();
});

refresh();
setInterval(refresh, 2000);
