// `make package`: the installable builds, from the same sources and with the one version
// (server/__init__.py), into dist/packages/:
//   sourcemark-chromium-VERSION.zip   (Chrome Web Store upload, or unzip and "Load unpacked")
//   sourcemark-firefox-VERSION.xpi    (web-ext build; web-ext lint must be clean first)
import { execFileSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, "dist");
const out = join(dist, "packages");
const webExt = join(root, "node_modules", ".bin", "web-ext");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] }).toString();

run(process.execPath, [join(root, "build.mjs")]);
const version = JSON.parse(await readFile(join(dist, "firefox", "manifest.json"), "utf8")).version;

const lint = JSON.parse(run(webExt, ["lint", "--source-dir", join(dist, "firefox"), "--output", "json", "--no-input"]).replace(/^[^{]*/, ""));
const problems = ["errors", "warnings", "notices"].flatMap((k) => lint[k]);
if (problems.length) {
  for (const p of problems) console.error(`${p.code} ${p.file || ""}: ${p.message}`);
  throw new Error("web-ext lint is not clean: no package written");
}

await rm(out, { recursive: true, force: true });
for (const [target, ext] of [["chromium", "zip"], ["firefox", "xpi"]]) {
  const filename = `sourcemark-${target}-${version}.${ext}`;
  run(webExt, ["build", "--source-dir", join(dist, target), "--artifacts-dir", out, "--filename", filename, "--overwrite-dest", "--no-input"]);
  console.log(`wrote ${join("extension", "dist", "packages", filename)}`);
}
