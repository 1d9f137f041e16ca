import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { createHost, fillCard } from "../src/lib/card.js";

function card() {
  const { document } = new JSDOM("<!doctype html><body><p>page</p></body>").window;
  return { document, ...createHost(document) };
}

const wrongRegion = {
  id: 3,
  type: "place",
  code: "place.wrong_region",
  severity: "warning",
  text: "SevSk",
  message: "Sevsk is a town in Bryansk Oblast, Russia, not in the Donetsk region.",
  details: {
    resolved: { name: "Sevsk", country: "Russia", admin1: "Bryansk Oblast", lat: 52.15, lon: 34.49, geonameid: 496285 },
    claimed_region: "Donetsk region",
    distance_km: 433.6,
    suggestions: [
      { name: "Siversk", country: "Ukraine", admin1: "Donetsk Oblast", lat: 48.87, lon: 38.1, geonameid: 693457 },
    ],
  },
};

test("a place card shows where the place really is, the claim, distance and suggestions with GeoNames links", () => {
  const { card: el, host } = card();
  fillCard(el, wrongRegion);
  const text = el.textContent;
  assert.match(text, /Place is not where the text says/);
  assert.match(text, /Sevsk, Bryansk Oblast, Russia/);
  assert.match(text, /Donetsk region/);
  assert.match(text, /434 km/);
  assert.match(text, /Siversk, Donetsk Oblast, Ukraine/);
  const links = [...el.querySelectorAll("a")].map((a) => a.href);
  assert.deepEqual(links, ["https://www.geonames.org/496285", "https://www.geonames.org/693457"]);
  assert.equal(host.getAttribute("data-sourcemark-host"), "");
  assert.equal(host.parentNode, host.ownerDocument.documentElement);
});

test("a quotation card names the speaker and why it counts as anonymous", () => {
  const { card: el } = card();
  fillCard(el, {
    id: 1, type: "quote", code: "quote.anonymous", severity: "caution", text: "“It was a symbol,”",
    message: "The speaker is not named.",
    details: { speaker: { text: "one anonymous Western defense official", kind: "anonymous" }, cue: "said", reason: "anonymous speaker" },
  });
  assert.match(el.textContent, /one anonymous Western defense official \(unnamed source\)/);
  assert.match(el.textContent, /anonymous speaker/);
  assert.equal(el.querySelector(".words").textContent, "“It was a symbol,”");
});

test("server strings are never parsed as HTML", () => {
  const { card: el } = card();
  const evil = '<img src=x onerror="alert(1)"><a href="javascript:alert(2)">x</a>';
  fillCard(el, {
    id: 2, code: "place.unknown", severity: "warning", text: evil, message: evil,
    details: { reason: evil, resolved: { name: evil, geonameid: "javascript:alert(3)" }, suggestions: [{ name: evil, geonameid: -1 }] },
  });
  assert.equal(el.querySelectorAll("img").length, 0);
  assert.equal(el.querySelectorAll("a").length, 0, "no link without a numeric GeoNames id");
  assert.ok(el.textContent.includes(evil));
});
