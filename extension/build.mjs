// Build the extension for Chromium and Firefox from one source tree:
//   node build.mjs      -> dist/chromium/, dist/firefox/, dist/test/readability.js
// (package.mjs then zips them into dist/packages/ for `make package`)
import { build } from "esbuild";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, "src");
const dist = join(root, "dist");
// The one version of server and extension: server/__init__.py (pyproject.toml and /api/v1/info read it too).
const versionMatch = /^__version__\s*=\s*"([0-9]+(?:\.[0-9]+){0,3})"/m.exec(await readFile(join(root, "..", "server", "__init__.py"), "utf8"));
if (!versionMatch) throw new Error("no __version__ = \"X.Y.Z\" in server/__init__.py");
export const VERSION = versionMatch[1];

const ENTRIES = {
  "content.js": "content.js",
  "background.js": "background.js",
  "popup/popup.js": "popup/popup.js",
  "options/options.js": "options/options.js",
  "welcome/welcome.js": "welcome/welcome.js",
};
const STATIC = ["highlights.css", "popup/popup.html", "popup/popup.css", "options/options.html", "welcome/welcome.html", "icons"];

// Readability assigns innerHTML twice: to restore the page between its retries and to read
// <noscript> images. Both act on the inert clone only, but web-ext lint (rightly) flags any
// innerHTML assignment, so the bundle does the same work with DOM nodes instead.
const readabilityWithoutInnerHTML = {
  name: "readability-without-innerhtml",
  setup(b) {
    b.onLoad({ filter: /@mozilla[\\/]readability[\\/]Readability\.js$/ }, async (args) => {
      let code = await readFile(args.path, "utf8");
      const patches = [
        ["var pageCacheHtml = page.innerHTML;", "var pageCacheHtml = page.cloneNode(true);"],
        ["page.innerHTML = pageCacheHtml;", "page.replaceChildren(...pageCacheHtml.cloneNode(true).childNodes);"],
        [
          "tmp.innerHTML = noscript.innerHTML;",
          // a <noscript> holds text where scripting is on (a page, its clone) and elements where it
          // is off (a DOMParser document): innerHTML is that text, or those elements serialised
          'tmp.replaceChildren(...(noscript.firstElementChild ? Array.from(noscript.childNodes, (n) => n.cloneNode(true)) : new DOMParser().parseFromString(noscript.textContent, "text/html").body.childNodes));',
        ],
      ];
      for (const [from, to] of patches) {
        if (!code.includes(from)) throw new Error(`Readability changed; cannot patch: ${from}`);
        code = code.replace(from, to);
      }
      return { contents: code, loader: "js" };
    });
  },
};

function manifest(target) {
  const m = {
    manifest_version: 3,
    name: "Sourcemark",
    version: VERSION,
    description: "Warns, inline, about suspect place names and unattributed or anonymous quotations in news articles.",
    icons: { 16: "icons/icon-16.png", 48: "icons/icon-48.png", 128: "icons/icon-128.png" },
    permissions: ["storage"],
    host_permissions: ["http://127.0.0.1/*", "http://localhost/*"],
    action: { default_title: "Sourcemark", default_popup: "popup/popup.html", default_icon: { 16: "icons/icon-16.png", 48: "icons/icon-48.png" } },
    options_ui: { page: "options/options.html", open_in_tab: true },
    content_scripts: [
      { matches: ["http://*/*", "https://*/*"], js: ["content.js"], css: ["highlights.css"], run_at: "document_idle" },
    ],
  };
  if (target === "chromium") {
    m.background = { service_worker: "background.js" };
    m.minimum_chrome_version = "105";
  } else {
    m.background = { scripts: ["background.js"] };
    m.browser_specific_settings = {
      gecko: {
        id: "sourcemark@sourcemark.invalid",
        strict_min_version: "142.0",
        data_collection_permissions: { required: ["websiteContent"] },
      },
    };
  }
  return m;
}

async function buildTarget(target, outDir) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([out, inp]) => [out.replace(/\.js$/, ""), join(src, inp)])),
    outdir: outDir,
    bundle: true,
    format: "iife",
    target: ["chrome105", "firefox142"],
    legalComments: "eof",
    plugins: [readabilityWithoutInnerHTML],
    // Firefox's background page has a DOM to read the article in; Chromium's service worker not
    define: { SOURCEMARK_BACKGROUND_READS: target === "firefox" ? "true" : "false" },
    logLevel: "warning",
  });
  for (const f of STATIC) await cp(join(src, f), join(outDir, f), { recursive: true });
  await writeFile(join(outDir, "manifest.json"), JSON.stringify(manifest(target), null, 2) + "\n");
}

await buildTarget("chromium", join(dist, "chromium"));
await buildTarget("firefox", join(dist, "firefox"));
// Readability alone, for the browser tests to compare the extension's text with Readability's own.
await mkdir(join(dist, "test"), { recursive: true });
await build({
  stdin: { contents: 'import { Readability } from "@mozilla/readability"; globalThis.SourcemarkReadability = Readability;', resolveDir: root },
  outfile: join(dist, "test", "readability.js"),
  bundle: true,
  format: "iife",
  logLevel: "warning",
});
console.log(`built ${dist}/chromium and ${dist}/firefox (version ${VERSION})`);
