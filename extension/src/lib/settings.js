// Settings in chrome.storage.local. The keys are documented in extension/README.md so that a test
// or an administrator can set them without clicking.

export const api = globalThis.browser ?? globalThis.chrome;

export const DEFAULTS = Object.freeze({
  // hostnames Sourcemark may read; "example.com" also covers "www.example.com"
  sites: [],
  // the Sourcemark server
  server: "http://127.0.0.1:8765",
  // request timeout for an analysis, in milliseconds
  timeoutMs: 30000,
  // which findings to draw
  kinds: ["place", "quote"],
  severities: ["warning", "caution", "info"],
});

export const KEYS = Object.keys(DEFAULTS);

export async function getSettings() {
  const stored = await api.storage.local.get(KEYS);
  const out = { ...DEFAULTS };
  for (const key of KEYS) {
    if (stored[key] !== undefined) out[key] = stored[key];
  }
  if (!Array.isArray(out.sites)) out.sites = [];
  return out;
}

export function normalizeHost(host) {
  return String(host || "").trim().toLowerCase().replace(/^\*\./, "").replace(/\.$/, "");
}

/** Is `hostname` enabled by the sites list? An entry covers its subdomains. */
export function siteEnabled(settings, hostname) {
  const host = normalizeHost(hostname);
  if (!host) return false;
  return settings.sites.some((entry) => {
    const e = normalizeHost(entry);
    return e && (host === e || host.endsWith("." + e));
  });
}

export async function setSiteEnabled(hostname, enabled) {
  const settings = await getSettings();
  const host = normalizeHost(hostname);
  let sites = settings.sites.filter((s) => normalizeHost(s) !== host);
  if (enabled) sites = [...sites, host];
  else sites = sites.filter((s) => !siteEnabled({ sites: [s] }, host));
  await api.storage.local.set({ sites });
}

export function kindOf(finding) {
  if (finding.type === "place" || finding.type === "quote") return finding.type;
  return String(finding.code || "").split(".")[0] || "other";
}

export function shown(settings, finding) {
  return settings.kinds.includes(kindOf(finding)) && settings.severities.includes(finding.severity);
}
