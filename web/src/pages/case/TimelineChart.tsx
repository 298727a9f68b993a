// The case at a glance: one lane per kind of event, each event where it happened — a dot for a
// known day, a bar over the whole span a partial date allows ("2019" covers the year) — disputed
// facts outlined in red, and the time in detention as a band on top. Zoom with the wheel or the
// buttons, drag to move; a click finds the event in the list below (the list is the accessible
// form of the same facts, so the drawing itself is one image to a screen reader).
import { Button, Group, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { scaleUtc } from 'd3-scale';
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { tryParsePreciseDate } from '../../../../src/domain/dates.ts';
import { EVENT_KINDS } from '../../../../src/domain/vocabularies.ts';
import type { TimelineEvent } from '../../api.ts';
import { kindColor } from '../../components/Badges.tsx';
import { humanize } from '../../format.ts';
import { t } from '../../strings/index.ts';

const DAY = 86_400_000;
const LABEL_WIDTH = 96;
const ROW = 16;
const LANE_PAD = 8;
const AXIS = 24;
const MAX_ROWS = 4;

const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

interface Mark {
  event: TimelineEvent;
  from: number;
  to: number;
  /** "before 14 May 2022" or "after 2019": one side only, drawn as an arrow from that day. */
  open: 'before' | 'after' | null;
}

export interface HeldSpan {
  from: string | null;
  to: string | null;
}

/** Each period's first possible day to its last (today while it lasts). */
export function heldSpans(periods: Array<{ start: string; end: string | null }>): Array<{ from: number; to: number }> {
  const spans: Array<{ from: number; to: number }> = [];
  for (const p of periods) {
    const start = tryParsePreciseDate(p.start);
    const end = p.end ? tryParsePreciseDate(p.end) : null;
    if (!start.ok || start.value.earliest === null) continue;
    const to = end === null ? Date.now() : end.ok && end.value.latest ? dayMs(end.value.latest) + DAY : null;
    if (to !== null) spans.push({ from: dayMs(start.value.earliest), to });
  }
  return spans;
}

/** Rows within a lane so that marks do not cover each other at this zoom. */
function pack(marks: Mark[], x: (ms: number) => number): Map<string, number> {
  const rowEnds: number[] = [];
  const rows = new Map<string, number>();
  for (const m of [...marks].sort((a, b) => a.from - b.from)) {
    const left = x(m.from) - 6;
    let row = rowEnds.findIndex((end) => end <= left);
    if (row < 0) row = rowEnds.length < MAX_ROWS ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = Math.max(x(m.to), x(m.from) + 6) + 6;
    rows.set(m.event.id, row);
  }
  return rows;
}

export function TimelineChart({ events, periods, selected, onSelect }: {
  events: TimelineEvent[];
  periods: Array<{ start: string; end: string | null }>;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { ref, width } = useElementSize();
  const held = useMemo(() => heldSpans(periods), [periods]);
  const marks = useMemo<Mark[]>(
    () => events.flatMap((e): Mark[] => {
      if (e.earliest && e.latest) return [{ event: e, from: dayMs(e.earliest), to: dayMs(e.latest) + DAY, open: null }];
      const day = e.latest ?? e.earliest;
      return day ? [{ event: e, from: dayMs(day), to: dayMs(day) + DAY, open: e.latest ? 'before' : 'after' }] : [];
    }),
    [events],
  );
  const extent = useMemo<[number, number]>(() => {
    const all = [...marks.flatMap((m) => [m.from, m.to]), ...held.flatMap((h) => [h.from, h.to])];
    if (all.length === 0) return [Date.now() - 365 * DAY, Date.now()];
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = Math.max((hi - lo) * 0.03, 15 * DAY);
    return [lo - pad, hi + pad];
  }, [marks, held]);
  const [view, setView] = useState<[number, number] | null>(null);
  const [from, to] = view ?? extent;
  const plotWidth = Math.max(width - LABEL_WIDTH, 50);
  const x = scaleUtc().domain([from, to]).range([LABEL_WIDTH, LABEL_WIDTH + plotWidth]);
  const drag = useRef<{ x: number; from: number; to: number } | null>(null);

  const setClamped = (a: number, b: number) => {
    const span = Math.min(Math.max(b - a, 30 * DAY), extent[1] - extent[0]);
    let lo = a;
    if (lo < extent[0]) lo = extent[0];
    if (lo + span > extent[1]) lo = extent[1] - span;
    setView([lo, lo + span]);
  };
  const zoom = (factor: number, centre = (from + to) / 2) => setClamped(centre - (centre - from) * factor, centre + (to - centre) * factor);

  const lanes = EVENT_KINDS.map((kind) => {
    const own = marks.filter((m) => m.event.kind === kind);
    const rows = pack(own, (ms) => x(ms));
    const rowCount = Math.max(1, ...[...rows.values()].map((r) => r + 1));
    return { kind, own, rows, height: rowCount * ROW + LANE_PAD };
  });
  const heldHeight = held.length > 0 ? ROW + LANE_PAD : 0;
  const height = heldHeight + lanes.reduce((sum, l) => sum + l.height, 0) + AXIS;
  const ticks = x.ticks(Math.max(2, Math.floor(plotWidth / 90)));
  const format = x.tickFormat();
  const undated = events.length - marks.length;
  const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10);

  const onWheel = (e: React.WheelEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const at = x.invert(e.clientX - box.left).getTime();
    zoom(e.deltaY > 0 ? 1.25 : 0.8, at);
  };
  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if ((e.target as Element).closest('[data-mark]')) return;
    drag.current = { x: e.clientX, from, to };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (!drag.current) return;
    const msPerPx = (drag.current.to - drag.current.from) / plotWidth;
    const shift = (drag.current.x - e.clientX) * msPerPx;
    setClamped(drag.current.from + shift, drag.current.to + shift);
  };

  let laneTop = heldHeight;
  return (
    <div>
      <Group justify="space-between" mb={4} wrap="wrap" gap="xs">
        <Text size="xs" c="dimmed">{t.records.chart.hint}</Text>
        <Group gap={4}>
          <Button size="compact-xs" variant="default" onClick={() => zoom(0.5)}>{t.records.chart.zoomIn}</Button>
          <Button size="compact-xs" variant="default" onClick={() => zoom(2)}>{t.records.chart.zoomOut}</Button>
          <Button size="compact-xs" variant="default" onClick={() => setView(null)} disabled={view === null}>{t.records.chart.all}</Button>
        </Group>
      </Group>
      <div ref={ref} className="timeline-chart">
        {width > 0 && (
          <svg
            width={width}
            height={height}
            role="img"
            aria-label={t.records.chart.label(marks.length, fmt(from), fmt(to))}
            onWheel={onWheel}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={() => { drag.current = null; }}
            data-testid="timeline-chart"
          >
            <defs>
              <clipPath id="plot"><rect x={LABEL_WIDTH} y={0} width={plotWidth} height={height} /></clipPath>
            </defs>
            {ticks.map((tick) => (
              <g key={tick.getTime()}>
                <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - AXIS} className="grid" />
                <text x={x(tick)} y={height - 8} textAnchor="middle" className="tick">{format(tick)}</text>
              </g>
            ))}
            {held.length > 0 && (
              <g>
                <text x={4} y={ROW} className="lane-label">{t.records.chart.held}</text>
                <g clipPath="url(#plot)">
                  {held.map((h) => (
                    <rect key={h.from} x={x(h.from)} y={LANE_PAD / 2 + 2} width={Math.max(2, x(h.to) - x(h.from))} height={ROW - 4} rx={3} className="held" />
                  ))}
                </g>
              </g>
            )}
            {lanes.map((lane) => {
              const top = laneTop;
              laneTop += lane.height;
              const color = `var(--mantine-color-${kindColor(lane.kind)}-7)`;
              return (
                <g key={lane.kind}>
                  <line x1={0} x2={width} y1={top} y2={top} className="lane-rule" />
                  <text x={4} y={top + ROW} className="lane-label">{t.kind[lane.kind] ?? lane.kind}</text>
                  <g clipPath="url(#plot)">
                    {lane.own.map((m) => {
                      const row = lane.rows.get(m.event.id) ?? 0;
                      const cy = top + LANE_PAD / 2 + row * ROW + ROW / 2;
                      const x1 = x(m.from);
                      const x2 = x(m.to);
                      const isDay = m.to - m.from <= DAY;
                      const classes = `mark${m.event.disputed ? ' disputed' : ''}${m.event.id === selected ? ' selected' : ''}`;
                      const title = `${humanize(m.event.type)} · ${m.event.dateLabel ?? ''}${m.event.disputed ? ` · ${t.case.disputed}` : ''}`;
                      return (
                        <g key={m.event.id} data-mark className={classes} onClick={() => onSelect(m.event.id)} style={{ color }}>
                          <title>{title}</title>
                          {m.open === 'before' ? (
                            <polygon points={`${x1 - 10},${cy} ${x1},${cy - 6} ${x1},${cy + 6}`} className="open" />
                          ) : m.open === 'after' ? (
                            <polygon points={`${x1 + 10},${cy} ${x1},${cy - 6} ${x1},${cy + 6}`} className="open" />
                          ) : isDay || x2 - x1 < 8 ? (
                            <circle cx={(x1 + x2) / 2} cy={cy} r={5} />
                          ) : (
                            <rect x={x1} y={cy - 5} width={x2 - x1} height={10} rx={5} className="span" />
                          )}
                        </g>
                      );
                    })}
                  </g>
                </g>
              );
            })}
          </svg>
        )}
      </div>
      {undated > 0 && <Text size="xs" c="dimmed" mt={4}>{t.records.chart.undated(undated)}</Text>}
    </div>
  );
}
