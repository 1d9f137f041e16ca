// A report of a very long page may be partial: the server cuts its lists (meta.truncated) and
// checks at most so many place names (meta.unchecked). The reader is told, so that "no warnings"
// on such a page is not read as "nothing suspect".

const PARTS = [
  ["unchecked", "place_candidates", "place name", "not checked"],
  ["unchecked", "place_lookups", "place name", "not looked up for misspellings"],
  ["truncated", "findings", "warning or note", "not shown"],
  ["truncated", "quotes", "quotation", "not listed"],
  ["truncated", "places", "place", "not listed"],
];

/** A sentence saying what the report left out, or "" when it is whole. */
export function partialNote(meta) {
  if (!meta) return "";
  const said = [];
  for (const [group, key, noun, what] of PARTS) {
    const n = meta[group] && Number(meta[group][key]);
    if (n > 0) said.push(`${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"} ${what}`);
  }
  return said.length ? `This page is too long to check whole: ${said.join(", ")}.` : "";
}
