// Events: trigger words per event type, read sentence by sentence. The subject is the detained
// person the sentence is about (named, or a pronoun for the main detainee); the date is the
// first date expression in the sentence.
import type { FoundDate } from './dates.ts';
import type { ExtractedEvent, ExtractedPerson, Span } from './types.ts';

const TRIGGERS: Array<[string, RegExp]> = [
  ['arrest', /\b(arrest(?:ed|s)?|re-arrested|detained by|taken into custody|seized by|abducted|rounded up|picked up by (?:police|security))\b/i],
  ['detention', /\b(detained|held (?:in|at|since|without)|jailed|imprisoned|behind bars|in (?:pre-trial |pretrial )?detention|remanded|in custody|locked up|incarcerated|has been held)\b/i],
  ['charge', /\b(charged with|charges? (?:of|against)|indicted|accused of|faces? charges|prosecuted for)\b/i],
  ['hearing', /\b(hearing|court session|trial (?:began|opened|resumed|was adjourned|was postponed)|adjourned|postponed the trial|appeared in court|appeared before)\b/i],
  ['verdict', /\b(found guilty|convicted|acquitted|conviction|guilty verdict|verdict)\b/i],
  ['sentence', /\b(sentenced to|sentence of|(?:\d+|\w+)-year (?:prison )?(?:term|sentence)|jail term|prison term)\b/i],
  ['appeal', /\b(appeal(?:ed|s)? (?:against|the|to)|lodged an appeal|appeals court|court of appeal|cassation)\b/i],
  ['annulment', /\b(annul(?:led|ment)|overturned|quashed|revoked|set aside|vacated)\b/i],
  ['retrial', /\b(retrial|re-trial|new trial|sent (?:the case )?back for)\b/i],
  ['release', /\b(released|freed|set free|walked out of|left (?:the )?prison|pardoned|released on bail|granted (?:bail|parole)|will be released)\b/i],
  ['transfer', /\b(transferred|moved to|taken to (?:a |the )?(?:hospital|clinic|prison|colony)|admitted to (?:a |the )?hospital|hospitali[sz]ed|relocated)\b/i],
  ['medical_request', /\b(request(?:ed)? (?:medical|treatment|a doctor|hospital)|asked for (?:medical|treatment|a doctor)|call(?:ed)? for (?:urgent )?medical|demand(?:ed)? (?:medical|treatment)|needs? (?:urgent )?(?:surgery|treatment|medical care))\b/i],
  ['medical_denied', /\b((?:denied|refused|deprived of|without|no|not (?:received|given|allowed)(?: any)?) (?:\w+ )?(?:medical (?:care|attention|treatment)|treatment|medication|medicine|a doctor|access to (?:a )?doctors?)|medical neglect)\b/i],
  ['medical_treatment', /\b(underwent surgery|received treatment|treated (?:for|at|in)|operated on|admitted to (?:a |the )?hospital|hospitali[sz]ed|given medication|medical treatment (?:abroad|in))\b/i],
  ['medical_examination', /\b(examin(?:ed|ation)|diagnos(?:ed|is)|medical (?:check|report|tests?|board)|tests showed|x-rays?|mri|scan)\b/i],
  ['travel_permission', /\b(allowed to (?:leave|travel|go abroad)|permission to (?:leave|travel)|travel ban (?:was )?lifted|leave the country for (?:medical )?treatment)\b/i],
  ['health_decline', /\b(health (?:has )?(?:deteriorat|worsen|declin)\w*|suffer(?:s|ed|ing)? from|heart (?:trouble|condition|attack|disease)|diabetes|cancer|gastritis|hypertension|stroke|lost (?:\d+|\w+) (?:kg|kilograms|pounds)|fell ill|seriously ill|poor health|chronic)\b/i],
  ['mistreatment', /\b(tortur(?:e|ed)|beat(?:en|ing)?|ill-treat\w*|mistreat\w*|abuse[ds]?|humiliat\w*|shackled|handcuffed to)\b/i],
  ['injury_documented', /\b(bruis(?:es|ing)|injur(?:y|ies) (?:were )?(?:documented|recorded|found)|wounds|fractured?|marks of)\b/i],
  ['investigation', /\b(investigation|inquiry|probe|investigat(?:ed|ing|ors))\b/i],
  ['solitary_confinement', /\b(solitary confinement|isolation cell|punishment cell|held in isolation|incommunicado)\b/i],
  ['visit', /\b(visited (?:him|her|the prison|the facility|the colony|the detention)|monitoring visit|visit(?:ed)? (?:him|her) in (?:his|her)? ?(?:cell|prison)|delegation visited)\b/i],
  ['recommendation', /\b(recommend(?:ed|ation)|working group (?:found|concluded|ruled)|opinion|urged the authorities)\b/i],
  ['family_contact', /\b((?:family|relatives|wife|husband|mother|father|children|son|daughter) (?:\w+ )?(?:visit(?:ed)?|saw|spoke|were (?:not )?allowed)|family visits?|phone calls?|letters? (?:from|to) (?:his|her) family)\b/i],
  ['lawyer_contact', /\b((?:lawyers?|attorneys?|counsel) (?:\w+ )?(?:visited|met|saw|were (?:not )?allowed|was (?:not )?allowed|denied access)|access to (?:his|her|a) lawyers?|without (?:a )?lawyer)\b/i],
  ['public_appeal', /\b(call(?:ed|s)? (?:on|for) (?:the )?(?:authorities|government|release|immediate)|urg(?:ed|es) (?:the )?(?:authorities|government)|demand(?:ed|s) (?:his|her|their) release|appeal(?:ed)? (?:to|for) (?:the )?(?:authorities|government|release)|open letter|petition)\b/i],
  ['statement', /\b(said in a statement|statement|press conference|announced|published a report|posted on|tweeted|declared)\b/i],
  ['hunger_strike', /\b(hunger strike|refus(?:ed|ing) (?:food|to eat))\b/i],
  ['death_in_custody', /\b(died in (?:custody|prison|detention)|death in custody|died (?:in|at) (?:the )?(?:prison|hospital|colony)|was found dead)\b/i],
];

const PRONOUN = /\b(he|she|his|her|him)\b/i;

export function findEvents(
  sentences: Span[],
  persons: ExtractedPerson[],
  dates: FoundDate[],
): ExtractedEvent[] {
  const detainees = persons.filter((p) => p.role === 'detainee');
  const main = [...detainees].sort((a, b) => b.mentions.length - a.mentions.length)[0]
    ?? [...persons].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  const events: ExtractedEvent[] = [];
  for (const sentence of sentences) {
    const within = (s: Span) => s.start >= sentence.start && s.end <= sentence.end;
    const named = detainees.filter((p) => p.mentions.some(within));
    const subjects = named.length > 0 ? named : main && PRONOUN.test(sentence.text) ? [main] : main && named.length === 0 ? [main] : [];
    if (subjects.length === 0) continue;
    const date = dates.find(within);
    for (const [type, pattern] of TRIGGERS) {
      if (!pattern.test(sentence.text)) continue;
      for (const subject of subjects) {
        events.push({
          type,
          date: date?.value ?? null,
          precision: date?.value ? date.precision : 'unknown',
          subject: subject.name,
          evidence: { text: sentence.text, start: sentence.start, end: sentence.end },
          confidence: named.length > 0 ? 0.7 : 0.5,
        });
      }
    }
  }
  return events;
}
