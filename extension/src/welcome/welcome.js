// First-run page (opened once, on install): is the server running, how to start it, and a site to
// turn on. The site may come as ?site=HOST (the popup links here with the current tab's site).

import { api, getSettings, normalizeHost, setSiteEnabled } from "../lib/settings.js";
import { versionNote } from "../lib/version.js";

const $ = (id) => document.getElementById(id);

async function checkServer() {
  const settings = await getSettings();
  $("server-url").textContent = settings.server;
  $("server-state").textContent = "Checking the server…";
  $("server-state").className = "";
  const h = await api.runtime.sendMessage({ type: "health" }).catch(() => null);
  if (h && h.ok) {
    const note = versionNote(api.runtime.getManifest().version, h.version);
    $("server-state").textContent = `The server at ${settings.server} is running (version ${h.version}).${note ? " " + note : ""}`;
    $("server-state").className = note ? "bad" : "good";
    $("how-to-start").hidden = true;
  } else {
    $("server-state").textContent = `No Sourcemark server answers at ${settings.server}.`;
    $("server-state").className = "bad";
    $("how-to-start").hidden = false;
  }
}

async function showSites() {
  const { sites } = await getSettings();
  $("sites").textContent = sites.length ? `On for: ${sites.join(", ")}.` : "No site is on yet.";
}

$("site-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  let host = $("site").value.trim();
  try {
    if (/^[a-z]+:\/\//i.test(host)) host = new URL(host).hostname;
  } catch (_) {
    /* keep what was typed */
  }
  host = normalizeHost(host);
  if (!host || !/^[a-z0-9.-]+$/.test(host)) {
    $("sites").textContent = "That is not a site name (for example www.example-news.com).";
    return;
  }
  await setSiteEnabled(host, true);
  $("site").value = "";
  await showSites();
});
$("check-again").addEventListener("click", checkServer);
$("open-options").addEventListener("click", (ev) => {
  ev.preventDefault();
  api.runtime.openOptionsPage();
});

const wanted = new URLSearchParams(location.search).get("site");
if (wanted) $("site").value = wanted;
checkServer();
showSites();
