"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartData } from "./chart-data";

/**
 * Recharts stacked bars. Loaded only by the home page, through next/dynamic (chart-figure.tsx), so
 * the library stays out of every other page's first-load JavaScript. The figure's table carries
 * the same numbers for screen readers; the drawing itself is hidden from them.
 */
export default function StackedBarChart({ data }: { data: ChartData }) {
  const rows = data.rows.map((r) => ({ label: r.label, ...r.values }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#cbd5e1" />
        <XAxis dataKey="label" tick={{ fill: "#334155", fontSize: 12 }} interval={0} label={data.xLabel ? { value: data.xLabel, position: "insideBottom", offset: -4, fill: "#334155", fontSize: 12 } : undefined} height={data.xLabel ? 44 : 30} />
        <YAxis allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} width={36} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {data.series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="all" fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
