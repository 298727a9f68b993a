// Events: trigger words per event type, read sentence by sentence. The subject is the detained
// person the sentence is about (named, or a pronoun for the main detainee); the date is the
// first date expression in the sentence.
import type { FoundDate } from './dates.ts';
import type { ExtractedEvent, ExtractedPerson, Span } from './types.ts';

const CONDITIONS = String.raw`heart (?:trouble|condition|disease|problems?|attack|failure)|cardiac \w+|diabetes|cancer|tumou?r|hypertension|high blood pressure|stroke|gastritis|ulcers?|cirrhosis|hepatitis|kidney (?:disease|failure|problems?)|liver (?:disease|problems?)|arthritis|asthma|tuberculosis|TB|pneumonia|covid(?:-19)?|coronavirus|infection|fever|paralysis|depression|anxiety|blindness|eye problems?|back pain|hernia|epilepsy|anaemia|anemia|malnutrition|dehydration|lung (?:disease|problems?)|HIV`;

const TRIGGERS: Array<[string, RegExp]> = [
  ['arrest', /\b(arrest(?:ed|s)?|re-arrested|detained by|taken into custody|seized by|abducted|rounded up|picked up by (?:police|security))\b/i],
  ['detention', /\b(detained|held (?:in|at|since|without|incommunicado)|has been held|being held|jailed|imprisoned|behind bars|in (?:pre-trial |pretrial )?detention|remanded|in custody|locked up|incarcerated|serving (?:a|his|her) )\b/i],
  ['charge', /\b(charged|charges?\b|indicted|accused of|prosecuted for)\b/i],
  ['hearing', /\b(hearing|court session|trial (?:began|opened|resumed|was adjourned|was postponed|will resume)|adjourned|postponed|appeared (?:in|before) (?:the )?court|(?:court|judge|justice)\b[^.]{0,80}\b(?:ruled|extended|ordered|rejected|dismissed|granted|refused bail))\b/i],
  ['verdict', /\b(found guilty|convicted|acquitted|conviction|guilty verdict|verdict)\b/i],
  ['sentence', /\b(sentenced|(?:\d+|\w+)-(?:year|month) (?:prison |jail )?(?:term|sentence)|sentence of|jail term|prison term|serving (?:a|his|her) (?:\S+ )?sentence)\b/i],
  ['appeal', /\b(appeal(?:ed|s)? (?:against|the (?:verdict|sentence|ruling|decision|conviction))|lodged an appeal|filed an appeal|appeals court|court of appeal|cassation)\b/i],
  ['annulment', /\b(annul(?:led|ment)|overturned|quashed|revoked|set aside|vacated)\b/i],
  ['retrial', /\b(retrial|re-trial|new trial|sent (?:the case )?back for)\b/i],
  ['release', /\b(released|freed|set free|walked out of|left (?:the )?prison|pardoned|granted (?:bail|parole)|will be released|due to be released)\b/i],
  ['transfer', /\b(transferred|moved to|taken to (?:a |the )?(?:hospital|clinic|prison|colony|\p{Lu})|admitted to|hospitali[sz]ed|relocated|rushed to)\b/iu],
  ['medical_request', /\b((?:request(?:ed|s)?|asked|recommended|ordered|urged)\b[^.]{0,60}\b(?:be (?:examined|treated|transferred to (?:a |the )?(?:\w+ )?hospital|hospitali[sz]ed|operated on|allowed to keep (?:his|her) medication)|to (?:let (?:him|her) be treated|provide (?:him|her) with (?:medical )?(?:treatment|care)|receive (?:medical )?treatment))|request(?:ed|s)? (?:for )?(?:medical|treatment|a doctor|hospital|surgery|an? (?:examination|operation))|asked (?:for|to see) (?:medical|treatment|a doctor|a specialist)|call(?:ed|s)? for (?:urgent |immediate )?(?:medical|treatment|care|hospitali)|demand(?:ed|s)? (?:medical|treatment|care)|needs? (?:urgent )?(?:surgery|treatment|medical (?:care|attention)|an operation)|recommended (?:that )?(?:he|she) (?:be )?(?:hospitali[sz]ed|treated|operated)|ordered (?:that )?(?:he|she|the prison) (?:be given|receive|provide)|at the request of)\b/i],
  ['medical_denied', /\b((?:denied|refused|deprived of|without|no|lack(?:ing|ed)? (?:of )?|not (?:received|given|allowed|provided)(?: with)?(?: any)?) (?:\w+ )?(?:medical (?:care|attention|treatment|help)|treatment|medication|medicines?|a doctor|doctors|access to (?:a )?(?:doctors?|hospital|medical))|medical neglect|refused (?:to allow|permission) (?:him|her) (?:to see|to be|treatment)|not (?:allowed|permitted|able) to (?:see|consult|visit) (?:a |any |his |her )?(?:doctor|physician|specialist|hospital)|refused (?:the|a|his|her) (?:transfer|hospitali[sz]ation|treatment|request for (?:treatment|medical))|(?:had|has|have) not been (?:treated|dressed|examined|seen by a doctor))\b/i],
  ['medical_treatment', /\b(underwent|surgery|operated on|(?:receiv|tak|giv)(?:ed|ing|en) (?:\w+ )?treatment|treated (?:for|at|in|with)|admitted to (?:a |the )?(?:\p{Lu}[\p{L}']* )*(?:hospital|clinic|intensive care)|hospitali[sz]ed|given (?:an? )?(?:medication|injection|serum|oxygen|drip)|stent(?:ing)?|resuscitat\w+|on a ventilator|medical treatment (?:abroad|in))\b/iu],
  ['medical_examination', /\b(examin(?:ed|ation)|diagnos(?:ed|is)|medical (?:check|report|tests?|board|panel)|tests? (?:showed|revealed|results)|x-rays?|MRI|(?:CT )?scan|biopsy|check-?up)\b/i],
  ['travel_permission', /\b(allowed to (?:leave|travel|go abroad)|permission to (?:leave|travel|go abroad)|travel ban (?:was )?lifted|(?:leave the country|go abroad|travel abroad) for (?:medical |advanced )?treatment)\b/i],
  ['health_decline', new RegExp(String.raw`\b(health (?:has |had )?(?:deteriorat|worsen|declin|fail)\w*|(?:failing|poor|fragile) health|fell ill|seriously ill|lost (?:more than |over |about |some )?(?:\d+|\w+) (?:kg|kilos|kilograms|pounds)|suffer(?:s|ed|ing)? from|complain(?:s|ed|ing)? of|fainted|collapsed|walk(?:s|ed)? with difficulty|(?:looked|appeared) (?:thin|weak|frail|exhausted|emaciated)|(?:\w+ )?attack in (?:his|her) cell|sickle-cell|lupus|${CONDITIONS})\b`, 'i')],
  ['mistreatment', /\b(tortur(?:e|ed|ing)|beat(?:en|ing)s?|ill-treat\w*|mistreat\w*|abused?|abuses|humiliat\w*|shackled|handcuffed to|violence against (?:him|her))\b/i],
  ['injury_documented', /\b(bruis(?:es|ing)|injur(?:y|ies) (?:were |was )?(?:documented|recorded|found|examined)|x-rays? (?:showed|of)|marks of (?:torture|beating))\b/i],
  ['investigation', /\b(investigation|inquiry|probe|investigat(?:ed|ing|ors))\b/i],
  ['solitary_confinement', /\b(solitary confinement|isolation cell|punishment cell|held in isolation|single cell|SHIZO)\b/i],
  ['visit', /\b((?:ombudsman|rapporteur|delegation|diplomats?|consul|monitors?|red cross|ICRC|preventive mechanism)[^.]{0,60}\bvisit(?:ed)?|visited (?:him|her) in (?:his|her )?(?:cell|prison|detention)|monitoring visit)\b/i],
  ['recommendation', /\b((?:working group|committee|rapporteur|ombudsman|UN|human rights (?:council|committee))[^.]{0,80}\b(?:found|concluded|ruled|recommended|declared|decided|opinion)|recommendations?)\b/i],
  ['family_contact', /\b((?:family|relatives|wife|husband|mother|father|children|son|daughter|sister|brother)(?: members)? (?:\w+ ){0,2}(?:visit(?:ed)?|saw|see|spoke|speak|were (?:not )?allowed|was (?:not )?allowed|has been allowed|have not (?:seen|heard))|family visits?|(?:phone|telephone) calls?|by (?:tele)?phone|spoke (?:to|with) (?:him|her)|allowed (?:only )?(?:\w+ )?visits?|turned away at the (?:gate|door))\b/i],
  ['lawyer_contact', /\b((?:lawyers?|attorneys?|counsel|defen[cs]e team)(?: \w+){0,3} (?:visited|met|saw|see|meet|were (?:not )?(?:allowed|able|permitted)|was (?:not )?(?:allowed|able|permitted)|denied access)|access to (?:his|her|a|their) lawyers?|without (?:a )?lawyer|(?:wrote|written|writing) to (?:his|her) lawyer|met (?:with )?(?:his|her) lawyers?)\b/i],
  ['public_appeal', /\b(call(?:ed|s|ing)? (?:on|for) (?:the )?(?:\w+ )?(?:authorities|government|\w+ to|(?:his|her|their) (?:immediate |unconditional )?release|release|immediate)|call(?:ed|s|ing)? (?:on \w+ )?for (?:him|her|them) to be (?:released|freed)|urg(?:ed|es|ing) [^.]{0,60}\bto (?:release|free|drop)|urg(?:ed|es|ing) (?:the )?(?:authorities|government|\w+ to)|demand(?:ed|s|ing)? (?:his|her|their) (?:immediate )?release|appeal(?:ed|s)? (?:to|for|on)|open letter|petition|campaign(?:ed|ing)? for)\b/i],
  ['statement', /\b((?<!\bno )(?<!\bany )statement|press release|communiqu[ée]|press conference|announced|posted on|tweeted|wrote on (?:X|Twitter|Facebook)|(?:issued|released|published) a report)\b/i],
  ['hunger_strike', /\b(hunger strike|refus(?:ed|ing) (?:food|to eat))\b/i],
  ['death_in_custody', /\b(died in (?:custody|prison|detention)|death in custody|died (?:in|at) (?:the )?(?:prison|hospital|colony)|was found dead|pronounced dead)\b/i],
];

/** States that last: mentioned again, they are the same event (one per subject). */
const LASTING = new Set(['detention', 'solitary_confinement', 'hunger_strike', 'investigation', 'charge']);

const PRONOUN = /\b(he|she|his|her|him)\b/i;
// "The three activists", "they", "the defendants": a sentence about the whole group of detainees.
const GROUP = /\b(they|them|their|(?:the|all|both) (?:\w+ )?(?:activists|prisoners|detainees|defendants|men|women|journalists|politicians|members|opposition figures|accused))\b/i;

export function findEvents(
  sentences: Span[],
  persons: ExtractedPerson[],
  dates: FoundDate[],
): ExtractedEvent[] {
  const detainees = persons.filter((p) => p.role === 'detainee');
  const main = [...detainees].sort((a, b) => b.mentions.length - a.mentions.length)[0]
    ?? [...persons].sort((a, b) => b.mentions.length - a.mentions.length)[0];
  const events: ExtractedEvent[] = [];
  // One event per occurrence: the same type for the same subject again, with no other date, is
  // the same occurrence told twice (the first mention with a date wins the date).
  // Other events told again soon after (within two sentences) without a new date are the same too.
  const seen = new Map<string, { event: ExtractedEvent; at: number }>();
  let index = 0;
  const add = (event: ExtractedEvent, detail = '') => {
    const key = `${event.type}|${event.subject}|${detail}`;
    const earlier = seen.get(key);
    const sameDate = !earlier?.event.date || !event.date || earlier.event.date === event.date;
    if (earlier && sameDate && (LASTING.has(event.type) || index - earlier.at <= 2 || earlier.event.date === event.date)) {
      if (!earlier.event.date && event.date) Object.assign(earlier.event, { date: event.date, precision: event.precision });
      earlier.at = index;
      return;
    }
    seen.set(key, { event, at: index });
    events.push(event);
  };
  for (const sentence of sentences) {
    index += 1;
    const within = (s: Span) => s.start >= sentence.start && s.end <= sentence.end;
    const named = detainees.filter((p) => p.mentions.some(within));
    const subjects = named.length > 0
      ? named
      : detainees.length > 1 && GROUP.test(sentence.text) && !PRONOUN.test(sentence.text)
        ? detainees
        : main ? [main] : [];
    if (subjects.length === 0) continue;
    const inSentence = dates.filter((d) => within(d) && d.value);
    // The date nearest the words that name the event: "arrested in May, charged in June".
    const nearest = (at: number) =>
      inSentence.reduce<FoundDate | undefined>((best, d) => (!best || Math.abs(d.start - at) < Math.abs(best.start - at) ? d : best), undefined);
    for (const [type, pattern] of TRIGGERS) {
      const found = type === 'health_decline'
        ? [...sentence.text.matchAll(new RegExp(pattern.source, 'gi'))].map((m) => ({ detail: m[0].toLowerCase(), at: m.index }))
        : (() => {
            const m = pattern.exec(sentence.text);
            return m ? [{ detail: '', at: m.index }] : [];
          })();
      const seenDetail = new Set<string>();
      for (const { detail, at } of found) {
        if (seenDetail.has(detail)) continue;
        seenDetail.add(detail);
        const date = nearest(sentence.start + at);
        for (const subject of subjects) {
          add({
            type,
            date: date?.value ?? null,
            precision: date?.value ? date.precision : 'unknown',
            subject: subject.name,
            evidence: { text: sentence.text, start: sentence.start, end: sentence.end },
            confidence: named.length > 0 ? 0.7 : 0.5,
          }, detail);
        }
      }
    }
  }
  return events;
}
