// Extraction: find the article on the live page and build its text with an offset map over the
// LIVE page's text nodes. Readability runs on a copy of the page (it rewrites the document it is
// given): a clone, or, where the extension has a DOM of its own (Firefox's background page), a
// document parsed there from the page's serialised HTML — no Xray wrappers, and code that stays
// compiled from page to page. `readDocument` numbers the copy's text nodes before Readability
// runs (each element records the number of its first text node, which survives Readability's
// retries) and describes the article by those numbers and the nodes' data; `resolveNodes` finds
// the same nodes on the live page by number, checked by data (serialising and re-parsing can
// merge adjacent text nodes or reshape <noscript>, so a number may drift: it is searched for
// nearby). If a copy parsed elsewhere does not match the page, the page is cloned and read here;
// if Readability finds nothing usable, the page's <article> or <main> is used.

import { Readability } from "@mozilla/readability";
import { OffsetMap } from "./offset-map.js";

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "DD", "DETAILS", "DIALOG", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6",
  "HEADER", "HGROUP", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE",
  "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL", "CAPTION", "CENTER",
]);
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "TEXTAREA", "SELECT", "OPTION", "SVG", "MATH"]);
const INDEX_ATTR = "data-sourcemark-i";
export const MIN_ARTICLE_CHARS = 200;

/**
 * Where a node's text belongs, computed once per element: its nearest block element (or the
 * body) and whether it is under an element whose text is not read (scripts, our own host).
 */
function placer(doc) {
  const memo = new Map();
  const top = { block: null, skipped: false };
  return (start) => {
    const chain = [];
    let known = top;
    for (let el = start; el; el = el.parentElement) {
      const m = memo.get(el);
      if (m) {
        known = m;
        break;
      }
      chain.push(el);
    }
    let { block, skipped } = known;
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i];
      const tag = el.tagName;
      if (!skipped) skipped = SKIP_TAGS.has(tag.toUpperCase()) || el.hasAttribute("data-sourcemark-host");
      if (BLOCK_TAGS.has(tag)) block = el;
      known = { block, skipped };
      memo.set(el, known);
    }
    return { block: known.block || doc.body, skipped: known.skipped };
  };
}

/** Group live text nodes (in article order) into blocks and build the offset map. */
export function mapTextNodes(liveNodes, { visible = true } = {}) {
  const visibility = new Map();
  const isVisible = (el) => {
    if (!visible || !el || typeof el.checkVisibility !== "function") return true;
    let v = visibility.get(el);
    if (v === undefined) {
      v = el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
      visibility.set(el, v);
    }
    return v;
  };
  const blockOf = new Map();
  const blocks = [];
  const seen = new Set();
  const place = liveNodes.length ? placer(liveNodes[0].ownerDocument) : null;
  for (const t of liveNodes) {
    if (seen.has(t) || !t.isConnected) continue;
    const where = place(t.parentElement);
    if (where.skipped) continue;
    seen.add(t);
    if (!isVisible(t.parentElement)) continue;
    const block = where.block;
    if (!blockOf.has(block)) {
      blockOf.set(block, new Set());
      blocks.push(block);
    }
    blockOf.get(block).add(t);
  }
  const items = [];
  for (const block of blocks) {
    const members = blockOf.get(block);
    const list = [];
    const walker = block.ownerDocument.createTreeWalker(block, 0x1 | 0x4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) {
        if (members.has(n)) list.push(n);
      } else if (n.tagName === "BR" && place(n.parentElement).block === block) list.push("\n");
    }
    items.push(list);
  }
  return OffsetMap.fromBlocks(items);
}

/** Number the text nodes of a document in tree order; each element records the number of the
 * first text node at or after it (it survives Readability's retries, which clone the page). */
function indexTextNodes(doc) {
  const index = new WeakMap();
  const walker = doc.createTreeWalker(doc.documentElement, 0x1 | 0x4);
  let count = 0;
  for (let n = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === 3) index.set(n, count++);
    else n.setAttribute(INDEX_ATTR, String(count));
  }
  return index;
}

/**
 * Readability on a document the caller owns (it is changed), described by text-node numbers.
 * @returns {{title: string, nodes: {index: number, exact: boolean, data: string}[]} | null}
 *   `exact`: `index` is this node's own number; otherwise the number of the first text node
 *   under its nearest numbered ancestor (Readability re-created this node in a retry).
 */
export function readDocument(doc) {
  const index = indexTextNodes(doc);
  const parsed = new Readability(doc, { serializer: (el) => el }).parse();
  if (!parsed || !parsed.content) return null;
  const nodes = [];
  for (const t of textNodesUnder(parsed.content)) {
    const own = index.get(t);
    if (own !== undefined) {
      nodes.push({ index: own, exact: true, data: t.data });
      continue;
    }
    if (!t.data.trim()) continue;
    let hint = 0;
    for (let el = t.parentElement; el; el = el.parentElement) {
      const i = el.getAttribute(INDEX_ATTR);
      if (i !== null) {
        hint = Number(i);
        break;
      }
    }
    nodes.push({ index: hint, exact: false, data: t.data });
  }
  return { title: parsed.title || "", nodes };
}

/** How far from its expected place a described text node is looked for on the live page. */
export const RESOLVE_WINDOW = 400;

/** The live text nodes starting at `j` whose data, joined, is `data` (adjacent text nodes
 * serialise as one), or null. */
function matchAt(live, j, data) {
  const first = live[j].data;
  if (first === data) return [live[j]];
  if (!first || !data.startsWith(first)) return null;
  const run = [live[j]];
  let len = first.length;
  for (let k = j + 1; k < live.length && len < data.length; k++) {
    const d = live[k].data;
    if (!data.startsWith(d, len)) return null;
    run.push(live[k]);
    len += d.length;
  }
  return len === data.length ? run : null;
}

/**
 * The live text nodes of the nodes `readDocument` described on a copy of this page, in order, or
 * null when some text cannot be found (the copy differs from the page too much).
 */
export function resolveNodes(doc, nodes) {
  const live = textNodesUnder(doc.documentElement);
  const out = [];
  let drift = 0;
  let next = 0; // the live node after the last one found
  for (const { index, exact, data } of nodes) {
    // exact numbers: nearest the expected place, either way; re-created nodes: forward only from
    // the last node found (Readability keeps the page's order)
    const expected = exact ? index + drift : Math.max(next, index + drift);
    const lowest = exact ? 0 : next;
    let found = -1;
    let run = null;
    for (let step = 0; step <= RESOLVE_WINDOW && found < 0; step++) {
      for (const j of exact && step ? [expected + step, expected - step] : [expected + step]) {
        if (j < lowest || j >= live.length) continue;
        run = matchAt(live, j, data);
        if (run) {
          found = j;
          break;
        }
      }
    }
    if (found < 0) {
      if (!data.trim()) continue; // an unmatched run of whitespace changes no text
      return null;
    }
    if (exact) drift = found - index;
    next = Math.max(next, found + run.length);
    out.push(...run);
  }
  return out;
}

function textNodesUnder(root) {
  const out = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x4);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) out.push(t);
  return out;
}

/** Readability on a clone of the live page, found back on the live page as a copy read elsewhere. */
function readLocally(doc, phases, clock) {
  try {
    let t = clock();
    const clone = doc.cloneNode(true);
    phases.cloneMs = clock() - t;
    t = clock();
    const described = readDocument(clone);
    phases.readabilityMs = clock() - t;
    t = clock();
    const liveNodes = described && resolveNodes(doc, described.nodes);
    phases.resolveMs = clock() - t;
    if (liveNodes) {
      t = clock();
      const map = mapTextNodes(liveNodes);
      phases.mapMs = clock() - t;
      if (map.text.length >= MIN_ARTICLE_CHARS) {
        return { map, text: map.text, method: "readability", title: described.title || doc.title };
      }
    }
  } catch (err) {
    // fall through to the semantic elements
  }
  return null;
}

/**
 * Extract the article of a live document. `described`: what `readDocument` found on a copy of it
 * (parsed elsewhere), used when its text nodes are all found on the page.
 * @returns {{map: OffsetMap, text: string, method: "readability"|"article"|"main"|"none", title: string}}
 */
export function extractArticle(doc = document, { described = null } = {}) {
  let article = null;
  const clock = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  const phases = {};
  if (described) {
    const t = clock();
    const liveNodes = resolveNodes(doc, described.nodes);
    phases.resolveMs = clock() - t;
    if (liveNodes) {
      const t2 = clock();
      const map = mapTextNodes(liveNodes);
      phases.mapMs = clock() - t2;
      if (map.text.length >= MIN_ARTICLE_CHARS) {
        article = { map, text: map.text, method: "readability", title: described.title || doc.title };
      }
    } else phases.unresolved = 1;
  }
  if (!article) article = readLocally(doc, phases, clock);
  if (!article) {
    for (const selector of ["article", "main", "[role=main]"]) {
      const el = doc.querySelector(selector);
      if (!el) continue;
      const map = mapTextNodes(textNodesUnder(el));
      if (map.text.length >= MIN_ARTICLE_CHARS) {
        article = { map, text: map.text, method: selector === "article" ? "article" : "main", title: doc.title };
        break;
      }
    }
  }
  if (!article) {
    const map = OffsetMap.fromBlocks([]);
    article = { map, text: "", method: "none", title: doc.title };
  }
  article.phases = phases;
  return article;
}
