import { api, getSettings, DEFAULTS, normalizeHost } from "../lib/settings.js";

const $ = (id) => document.getElementById(id);

async function load() {
  const s = await getSettings();
  $("server").value = s.server;
  $("timeout").value = Math.round(s.timeoutMs / 1000);
  for (const box of document.querySelectorAll("input[name=kind]")) box.checked = s.kinds.includes(box.value);
  for (const box of document.querySelectorAll("input[name=severity]")) box.checked = s.severities.includes(box.value);
  $("sites").value = s.sites.join("\n");
}

$("form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const checked = (name) => [...document.querySelectorAll(`input[name=${name}]:checked`)].map((b) => b.value);
  const sites = [...new Set($("sites").value.split(/\s+/).map(normalizeHost).filter(Boolean))];
  await api.storage.local.set({
    server: $("server").value.trim() || DEFAULTS.server,
    timeoutMs: Math.max(1, Number($("timeout").value) || 30) * 1000,
    kinds: checked("kind"),
    severities: checked("severity"),
    sites,
  });
  $("saved").textContent = "Saved.";
  setTimeout(() => ($("saved").textContent = ""), 2000);
});

load();
