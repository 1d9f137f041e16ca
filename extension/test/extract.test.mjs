import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { extractArticle } from "../src/lib/extract.js";

const seed = readFileSync(new URL("../../tests/fixtures/seed/sevsk-article.txt", import.meta.url), "utf8")
  .split("\n").map((l) => l.trim()).filter(Boolean);

function page(body) {
  return new JSDOM(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).window.document;
}

test("Readability finds the article and its ranges are on the LIVE page's nodes", () => {
  const doc = page(`<nav><a href="/">Home</a> · <a href="/w">World</a></nav><article><h1>Title</h1>${seed.map((p) => `<p>${p}</p>`).join("")}</article><footer>Footer text</footer>`);
  const art = extractArticle(doc);
  assert.equal(art.method, "readability");
  for (const p of seed) assert.ok(art.text.includes(p), p.slice(0, 40));
  assert.ok(art.text.includes(seed[0] + "\n\n" + seed[1]));
  assert.ok(!art.text.includes("Footer text"));
  const at = art.text.indexOf("SevSk");
  const range = art.map.rangeFor(at, at + 5, doc);
  assert.equal(range.toString(), "SevSk");
  assert.equal(range.startContainer.ownerDocument, doc);
  assert.ok(range.startContainer.isConnected);
  assert.equal(doc.querySelectorAll("[data-sourcemark-i]").length, 0, "the live page is not marked");
});

test("without enough text for Readability, <article> is the fallback, then nothing", () => {
  const short = "A short piece about Kyiv. ".repeat(10);
  const doc = page(`<div>menu</div><article><p>${short}</p></article>`);
  const art = extractArticle(doc);
  assert.ok(["article", "readability"].includes(art.method));
  assert.ok(art.text.includes("A short piece about Kyiv."));
  const none = extractArticle(page("<p>Hi.</p>"));
  assert.equal(none.method, "none");
  assert.equal(none.text, "");
});
