import { test } from "node:test";
import assert from "node:assert/strict";
import { CHANGE_RULES, ReportMemory, materialChange, newParagraphChars } from "../src/lib/changes.js";

const para = (n, word = "news") => Array.from({ length: n }, (_, i) => `${word} ${i}`).join(" ");
const ARTICLE = [para(40), para(40, "more"), para(40, "last")].join("\n\n");

test("the same text, or the same paragraphs rewrapped, is not a change", () => {
  assert.equal(materialChange(ARTICLE, ARTICLE), false);
  assert.equal(newParagraphChars(ARTICLE, ARTICLE.replace(/\n\n/g, "\n\n\n")), 0);
});

test("a short notice over a long article is not material; new paragraphs are", () => {
  assert.equal(materialChange(ARTICLE, "Updated at 10:42.\n\n" + ARTICLE), false);
  const added = ARTICLE + "\n\n" + "x".repeat(CHANGE_RULES.minNewChars);
  assert.equal(materialChange(ARTICLE, added), true);
});

test("removing paragraphs only is not a new text to read", () => {
  assert.equal(materialChange(ARTICLE, ARTICLE.split("\n\n").slice(0, 2).join("\n\n")), false);
});

test("another article is material, and so is a new paragraph in a short one", () => {
  assert.equal(materialChange(ARTICLE, [para(30, "other"), para(30, "story")].join("\n\n")), true);
  assert.equal(materialChange("A short item.", "A short item.\n\nWith a second line."), true);
});

test("the memory keeps the last texts' reports and forgets the oldest", () => {
  const m = new ReportMemory(2);
  m.set("a", 1);
  m.set("b", 2);
  m.set("a", 3);
  m.set("c", 4);
  assert.equal(m.has("b"), false);
  assert.equal(m.get("a"), 3);
  assert.equal(m.get("c"), 4);
});
