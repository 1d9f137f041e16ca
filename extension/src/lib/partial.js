// A report of a very long page may be partial: the server cuts its lists (meta.truncated) and
// checks at most so many place names (meta.unchecked). The reader is told, so that "no warnings"
// on such a page is not read as "nothing suspect".

// [meta group, key, one, many, what happened to them]
const PARTS = [
  ["unchecked", "place_candidates", "place name", "place names", "not checked"],
  ["unchecked", "place_lookups", "place name", "place names", "not looked up for misspellings"],
  ["truncated", "findings", "warning or note", "warnings or notes", "not shown"],
  ["truncated", "quotes", "quotation", "quotations", "not listed"],
  ["truncated", "places", "place", "places", "not listed"],
];

/** A sentence saying what the report left out, or "" when it is whole. */
export function partialNote(meta) {
  if (!meta) return "";
  const said = [];
  for (const [group, key, one, many, what] of PARTS) {
    const n = meta[group] && Number(meta[group][key]);
    if (n > 0) said.push(`${n.toLocaleString("en")} ${n === 1 ? one : many} ${what}`);
  }
  return said.length ? `This page is too long to check whole: ${said.join(", ")}.` : "";
}
