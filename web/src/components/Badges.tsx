// Badges whose colour means something (DESIGN "Look and feel"): alert severity on its own scale,
// event kind by the project's kind colours, case status. Text stays dark enough for WCAG AA.
import { Badge } from '@mantine/core';
import { t } from '../strings/index.ts';
import { humanize } from '../format.ts';

const SEVERITY: Record<string, { color: string; variant: 'filled' | 'light' | 'outline' }> = {
  critical: { color: 'red.9', variant: 'filled' },
  high: { color: 'orange', variant: 'light' },
  medium: { color: 'yellow', variant: 'light' },
  low: { color: 'gray', variant: 'outline' },
};

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

export function SeverityBadge({ severity, count }: { severity: string; count?: number }) {
  const look = SEVERITY[severity] ?? { color: 'gray', variant: 'outline' as const };
  const label = t.severity[severity] ?? humanize(severity);
  return (
    <Badge color={look.color} variant={look.variant} c={look.variant === 'filled' ? 'white' : 'dark.7'} radius="sm">
      {count === undefined ? label : `${label}: ${count.toLocaleString('en')}`}
    </Badge>
  );
}

const KIND: Record<string, string> = { custody: 'gray', legal: 'indigo', health: 'pink', advocacy: 'teal', monitoring: 'yellow' };

export const kindColor = (kind: string) => KIND[kind] ?? 'gray';

const STATUS: Record<string, string> = { detained: 'red', released: 'green', deceased: 'dark', conditional_release: 'blue', abroad_for_treatment: 'violet' };

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS[status] ?? 'gray'} variant="light" c="dark.7" radius="sm" tt="none" fw={600} style={{ flexShrink: 0, maxWidth: 'none' }}>
      {t.status[status] ?? humanize(status)}
    </Badge>
  );
}

/**
 * The status as a plain tag, for long lists (search results) where a library badge per row costs
 * more than it draws; looks like StatusBadge.
 */
export function StatusTag({ status }: { status: string }) {
  return (
    <span className="tag status-tag" style={{ background: `var(--mantine-color-${STATUS[status] ?? 'gray'}-1)` }}>
      {t.status[status] ?? humanize(status)}
    </span>
  );
}
