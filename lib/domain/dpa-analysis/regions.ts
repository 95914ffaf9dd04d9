/**
 * Region codes (the product's processingRegions vocabulary: EU, US, UK, …) for places a DPA
 * names as where data is processed or stored. A place counts only when the nearest preposition
 * before it is "in" or "within" ("stored in the United States", "in the UK and the EU"), not
 * "from", "outside" or "to" ("transfers from the EEA", "transfers to the United States").
 */
const PLACES: Array<[RegExp, string]> = [
  [/\b(European Union|European Economic Area|EEA|EU|Germany|Ireland|France|the Netherlands|Netherlands|Frankfurt|Dublin|Amsterdam|Paris|Belgium|Sweden|Finland|Spain|Italy|Poland|Austria|Denmark|eu-(?:west|central|north|south)-\d)\b/g, "EU"],
  [/\b(United States(?: of America)?|U\.S\.A?\.?|USA|US|us-(?:east|west)-\d)(?![\w-])/g, "US"],
  [/\b(United Kingdom|UK|Great Britain|England|London)\b/g, "UK"],
  [/\b(Switzerland|Swiss)\b/g, "CH"],
  [/\b(Canada)\b/g, "CA"],
  [/\b(Australia)\b/g, "AU"],
  [/\b(Japan)\b/g, "JP"],
  [/\b(Singapore)\b/g, "SG"],
  [/\b(India)\b/g, "IN"],
  [/\b(Asia[- ]Pacific|APAC)\b/g, "APAC"],
];
const PREPOSITION = /\b(in|within|from|outside|to|into|of|between|across)\b/gi;

function nearestPreposition(text: string, at: number): string | null {
  let last: string | null = null;
  PREPOSITION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = PREPOSITION.exec(text)) && match.index < at) last = match[1]!.toLowerCase();
  return last;
}

export function regionsIn(text: string): string[] {
  const found = new Set<string>();
  for (const [pattern, code] of PLACES) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text))) {
      // "EU-U.S. Data Privacy Framework" names a mechanism, not a place.
      if (text[match.index - 1] === "-" || text[match.index + match[0].length] === "-") continue;
      const preposition = nearestPreposition(text, match.index);
      if (preposition === "in" || preposition === "within") found.add(code);
    }
  }
  return [...found].sort();
}
