// Pseudo-English for descriptions and source texts: real words (so that the English text-search
// configuration stems and indexes them as it would real reports) in random order. A mix of common
// words and the vocabulary of detention monitoring gives the full-text index realistic skew:
// some terms appear in most documents, some in few.
import type { Rng } from './random.ts';

const COMMON = `the of and to in a is was that for on with as by at from his her their they he she it
this which were be had been has have not are an or but after before during while when where who
also more than into over under against about between without within other some all any each many
only very still again then there these those such same new old first last later early long short
high low public private state local national official according reported said told asked wrote
stated claimed denied confirmed refused allowed received sent held kept moved taken given made found
seen known described noted added called week month year day night morning evening time period
several two three four five dozen hundreds family mother father wife husband son daughter brother
sister relatives friends colleagues neighbours people group members community village city region
country capital border road building room cell floor window door bed water food bread letter phone
call message document paper copy record file list report statement decision order request complaint`;

const DOMAIN = `detention detained detainee arrest arrested custody prison prisoner colony facility
remand cell guard guards warden administration investigator investigation prosecutor prosecution
court judge hearing trial verdict sentence sentenced appeal appellate cassation supreme charge
charges charged article criminal code extremism fraud treason terrorism protest protesters
demonstration journalist activist opposition politician lawyer lawyers defence counsel attorney
visit visits visited monitoring monitors ombudsman commission committee rapporteur recommendation
health medical doctor doctors hospital treatment medication diagnosis examination surgery illness
disease condition chronic heart kidney diabetes tuberculosis cancer pain weight blood pressure
hunger strike solitary confinement transfer transferred release released bail house conditional
amnesty pardon torture mistreatment beaten injuries bruises threats pressure isolation punishment
rights humanitarian international human united nations convention standards rules minimum mandela
obligations violation violations arbitrary unlawful lawful procedure procedural evidence witness
testimony interrogation confession forced coerced access denied granted delayed postponed urgent`;

export const WORDS: readonly string[] = [...new Set(`${COMMON} ${DOMAIN}`.split(/\s+/).filter(Boolean))];
/** The domain vocabulary alone: what people type into a search box. */
export const SEARCH_WORDS: readonly string[] = [...new Set(DOMAIN.split(/\s+/).filter(Boolean))];

// Common words come up more often, as in real prose: half the draws are from the first 80 words.
function word(rng: Rng): string {
  return rng.chance(0.5) ? WORDS[rng.int(0, 79)]! : rng.pick(WORDS);
}

/** `count` words as sentences: capitalised, with a full stop every 8–20 words. */
export function prose(rng: Rng, count: number): string {
  const out: string[] = [];
  let sentence = 0;
  let length = rng.int(8, 20);
  for (let i = 0; i < count; i++) {
    let w = word(rng);
    if (sentence === 0) w = w[0]!.toUpperCase() + w.slice(1);
    sentence++;
    if (sentence === length || i === count - 1) {
      w += '.';
      sentence = 0;
      length = rng.int(8, 20);
    }
    out.push(w);
  }
  return out.join(' ');
}

export function title(rng: Rng): string {
  const n = rng.int(4, 9);
  const words = Array.from({ length: n }, () => rng.pick(SEARCH_WORDS));
  return words.join(' ').replace(/^./, (c) => c.toUpperCase());
}
