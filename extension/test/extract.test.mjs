import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { extractArticle, readDocument, resolveNodes } from "../src/lib/extract.js";

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

// -- reading a copy parsed from the page's HTML elsewhere (Firefox's background page) -----------

const ARTICLE = `<nav><a href="/">Home</a> · <a href="/w">World</a></nav><article><h1>Title</h1>${seed.map((p) => `<p>${p}</p>`).join("")}</article><footer>Footer text</footer>`;

/** What the background page does: parse the page's serialised HTML and read it. */
function readCopy(doc, edit = () => {}) {
  const copy = new JSDOM(doc.documentElement.outerHTML).window.document;
  edit(copy);
  return readDocument(copy);
}

function assertOnLivePage(art, doc) {
  for (const node of art.map.nodes) {
    assert.equal(node.ownerDocument, doc);
    assert.ok(node.isConnected);
  }
  const at = art.text.indexOf("SevSk");
  assert.equal(art.map.rangeFor(at, at + 5, doc).toString(), "SevSk");
}

test("a copy read elsewhere gives the same text, mapped to the live page's own nodes", () => {
  const doc = page(ARTICLE);
  const described = readCopy(doc);
  assert.ok(described.nodes.length > 0);
  assert.ok(resolveNodes(doc, described.nodes), "every text node of the copy is found on the page");
  const art = extractArticle(doc, { described });
  assert.equal(art.method, "readability");
  assert.equal(art.text, extractArticle(page(ARTICLE)).text);
  assertOnLivePage(art, doc);
  assert.equal(doc.querySelectorAll("[data-sourcemark-i]").length, 0, "the live page is not marked");
});

test("adjacent text nodes on the page, one node in the copy: all of them are mapped", () => {
  const doc = page(ARTICLE);
  const p = doc.querySelectorAll("article p")[1];
  p.firstChild.splitText(12); // as a script that builds a paragraph in pieces leaves it
  const described = readCopy(doc);
  const live = resolveNodes(doc, described.nodes);
  assert.ok(live.includes(p.childNodes[0]) && live.includes(p.childNodes[1]));
  const art = extractArticle(doc, { described });
  assert.equal(art.text, extractArticle(page(ARTICLE)).text);
  assertOnLivePage(art, doc);
});

test("text nodes the copy has more or fewer of before the article (a reshaped <noscript>) are passed over", () => {
  const doc = page(`<div>menu <span>one</span> <span>two</span></div>${ARTICLE}`);
  const described = readCopy(doc, (copy) => {
    const menu = copy.querySelector("div");
    menu.querySelector("span").remove();
    for (let i = 0; i < 5; i++) copy.body.prepend(copy.createTextNode(`extra ${i} `));
  });
  const art = extractArticle(doc, { described });
  assert.equal(art.text, extractArticle(page(`<div>menu <span>one</span> <span>two</span></div>${ARTICLE}`)).text);
  assertOnLivePage(art, doc);
});

test("a copy whose article text is not on the page is not used: the page is read itself", () => {
  const doc = page(ARTICLE);
  const described = readCopy(doc, (copy) => {
    const p = copy.querySelectorAll("article p")[2];
    p.textContent = p.textContent.replace(/e/g, "E");
  });
  assert.equal(resolveNodes(doc, described.nodes), null);
  const art = extractArticle(doc, { described });
  assert.equal(art.method, "readability");
  assert.equal(art.text, extractArticle(page(ARTICLE)).text);
  assertOnLivePage(art, doc);
});
