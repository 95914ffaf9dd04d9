/** What a home chart draws and its fallback table lists: plain data, serialisable from the server page. */
export interface ChartData {
  /** `color` names a CSS variable ("--chart-blue"), so the colours follow dark mode. */
  series: Array<{ key: string; label: string; color: string }>;
  rows: Array<{ label: string; href?: string; values: Record<string, number> }>;
  /** Names the x axis (e.g. "Week starting"). */
  xLabel?: string;
  /** The first column's header in the table. */
  rowHeader: string;
}
