// The hover card and the extension's own host element. Everything lives in a shadow root of one
// element the extension adds; server strings go in with textContent only, never as HTML.

const TITLES = {
  "place.misspelled": "Place name looks misspelled",
  "place.unknown": "Unknown place",
  "place.wrong_region": "Place is not where the text says",
  "place.far_from_context": "Place is far from the story",
  "quote.unattributed": "Quotation without a speaker",
  "quote.anonymous": "Quotation from an unnamed source",
};

const SPEAKER_KINDS = {
  anonymous: "unnamed source",
  none: "no speaker",
  pronoun: "pronoun",
  named: "named",
};

const CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; max-width: 360px; min-width: 220px;
  font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; background: #fffef8;
  border: 1px solid #b9b29a; border-left: 5px solid #c0392b; border-radius: 6px;
  box-shadow: 0 4px 18px rgba(0,0,0,.25); padding: 10px 12px; }
.card[hidden] { display: none; }
.card.caution { border-left-color: #d68910; }
.card.info { border-left-color: #2e86c1; }
.title { font-weight: 700; margin: 0 0 4px; }
.words { font-style: italic; color: #555; margin: 0 0 6px; }
.message { margin: 0 0 6px; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; }
dt { font-weight: 600; color: #444; }
dd { margin: 0; }
ol { margin: 0; padding-left: 18px; }
a { color: #1a5fb4; }
.brand { margin-top: 6px; font-size: 11px; color: #777; }
.mark { position: absolute; pointer-events: none; border-bottom: 2px solid #c0392b;
  background: rgba(231, 76, 60, .18); }
.mark.caution { border-bottom-color: #d68910; background: rgba(243, 156, 18, .18); }
.mark.info { border-bottom-color: #2e86c1; background: rgba(52, 152, 219, .12); }
`;

export function createHost(doc = document) {
  const host = doc.createElement("sourcemark-host");
  host.setAttribute("data-sourcemark-host", "");
  host.style.cssText = "position:absolute;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;";
  const root = host.attachShadow({ mode: "open" });
  const style = doc.createElement("style");
  style.textContent = CSS;
  root.appendChild(style);
  const marks = doc.createElement("div");
  marks.className = "marks";
  root.appendChild(marks);
  const card = doc.createElement("div");
  card.className = "card";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  root.appendChild(card);
  doc.documentElement.appendChild(host);
  return { host, root, card, marks };
}

function el(doc, tag, text, cls) {
  const e = doc.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

function placeLabel(p) {
  if (!p || typeof p !== "object") return "";
  return [p.name, p.admin1, p.country].filter((x) => typeof x === "string" && x).join(", ");
}

function geonamesLink(doc, p) {
  const id = Number(p && p.geonameid);
  if (!Number.isInteger(id) || id <= 0) return null;
  const a = el(doc, "a", "GeoNames");
  a.href = `https://www.geonames.org/${id}`;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

function placeItem(doc, tag, p) {
  const item = el(doc, tag, placeLabel(p));
  const link = geonamesLink(doc, p);
  if (link) {
    item.append(" (");
    item.append(link);
    item.append(")");
  }
  return item;
}

/** Fill the card for a finding. */
export function fillCard(card, finding) {
  const doc = card.ownerDocument;
  card.replaceChildren();
  card.className = `card ${finding.severity || ""}`;
  card.dataset.findingId = String(finding.id);
  card.appendChild(el(doc, "p", TITLES[finding.code] || finding.code || "Sourcemark", "title"));
  const quoted = /^["“‘«'„]/.test(finding.text || "");
  card.appendChild(el(doc, "p", quoted ? finding.text : `“${finding.text}”`, "words"));
  if (finding.message) card.appendChild(el(doc, "p", finding.message, "message"));
  const d = finding.details && typeof finding.details === "object" ? finding.details : {};
  const dl = el(doc, "dl");
  const row = (label, value) => {
    dl.appendChild(el(doc, "dt", label));
    const dd = el(doc, "dd");
    if (value instanceof doc.defaultView.Node) dd.appendChild(value);
    else dd.textContent = String(value);
    dl.appendChild(dd);
  };
  if (d.resolved && typeof d.resolved === "object") row("Real location", placeItem(doc, "span", d.resolved));
  if (d.claimed_region) row("Text claims", typeof d.claimed_region === "object" ? placeLabel(d.claimed_region) || JSON.stringify(d.claimed_region) : d.claimed_region);
  if (typeof d.distance_km === "number") row("Distance", `${Math.round(d.distance_km)} km`);
  if (Array.isArray(d.suggestions) && d.suggestions.length) {
    const ol = el(doc, "ol");
    for (const s of d.suggestions.slice(0, 3)) ol.appendChild(placeItem(doc, "li", s));
    row("Did you mean", ol);
  }
  if (d.speaker && typeof d.speaker === "object") {
    const who = d.speaker.text ? `${d.speaker.text} (${SPEAKER_KINDS[d.speaker.kind] || d.speaker.kind || "?"})` : SPEAKER_KINDS[d.speaker.kind] || "none";
    row("Speaker", who);
  }
  if (d.cue) row("Cue", typeof d.cue === "object" ? d.cue.text || JSON.stringify(d.cue) : d.cue);
  if (d.reason) row("Why", d.reason);
  if (dl.childNodes.length) card.appendChild(dl);
  card.appendChild(el(doc, "div", "Sourcemark", "brand"));
}

/** Place the card next to a rectangle (viewport coordinates). */
export function placeCard(card, rect) {
  card.hidden = false;
  const win = card.ownerDocument.defaultView;
  const w = card.offsetWidth || 300;
  const h = card.offsetHeight || 120;
  let left = Math.min(Math.max(8, rect.left), win.innerWidth - w - 8);
  let top = rect.bottom + 6;
  if (top + h > win.innerHeight - 8) top = Math.max(8, rect.top - h - 6);
  card.style.left = `${Math.max(8, left)}px`;
  card.style.top = `${top}px`;
}
