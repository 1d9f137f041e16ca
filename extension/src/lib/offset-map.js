// The offset map: the article text the extension sends, built from live text nodes, and the way
// back from a span of that text (UTF-16 code units, the unit of JS strings and of the API) to a
// DOM Range on those very nodes.
//
// Text is built like a browser renders it: runs of ASCII whitespace collapse to one space, blocks
// are trimmed, blocks are joined by a blank line ("\n\n"), <br> becomes "\n". Every character of
// the text remembers the node and the offset inside that node it came from; separators
// remember nothing (-1).

const COLLAPSIBLE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c]);

export const BLOCK_SEPARATOR = "\n\n";
export const LINE_BREAK = "\n";

export class OffsetMap {
  constructor() {
    this.nodes = [];
    this.parts = [];
    this._nodeOf = [];
    this._offOf = [];
    this._text = null;
    this._blockOpen = false;
    this._pendingSpace = null; // [nodeIndex, offset] of a collapsed space not yet emitted
    this._nodeIndex = new Map();
  }

  /**
   * Build a map from blocks; a block is an array of items, each a Text node or the string "\n"
   * (a line break, from <br>).
   */
  static fromBlocks(blocks) {
    const map = new OffsetMap();
    for (const block of blocks) {
      map.beginBlock();
      for (const item of block) {
        if (typeof item === "string") map.addBreak();
        else map.addTextNode(item);
      }
      map.endBlock();
    }
    return map;
  }

  beginBlock() {
    this._blockOpen = true;
    this._blockStart = this._nodeOf.length;
    this._pendingSpace = null;
  }

  _emit(ch, nodeIdx, off) {
    if (this._nodeOf.length === this._blockStart && this._blockStart > 0) {
      // first character of a block after another: the blank line between them
      for (const sep of BLOCK_SEPARATOR) {
        this.parts.push(sep);
        this._nodeOf.push(-1);
        this._offOf.push(-1);
      }
      this._blockStart = this._nodeOf.length;
    }
    this.parts.push(ch);
    this._nodeOf.push(nodeIdx);
    this._offOf.push(off);
  }

  addBreak() {
    this._pendingSpace = null;
    if (this._nodeOf.length > this._blockStart) this._emit(LINE_BREAK, -1, -1);
  }

  addTextNode(node) {
    const data = node.data;
    if (!data) return;
    let idx = this._nodeIndex.get(node);
    if (idx === undefined) {
      idx = this.nodes.length;
      this.nodes.push(node);
      this._nodeIndex.set(node, idx);
    }
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      if (COLLAPSIBLE.has(code)) {
        if (this._pendingSpace === null) this._pendingSpace = [idx, i];
        continue;
      }
      if (this._pendingSpace !== null) {
        const last = this.parts[this.parts.length - 1];
        if (this._nodeOf.length > this._blockStart && last !== LINE_BREAK) {
          this._emit(" ", this._pendingSpace[0], this._pendingSpace[1]);
        }
        this._pendingSpace = null;
      }
      this._emit(data[i], idx, i);
    }
  }

  endBlock() {
    this._pendingSpace = null;
    // drop a trailing line break
    while (this._nodeOf.length > this._blockStart && this._nodeOf[this._nodeOf.length - 1] === -1) {
      this.parts.pop();
      this._nodeOf.pop();
      this._offOf.pop();
    }
    this._blockOpen = false;
    this._text = null;
  }

  /** The article text. */
  get text() {
    if (this._text === null) this._text = this.parts.join("");
    return this._text;
  }

  get length() {
    return this._nodeOf.length;
  }

  /** The DOM position where text offset `offset` starts: the first mapped char at or after it. */
  startPosition(offset) {
    for (let i = Math.max(0, offset); i < this._nodeOf.length; i++) {
      if (this._nodeOf[i] !== -1) return { node: this.nodes[this._nodeOf[i]], offset: this._offOf[i] };
    }
    return null;
  }

  /** The DOM position where a span ending at `end` (exclusive) ends: after the last mapped char. */
  endPosition(end) {
    for (let i = Math.min(end, this._nodeOf.length) - 1; i >= 0; i--) {
      if (this._nodeOf[i] !== -1) return { node: this.nodes[this._nodeOf[i]], offset: this._offOf[i] + 1 };
    }
    return null;
  }

  /** A Range over text[start, end), or null if the span is empty or maps to no node. */
  rangeFor(start, end, doc) {
    if (!(end > start)) return null;
    const a = this.startPosition(start);
    const b = this.endPosition(end);
    if (!a || !b) return null;
    const range = (doc || a.node.ownerDocument).createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    if (range.collapsed) return null;
    return range;
  }

  /** The text offset of a DOM position (node must be one of the map's text nodes), or -1. */
  offsetOf(node, nodeOffset) {
    const idx = this._nodeIndex.get(node);
    if (idx === undefined) return -1;
    let best = -1;
    for (let i = 0; i < this._nodeOf.length; i++) {
      if (this._nodeOf[i] === idx) {
        if (this._offOf[i] >= nodeOffset) return i;
        best = i + 1;
      }
    }
    return best;
  }

  /** True while every text node of the map is still in the document with the same data length. */
  isLive() {
    return this.nodes.every((n) => n.isConnected);
  }
}
