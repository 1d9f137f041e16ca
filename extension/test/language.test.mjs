import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { decideLanguage, declaredLanguage, detectLanguage, primary, reportLanguage, LANGUAGE_RULES } from "../src/lib/language.js";

const LONG = LANGUAGE_RULES.minChars;
const detected = (reliable, ...languages) => ({ reliable, languages: languages.map(([code, percent]) => ({ code, percent })) });

test("language tags reduce to their primary subtag", () => {
  assert.equal(primary("fr-FR"), "fr");
  assert.equal(primary("pt_BR"), "pt");
  assert.equal(primary("EN"), "en");
  assert.equal(primary(""), null);
  assert.equal(primary("x"), null);
});

test("the page's declared language comes from lang, xml:lang or a Content-Language meta", () => {
  assert.equal(declaredLanguage(new JSDOM('<html lang="de-AT"><body></body></html>').window.document), "de");
  assert.equal(declaredLanguage(new JSDOM('<html><head><meta http-equiv="Content-Language" content="es"></head></html>').window.document), "es");
  assert.equal(declaredLanguage(new JSDOM("<html><body></body></html>").window.document), null);
});

test("a sure detector decides alone; English is always sent", () => {
  assert.deepEqual(decideLanguage({ declared: "en", detected: detected(true, ["fr", 97]), textLength: 5000 }), { english: false, code: "fr", source: "browser" });
  assert.equal(decideLanguage({ declared: "fr", detected: detected(true, ["en", 99]), textLength: 5000 }).english, true);
});

test("a page's lang alone never decides, but confirms an unsure detector", () => {
  assert.equal(decideLanguage({ declared: "fr", detected: null, textLength: 5000 }).english, true);
  assert.equal(decideLanguage({ declared: "fr", detected: detected(false), textLength: 5000 }).english, true);
  assert.deepEqual(decideLanguage({ declared: "fr", detected: detected(false, ["fr", 55]), textLength: 5000 }), { english: false, code: "fr", source: "page" });
  assert.equal(decideLanguage({ declared: "de", detected: detected(false, ["fr", 55]), textLength: 5000 }).english, true);
});

test("short and mixed texts go to the server", () => {
  assert.equal(decideLanguage({ declared: "es", detected: detected(true, ["es", 99]), textLength: LONG - 1 }).english, true);
  assert.equal(decideLanguage({ declared: "en", detected: detected(true, ["fr", 55], ["en", 45]), textLength: 5000 }).english, true);
});

test("detection is null where the browser has no detector or it fails", async () => {
  assert.equal(await detectLanguage({}, "text"), null);
  assert.equal(await detectLanguage({ i18n: { detectLanguage: async () => { throw new Error("no"); } } }, "text"), null);
  const api = { i18n: { detectLanguage: async () => ({ isReliable: true, languages: [{ language: "en", percentage: 20 }, { language: "pt-BR", percentage: 80 }, { language: "und", percentage: 0 }] }) } };
  assert.deepEqual(await detectLanguage(api, "text"), { reliable: true, languages: [{ code: "pt", percent: 80 }, { code: "en", percent: 20 }] });
});

test("the server's verdict: a skipped report is not drawn, and names its language", () => {
  assert.deepEqual(reportLanguage({ findings: [], meta: { language: { code: "es", confidence: 1 }, skipped: "language" } }), { code: "es", skipped: true });
  assert.deepEqual(reportLanguage({ findings: [], meta: { language: { code: "en" } } }), { code: "en", skipped: false });
  assert.deepEqual(reportLanguage({ findings: [] }), { code: null, skipped: false });
});
