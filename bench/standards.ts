// The standards engine over a generated store: every rule over every case (the schedule's run),
// and one case re-evaluated as after a write, beside a bare transaction as the baseline.
import type { Db } from '../src/store/db.ts';
import { reevaluateCases } from '../src/store/standards.ts';
import { Rng } from './random.ts';
import { summarise, type Summary } from './stats.ts';

export interface StandardsFigures {
  cases: number;
  /** The first run over a fresh store: every breach opens an alert. */
  firstRunSeconds: number;
  opened: number;
  /** A second run, nothing changed: what the schedule costs in the steady state. */
  steadyRunSeconds: number;
  oneCase: Summary;
  /** A transaction with one SELECT 1, the same number of times: what any write already costs. */
  baseline: Summary;
}

export async function measureStandards(db: Db, caseIds: string[], seed: number, samples = 300): Promise<StandardsFigures> {
  let t = performance.now();
  const first = await db.transaction((tx) => reevaluateCases(tx, null, null));
  const firstRunSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await db.transaction((tx) => reevaluateCases(tx, null, null));
  const steadyRunSeconds = (performance.now() - t) / 1000;

  const rng = new Rng(seed);
  const picks = Array.from({ length: samples }, () => rng.pick(caseIds));
  const one: number[] = [];
  const bare: number[] = [];
  for (const caseId of picks) {
    t = performance.now();
    await db.transaction((tx) => tx.query('SELECT 1'));
    bare.push(performance.now() - t);
    t = performance.now();
    await db.transaction((tx) => reevaluateCases(tx, [caseId], null));
    one.push(performance.now() - t);
  }
  return {
    cases: caseIds.length, firstRunSeconds, opened: first.opened, steadyRunSeconds,
    oneCase: summarise(one, null), baseline: summarise(bare, null),
  };
}
