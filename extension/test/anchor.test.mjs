import { test } from "node:test";
import assert from "node:assert/strict";
import { anchor } from "../src/lib/anchor.js";

const text = "The withdrawal from SevSk has sent shockwaves. Later, SevSk fell again near SevSk.";

test("the server's offset is used when the text there matches", () => {
  const at = text.indexOf("SevSk");
  assert.deepEqual(anchor(text, { offset: at, length: 5, text: "SevSk" }), { start: at, end: at + 5, how: "exact" });
});

test("a moved finding is re-found by prefix and suffix, not by nearest occurrence", () => {
  const changed = "Update: revised. " + text;
  const second = text.indexOf("SevSk fell");
  const f = { offset: second, length: 5, text: "SevSk", prefix: "Later, ", suffix: " fell again" };
  const got = anchor(changed, f);
  assert.equal(got.how, "refound");
  assert.equal(got.start, changed.indexOf("SevSk fell"));
});

test("offsets counted in code points (off by one after an emoji) are corrected", () => {
  const t = "😀 Residents of Kramatorsk queued.";
  const codePointOffset = [...t.slice(0, t.indexOf("Kramatorsk"))].length;
  const got = anchor(t, { offset: codePointOffset, length: 10, text: "Kramatorsk", prefix: "Residents of ", suffix: " queued" });
  assert.equal(t.slice(got.start, got.end), "Kramatorsk");
  assert.equal(got.how, "refound");
});

test("words no longer on the page give null; an empty finding gives null", () => {
  assert.equal(anchor(text, { offset: 0, length: 4, text: "Kyiv" }), null);
  assert.equal(anchor(text, { offset: 0, length: 0, text: "" }), null);
});

test("without context the occurrence nearest the old offset wins", () => {
  const last = text.lastIndexOf("SevSk");
  const got = anchor("xx" + text, { offset: last, length: 5, text: "SevSk" });
  assert.equal(got.start, last + 2);
});
