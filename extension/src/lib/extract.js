// Extraction: find the article on the live page and build its text with an offset map over the
// LIVE page's text nodes. Readability runs on a clone (it rewrites the document it is given);
// each clone node is traced back to its live twin, first by identity (recorded while cloning),
// then by an index attribute written on the clone's elements only (it survives Readability's
// retries, which re-parse the clone's HTML). If Readability finds nothing usable, the page's
// <article> or <main> is used.

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

/** Clone the document, remembering for each clone text node its live twin. */
function cloneWithTwins(doc) {
  const clone = doc.cloneNode(true);
  const twins = new WeakMap();
  const liveElements = [];
  const live = doc.createTreeWalker(doc.documentElement, 0x1 | 0x4); // elements + text
  const copy = clone.createTreeWalker(clone.documentElement, 0x1 | 0x4);
  let a = live.currentNode;
  let b = copy.currentNode;
  while (a && b) {
    if (a.nodeType === 3) twins.set(b, a);
    else {
      b.setAttribute(INDEX_ATTR, String(liveElements.length));
      liveElements.push(a);
    }
    a = live.nextNode();
    b = copy.nextNode();
  }
  return { clone, twins, liveElements };
}

function liveTwin(node, twins, liveElements) {
  const known = twins.get(node);
  if (known) return known;
  // Readability re-parsed this part: find the text of the same data under the live twin of the
  // nearest indexed ancestor.
  const data = node.data.trim();
  if (!data) return null;
  for (let el = node.parentElement; el; el = el.parentElement) {
    const i = el.getAttribute && el.getAttribute(INDEX_ATTR);
    if (i === null || i === undefined) continue;
    const liveEl = liveElements[Number(i)];
    if (!liveEl) return null;
    const walker = liveEl.ownerDocument.createTreeWalker(liveEl, 0x4);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t.data.trim() === data) return t;
    }
    return null;
  }
  return null;
}

function nearestBlock(node) {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (BLOCK_TAGS.has(el.tagName)) return el;
  }
  return node.ownerDocument.body;
}

function isSkipped(node) {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
    if (el.hasAttribute("data-sourcemark-host")) return true;
  }
  return false;
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
  for (const t of liveNodes) {
    if (seen.has(t) || !t.isConnected || isSkipped(t)) continue;
    seen.add(t);
    if (!isVisible(t.parentElement)) continue;
    const block = nearestBlock(t);
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
      } else if (n.tagName === "BR" && nearestBlock(n) === block) list.push("\n");
    }
    items.push(list);
  }
  return OffsetMap.fromBlocks(items);
}

function textNodesUnder(root) {
  const out = [];
  const walker = root.ownerDocument.createTreeWalker(root, 0x4);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) out.push(t);
  return out;
}

/**
 * Extract the article of a live document.
 * @returns {{map: OffsetMap, text: string, method: "readability"|"article"|"main"|"none", title: string}}
 */
export function extractArticle(doc = document) {
  let article = null;
  const clock = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  const phases = {};
  try {
    let t = clock();
    const { clone, twins, liveElements } = cloneWithTwins(doc);
    phases.cloneMs = clock() - t;
    t = clock();
    const parsed = new Readability(clone, { serializer: (el) => el }).parse();
    phases.readabilityMs = clock() - t;
    t = clock();
    if (parsed && parsed.content) {
      const liveNodes = [];
      for (const t of textNodesUnder(parsed.content)) {
        const twin = liveTwin(t, twins, liveElements);
        if (twin) liveNodes.push(twin);
      }
      const map = mapTextNodes(liveNodes);
      phases.mapMs = clock() - t;
      if (map.text.length >= MIN_ARTICLE_CHARS) {
        article = { map, text: map.text, method: "readability", title: parsed.title || doc.title };
      }
    }
  } catch (err) {
    // fall through to the semantic elements
  }
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
