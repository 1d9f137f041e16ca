// Drawing: one CSS Custom Highlight per kind and severity ("sourcemark-place-warning", ...), so
// the page's DOM is never changed. Where the Highlight API is missing, rectangles are drawn in the
// extension's own shadow root instead. Hit-testing (which finding is under the pointer) works on
// the ranges' client rectangles in both cases.

export const HIGHLIGHT_PREFIX = "sourcemark-";

export class Highlighter {
  constructor(win, marksLayer) {
    this.win = win;
    this.marks = marksLayer;
    this.items = [];
    this.names = new Set();
    this.native = !!(win.CSS && win.CSS.highlights && typeof win.Highlight === "function");
  }

  /** items: [{id, range, kind, severity}] */
  draw(items) {
    this.clear();
    this.items = items;
    if (this.native) {
      const groups = new Map();
      for (const item of items) {
        const name = `${HIGHLIGHT_PREFIX}${item.kind}-${item.severity}`;
        if (!groups.has(name)) groups.set(name, []);
        groups.get(name).push(item.range);
      }
      for (const [name, ranges] of groups) {
        const h = new this.win.Highlight(...ranges);
        h.priority = name.endsWith("warning") ? 3 : name.endsWith("caution") ? 2 : 1;
        this.win.CSS.highlights.set(name, h);
        this.names.add(name);
      }
    } else {
      this.drawRects();
    }
  }

  drawRects() {
    if (this.native || !this.marks) return;
    const doc = this.marks.ownerDocument;
    this.marks.replaceChildren();
    const sx = this.win.scrollX;
    const sy = this.win.scrollY;
    for (const item of this.items) {
      for (const r of item.range.getClientRects()) {
        const m = doc.createElement("div");
        m.className = `mark ${item.severity}`;
        m.style.left = `${r.left + sx}px`;
        m.style.top = `${r.top + sy}px`;
        m.style.width = `${r.width}px`;
        m.style.height = `${r.height}px`;
        this.marks.appendChild(m);
      }
    }
  }

  clear() {
    if (this.native) {
      for (const name of this.names) this.win.CSS.highlights.delete(name);
      this.names.clear();
    } else if (this.marks) {
      this.marks.replaceChildren();
    }
    this.items = [];
  }

  /** The drawn item under viewport point (x, y), or null. */
  itemAt(x, y) {
    for (const item of this.items) {
      for (const r of item.range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return item;
      }
    }
    return null;
  }
}
