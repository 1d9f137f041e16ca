import { test } from "node:test";
import assert from "node:assert/strict";
import { versionNote } from "../src/lib/version.js";

test("differing versions are named; equal or unknown ones say nothing", () => {
  assert.match(versionNote("0.2.0", "0.1.0"), /extension 0\.2\.0, server 0\.1\.0/);
  assert.equal(versionNote("0.1.0", "0.1.0"), "");
  assert.equal(versionNote("0.1.0", null), "");
});
