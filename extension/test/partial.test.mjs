import { test } from "node:test";
import assert from "node:assert/strict";
import { partialNote } from "../src/lib/partial.js";

test("a whole report says nothing", () => {
  assert.equal(partialNote({ version: "0.1.0", offset_unit: "utf-16" }), "");
  assert.equal(partialNote(null), "");
  assert.equal(partialNote({ truncated: { findings: 0, quotes: 0, places: 0 } }), "");
});

test("what was left unchecked or cut is counted", () => {
  const note = partialNote({ unchecked: { place_candidates: 700 }, truncated: { findings: 48001, quotes: 1, places: 0 } });
  assert.equal(note, "This page is too long to check whole: 700 place names not checked, 48,001 warnings or notes not shown, 1 quotation not listed.");
});
