// What a rule is, and the helpers rules share to turn a time-to-answer outcome into a finding.
import { CaseContext } from './context.ts';
import { breachSince, dayCount, formatLimit, validateLimit, type Answer, type Bounds, type Outcome } from './time.ts';
import type { CaseFile, Finding, FindingStatus, Limit, Provision, RuleId, Severity } from './types.ts';

export interface Rule {
  id: RuleId;
  title: string;
  provisions: readonly Provision[];
  severity: Severity;
  /** DESIGN.md's default; rules without a waiting time have { days: 0 } and ignore it. */
  defaultLimit: Limit;
  /** What the rule looks at, singular and plural ('care request', 'care requests'), for `why`. */
  unit: readonly [string, string];
  /** Why nothing in a case concerns the rule, when nothing does. */
  notApplicable: string;
  /**
   * The findings for one case. `ctx` is shared between rules by evaluateCase so each date is
   * parsed once; called alone, a rule builds its own.
   */
  evaluate(file: CaseFile, options: { today: string; limit?: Limit }, ctx?: CaseContext): Finding[];
}

type RuleBody = (ctx: CaseContext, limit: Limit, make: FindingMaker) => Finding[];
export type FindingMaker = (
  key: string,
  status: FindingStatus,
  recordIds: string[],
  explanation: string,
  since?: string | null,
) => Finding;

/** Defines a rule from its body, which receives the case context and the limit in force. */
export function defineRule(spec: Omit<Rule, 'evaluate'>, body: RuleBody): Rule {
  const make: FindingMaker = (key, status, recordIds, explanation, since = null) => ({
    ruleId: spec.id,
    key: `${spec.id}:${key}`,
    status,
    severity: spec.severity,
    recordIds: unique(recordIds),
    since: status === 'breached' ? since : null,
    explanation,
  });
  return {
    ...spec,
    defaultLimit: Object.freeze({ ...spec.defaultLimit }),
    provisions: Object.freeze([...spec.provisions]),
    evaluate(file, options, ctx) {
      const limit = validateLimit(options.limit ?? spec.defaultLimit, spec.id);
      return body(ctx ?? new CaseContext(file, options.today), limit, make);
    },
  };
}

function unique(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 'a hearing dated June 2019' */
export function answerPhrase(ctx: CaseContext, a: Answer): string {
  return `${a.label} ${ctx.dated(a.text)}`;
}

export function statusOf(outcome: Outcome): FindingStatus {
  return outcome.kind === 'met' ? 'met' : outcome.kind === 'late' || outcome.kind === 'overdue' ? 'breached' : 'undetermined';
}

/**
 * One sentence for a time-to-answer outcome. `subject` is a lower-case noun phrase ('the urgent
 * care request dated before 14 May 2022'), `answerNoun` what would answer it ('medical treatment,
 * examination or hospital transfer').
 */
export function explainOutcome(
  ctx: CaseContext,
  outcome: Outcome,
  subject: string,
  answerNoun: string,
  limit: Limit,
): string {
  const within = formatLimit(limit);
  const Subject = capitalise(subject);
  switch (outcome.kind) {
    case 'met':
      return `${Subject} was followed by ${answerPhrase(ctx, outcome.answer)}, within ${within}.`;
    case 'late':
      return `${Subject} was first followed by ${answerPhrase(ctx, outcome.answer)}, more than ${within} later (at least ${dayCount(outcome.gap.min)}).`;
    case 'overdue': {
      const none = outcome.considered.length > 0 ? 'none on record could fall within them' : 'none is on record';
      return `${Subject} had no ${answerNoun} within ${within}: ${none} by ${ctx.end.label}, at least ${dayCount(outcome.gap.min)} later.`;
    }
    case 'pending':
      return `${Subject} has no ${answerNoun} on record yet, but the limit of ${within} has not surely run out by ${ctx.end.label}.`;
    case 'unclear': {
      const list = outcome.considered.slice(0, 3).map((a) => answerPhrase(ctx, a)).join(', ');
      return `The dates do not allow a decision: ${subject} may have been followed by ${list} within ${within} or later.`;
    }
    case 'no-record':
      return `No ${answerNoun} is on record after ${subject}, so whether one came within ${within} cannot be decided.`;
  }
}

/** The finding for a time-to-answer outcome, with its `since` when breached. */
export function outcomeFinding(
  ctx: CaseContext,
  make: FindingMaker,
  key: string,
  trigger: Bounds,
  outcome: Outcome,
  recordIds: string[],
  subject: string,
  answerNoun: string,
  limit: Limit,
): Finding {
  const status = statusOf(outcome);
  const answers = outcome.kind === 'met' || outcome.kind === 'late' ? [outcome.answer.id] : [];
  return make(
    key,
    status,
    [...recordIds, ...answers],
    explainOutcome(ctx, outcome, subject, answerNoun, limit),
    breachSince(trigger.latest, limit),
  );
}

const LABELS = new Map<string, string>();

/** 'a medical treatment', 'a hospital transfer', … for an event used as an answer. */
export function eventLabel(type: string, attributes: Record<string, unknown> = {}): string {
  if (type === 'transfer' && attributes.toHospital === true) return 'a hospital transfer';
  let label = LABELS.get(type);
  if (label === undefined) {
    const words = type.replace(/_/g, ' ');
    label = `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
    LABELS.set(type, label);
  }
  return label;
}
