/**
 * Durations written the way contracts write them: "72 hours", "thirty (30) days", "five (5)
 * business days", "two weeks", "one month". Business days count as calendar days (the label the
 * reader checks is the number the DPA states); a month is 30 days.
 */
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, "twenty-four": 24, "twenty four": 24,
  thirty: 30, "thirty-one": 31, "thirty-five": 35, "thirty-six": 36, forty: 40, "forty-five": 45, "forty-eight": 48, fifty: 50, sixty: 60,
  "seventy-two": 72, ninety: 90, "one hundred eighty": 180, "one hundred and eighty": 180,
};
const UNIT_HOURS: Record<string, number> = { hour: 1, day: 24, week: 168, month: 720, year: 8760 };
const WORDS = Object.keys(WORD_NUMBERS).sort((a, b) => b.length - a.length).join("|");
const DURATION = new RegExp(`\\b(?:(${WORDS})\\s*(?:\\((\\d+)\\)\\s*)?|(\\d+)\\s*(?:-\\s*)?)(?:(business|calendar|working)\\s+)?(hour|day|week|month|year)s?(?:['’]s?)?\\b`, "gi");

export type Duration = { hours: number; days: number; at: number; end: number; text: string };

export function findDurations(text: string): Duration[] {
  const found: Duration[] = [];
  DURATION.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DURATION.exec(text))) {
    const value = match[2] ? Number(match[2]) : match[3] ? Number(match[3]) : WORD_NUMBERS[match[1]!.toLowerCase()];
    if (value === undefined || !Number.isFinite(value)) continue;
    const hours = value * UNIT_HOURS[match[5]!.toLowerCase()]!;
    found.push({ hours, days: Math.round(hours / 24), at: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return found;
}
