// A bar chart of counts (recharts), horizontal so that long labels fit on a phone. Loaded lazily
// (OverviewPage), so its code is not part of the first JavaScript a visitor downloads.
import { useMantineTheme, VisuallyHidden } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

export interface Count {
  label: string;
  value: number;
}

export default function CountsChart({ data, title, color = 'blue' }: { data: Count[]; title: string; color?: string }) {
  const theme = useMantineTheme();
  const fill = theme.colors[color]?.[7] ?? theme.colors.blue[7];
  const height = Math.max(80, data.length * 36 + 24);
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <div aria-hidden="true" style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke={theme.colors.gray[3]} />
            <XAxis type="number" allowDecimals={false} domain={[0, (max: number) => Math.max(1, max)]} tick={{ fontSize: 12, fill: theme.colors.gray[7] }} stroke={theme.colors.gray[4]} />
            <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 13, fill: theme.colors.dark[7] }} stroke={theme.colors.gray[4]} />
            <Bar dataKey="value" fill={fill} radius={[0, 3, 3, 0]} barSize={20} isAnimationActive={false}>
              <LabelList dataKey="value" position="right" style={{ fontSize: 13, fill: theme.colors.dark[7] }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <VisuallyHidden>
        <ul>{data.map((d) => <li key={d.label}>{d.label}: {d.value.toLocaleString('en')}</li>)}</ul>
      </VisuallyHidden>
    </figure>
  );
}
