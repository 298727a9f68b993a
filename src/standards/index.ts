// The standards engine: every rule over one case's records, in a fixed order. Pure: records in,
// findings out. Thresholds are settings (DESIGN.md's defaults, overridable per deployment and per
// case; the caller passes the merged settings).
import { CaseContext } from './context.ts';
import type { Rule } from './rule.ts';
import { validateLimit } from './time.ts';
import { careDenied, careUnanswered, ownDoctor, urgentCare } from './rules/care.ts';
import { familyNotified, incommunicado, judge48h, noMonitoring } from './rules/custody.ts';
import { admissionExam, healthDecline, specialistTransfer } from './rules/health.ts';
import { illTreatmentDocumented, solitary15Days, trialInAbsence } from './rules/treatment.ts';
import type { CaseFile, Finding, FindingStatus, RuleResult, Settings } from './types.ts';

export type * from './types.ts';
export type { Rule } from './rule.ts';
export { INSTRUMENTS } from './provisions.ts';

export const RULES: readonly Rule[] = [
  urgentCare,
  careUnanswered,
  careDenied,
  admissionExam,
  healthDecline,
  specialistTransfer,
  ownDoctor,
  illTreatmentDocumented,
  solitary15Days,
  judge48h,
  familyNotified,
  incommunicado,
  trialInAbsence,
  noMonitoring,
];

/** DESIGN.md's defaults. Rules without a waiting time (a refusal is a breach at once) have { days: 0 }. */
export const DEFAULT_SETTINGS: Settings = Object.freeze(
  Object.fromEntries(RULES.map((r) => [r.id, r.defaultLimit])) as Settings,
);

const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

export function evaluateCase(
  file: CaseFile,
  options: { today: string; settings?: Partial<Settings> },
): RuleResult[] {
  for (const id of Object.keys(options.settings ?? {})) {
    if (!RULE_IDS.has(id)) throw new RangeError(`"${id}" is not a rule`);
  }
  const ctx = new CaseContext(file, options.today);
  return RULES.map((rule) => {
    const limit = validateLimit(options.settings?.[rule.id] ?? rule.defaultLimit, rule.id);
    const findings = rule.evaluate(file, { today: options.today, limit }, ctx);
    const status = resultStatus(findings);
    return {
      ruleId: rule.id,
      title: rule.title,
      provisions: [...rule.provisions],
      status,
      findings,
      why: why(rule, status, findings),
    };
  });
}

/** The breached findings only, in rule order. */
export function breaches(results: RuleResult[]): Finding[] {
  return results.flatMap((r) => r.findings.filter((f) => f.status === 'breached'));
}

function resultStatus(findings: Finding[]): FindingStatus | 'not_applicable' {
  if (findings.length === 0) return 'not_applicable';
  if (findings.some((f) => f.status === 'breached')) return 'breached';
  if (findings.some((f) => f.status === 'undetermined')) return 'undetermined';
  return 'met';
}

function countOf(findings: Finding[], status: FindingStatus): number {
  let n = 0;
  for (const f of findings) if (f.status === status) n++;
  return n;
}

function why(rule: Rule, status: RuleResult['status'], findings: Finding[]): string {
  const total = findings.length;
  const [one, many] = rule.unit;
  switch (status) {
    case 'not_applicable':
      return rule.notApplicable;
    case 'breached': {
      const n = countOf(findings, 'breached');
      return total === 1 ? `The ${one} breaches this standard.` : `${n} of ${total} ${many} ${n === 1 ? 'breaches' : 'breach'} this standard.`;
    }
    case 'undetermined': {
      const n = countOf(findings, 'undetermined');
      const others = total > n ? '; the others meet the standard' : '';
      return `${total === 1 ? `The ${one}` : `${n} of ${total} ${many}`} cannot be decided from the records${others}.`;
    }
    case 'met':
      return total === 1 ? `The ${one} meets this standard.` : `All ${total} ${many} meet this standard.`;
  }
}
