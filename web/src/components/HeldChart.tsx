// People held month by month (recharts): surely held as a filled area, possibly held (what partial
// dates allow) as a dashed line above it. Loaded lazily with the other charts (OverviewPage); a
// summary by year stands in for the picture for screen readers.
import { useMantineTheme, VisuallyHidden } from '@mantine/core';
import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HeldMonth } from '../api.ts';
import { t } from '../strings/index.ts';

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

const asDate = (month: string) => new Date(`${month}-01T00:00:00Z`);
export const formatMonth = (month: string) => monthFormat.format(asDate(month));

/** Per year: the most people surely and possibly held in any one month. */
function byYear(months: HeldMonth[]) {
  const years = new Map<string, { surely: number; possibly: number }>();
  for (const m of months) {
    const y = m.month.slice(0, 4);
    const seen = years.get(y) ?? { surely: 0, possibly: 0 };
    years.set(y, { surely: Math.max(seen.surely, m.surely), possibly: Math.max(seen.possibly, m.possibly) });
  }
  return [...years];
}

export default function HeldChart({ months, title }: { months: HeldMonth[]; title: string }) {
  const theme = useMantineTheme();
  const accent = theme.colors.blue[7];
  const last = months.at(-1);
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={months} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke={theme.colors.gray[3]} />
            <XAxis dataKey="month" tickFormatter={formatMonth} minTickGap={24} tick={{ fontSize: 12, fill: theme.colors.gray[7] }} stroke={theme.colors.gray[4]} />
            <YAxis allowDecimals={false} width={40} domain={[0, (max: number) => Math.max(1, max)]} tick={{ fontSize: 12, fill: theme.colors.gray[7] }} stroke={theme.colors.gray[4]} />
            <Tooltip labelFormatter={(m) => longMonth.format(asDate(String(m)))} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Area type="stepAfter" dataKey="possibly" name={t.overview.possiblyHeld} stroke={theme.colors.gray[6]} strokeDasharray="4 3"
              fill="none" isAnimationActive={false} />
            <Area type="stepAfter" dataKey="surely" name={t.overview.surelyHeld} stroke={accent} fill={accent} fillOpacity={0.25}
              isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden>
        {last && <p>{t.overview.heldSummary(longMonth.format(asDate(months[0]!.month)), longMonth.format(asDate(last.month)), last.surely, last.possibly)}</p>}
        <ul>
          {byYear(months).map(([year, n]) => <li key={year}>{t.overview.heldYear(year, n.surely, n.possibly)}</li>)}
        </ul>
      </VisuallyHidden>
    </figure>
  );
}
