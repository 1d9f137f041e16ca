import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULTS, shown, siteEnabled } from "../src/lib/settings.js";

test("nothing is enabled by default and the default server is local", () => {
  assert.deepEqual(DEFAULTS.sites, []);
  assert.equal(DEFAULTS.server, "http://127.0.0.1:8765");
  assert.equal(siteEnabled(DEFAULTS, "www.example.com"), false);
});

test("a site entry covers its subdomains but not look-alikes", () => {
  const s = { sites: ["example.com", "*.News.org."] };
  assert.ok(siteEnabled(s, "example.com"));
  assert.ok(siteEnabled(s, "www.example.com"));
  assert.ok(siteEnabled(s, "live.news.org"));
  assert.ok(!siteEnabled(s, "badexample.com"));
  assert.ok(!siteEnabled(s, "example.com.evil.net"));
  assert.ok(!siteEnabled(s, ""));
});

test("kinds and severities filter the findings drawn", () => {
  const s = { kinds: ["place"], severities: ["warning"] };
  assert.ok(shown(s, { type: "place", severity: "warning" }));
  assert.ok(shown(s, { code: "place.unknown", severity: "warning" }));
  assert.ok(!shown(s, { type: "quote", severity: "warning" }));
  assert.ok(!shown(s, { type: "place", severity: "info" }));
});
