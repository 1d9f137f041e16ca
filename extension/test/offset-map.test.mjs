import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { OffsetMap } from "../src/lib/offset-map.js";

function dom(html) {
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
}

function texts(el) {
  const out = [];
  const w = el.ownerDocument.createTreeWalker(el, 0x4);
  for (let t = w.nextNode(); t; t = w.nextNode()) out.push(t);
  return out;
}

test("blocks are joined by a blank line and whitespace collapses like rendering", () => {
  const doc = dom("<p>  Hello,\n   <b>big</b>  world. </p><p>\tSecond   one.</p>");
  const [p1, p2] = doc.querySelectorAll("p");
  const map = OffsetMap.fromBlocks([texts(p1), texts(p2)]);
  assert.equal(map.text, "Hello, big world.\n\nSecond one.");
});

test("every span maps back to a Range with the same text", () => {
  const doc = dom("<p>The <i>withdrawal</i> from Sev<b>Sk</b> has sent</p><p>“Quote,” he said.</p>");
  const [p1, p2] = doc.querySelectorAll("p");
  const map = OffsetMap.fromBlocks([texts(p1), texts(p2)]);
  const text = map.text;
  for (let start = 0; start < text.length; start++) {
    for (let end = start + 1; end <= Math.min(text.length, start + 25); end++) {
      const range = map.rangeFor(start, end, doc);
      const want = text.slice(start, end);
      if (!want.trim()) continue;
      assert.ok(range, `range for ${start}-${end}`);
      // the DOM has no characters for the blank line between blocks
      assert.equal(range.toString().replace(/\s+/g, ""), want.replace(/\s+/g, ""), `${start}-${end}`);
      if (!want.includes("\n")) assert.equal(range.toString().replace(/\s+/g, " "), want, `${start}-${end}`);
    }
  }
  const at = text.indexOf("SevSk");
  assert.equal(map.rangeFor(at, at + 5, doc).toString(), "SevSk");
});

test("offsets are UTF-16 code units: emoji and flags before a word", () => {
  const doc = dom("<p>🇺🇦 News 😀 from <span>Kramatorsk</span>.</p>");
  const map = OffsetMap.fromBlocks([texts(doc.querySelector("p"))]);
  const at = map.text.indexOf("Kramatorsk");
  assert.equal(at, "🇺🇦 News 😀 from ".length);
  assert.equal(at, 18); // flag 4 + 1 + "News" 4 + 1 + emoji 2 + 1 + "from" 4 + 1
  assert.equal(map.rangeFor(at, at + 10, doc).toString(), "Kramatorsk");
});

test("a <br> becomes a line break and a span across it keeps both sides", () => {
  const doc = dom("<p>first line<br>second line</p>");
  const p = doc.querySelector("p");
  const map = OffsetMap.fromBlocks([[p.firstChild, "\n", p.lastChild]]);
  assert.equal(map.text, "first line\nsecond line");
  const range = map.rangeFor(6, 17, doc);
  assert.equal(range.startContainer, p.firstChild);
  assert.equal(range.endContainer, p.lastChild);
  assert.equal(range.toString(), "linesecond");
});

test("spans on separators only give no range; offsetOf inverts startPosition", () => {
  const doc = dom("<p>One.</p><p>Two.</p>");
  const [p1, p2] = doc.querySelectorAll("p");
  const map = OffsetMap.fromBlocks([texts(p1), texts(p2)]);
  assert.equal(map.rangeFor(4, 6, doc), null);
  assert.equal(map.rangeFor(3, 3, doc), null);
  const pos = map.startPosition(6);
  assert.equal(pos.node, p2.firstChild);
  assert.equal(map.offsetOf(pos.node, pos.offset), 6);
  assert.equal(map.offsetOf(doc.body, 0), -1);
});

test("empty blocks add no separators and isLive notices removed nodes", () => {
  const doc = dom("<p>  </p><p>Only.</p><p></p>");
  const ps = [...doc.querySelectorAll("p")];
  const map = OffsetMap.fromBlocks(ps.map(texts));
  assert.equal(map.text, "Only.");
  assert.ok(map.isLive());
  ps[1].remove();
  assert.ok(!map.isLive());
});
