// Events: trigger words per event type, read sentence by sentence. The subject is the detained
// person the sentence is about (named, or a pronoun for the main detainee); the date is the
// first date expression in the sentence.
import type { FoundDate } from './dates.ts';
import type { ExtractedEvent, ExtractedPerson, Span } from './types.ts';

const CONDITIONS = String.raw`heart (?:trouble|condition|disease|problems?|attack|failure)|cardiac \w+|diabetes|cancer|tumou?r|hypertension|high blood pressure|stroke|gastritis|ulcers?|cirrhosis|hepatitis|kidney (?:disease|failure|problems?)|liver (?:disease|problems?)|arthritis|asthma|tuberculosis|TB|pneumonia|covid(?:-19)?|coronavirus|infection|fever|paralysis|depression|anxiety|blindness|eye problems?|back pain|hernia|epilepsy|anaemia|anemia|malnutrition|dehydration|lung (?:disease|problems?)|HIV`;

// Words of custody used as a verb ("was jailed", "jailed for", "detained in"), not as an epithet
// before a name ("jailed activist X"), which says nothing about when.
const HELD_VERB = String.raw`(?:(?:was|were|been|being|is|are|remains|remained|got|be)\s+(?:\w+\s+)?(?:detained|jailed|imprisoned|incarcerated|confined)|(?:detained|jailed|imprisoned|incarcerated|confined)\s+(?:for|in|at|since|without|on|until|by|to|there|after|over|pending))`;
const PERSON_OBJECT = String.raw`(?:him|her|them|our client|my client|(?:his|her|their) clients?)`;

const TRIGGERS: Array<[string, RegExp]> = [
  ['arrest', /\b(detained\b[^.]{0,80}\bby (?:\w+ )?(?:officers|police|agents|security|soldiers|gunmen|men)|(?:detained|taken|seized|abducted) (?:at|from|outside) (?:his|her|their) (?:home|flat|house|apartment|office|shop)|arrest(?:ed|s)?|re-arrested|detained by|taken into custody|seized by|abducted|rounded up|picked up by (?:police|security))\b(?! (?:warrant|anniversary))/i],
  ['detention', new RegExp(String.raw`\b((?:spent|after|for) (?:the past |the last |nearly |almost |more than |over )?(?:\d+|\w+) (?:days|weeks|months|years) (?:in|behind) (?:[\w']+ ){0,4}(?:prison|jail|custody|detention|bars|colony)|${HELD_VERB}|held (?:in|at|since|without|incommunicado)|has been held|being held|behind bars|(?:in|into|under) (?:pre-?trial |preventive |administrative )?(?:detention|custody)|(?:been|is|was|are|were) in (?:prison|jail)|in prison (?:for|since)|remanded|locked up|extension of (?:\w+ )?(?:pre-?trial )?detention|(?:continued|ongoing|prolonged) (?:detention|imprisonment)|imprisonment since|serving (?:a|his|her) )\b`, 'i')],
  ['charge', /\b(charged|charges?\b|indicted|accused of|prosecuted for)\b/i],
  ['hearing', /\b(refused bail|bail hearing|(?:is|was|now) set for|next (?:session|hearing)|adjourn(?:ed)? the (?:trial|hearing|case)|hearings?|court session|trial (?:began|opened|resumed|was adjourned|was postponed|will resume)|(?:was|were|being|be) tried|adjourned|postpone(?:d|ment)|appeared (?:in|before) (?:the )?court|court heard|(?:court|judge|justice)\b[^.]{0,80}\b(?:ruled|extended|ordered|rejected|dismissed|granted|refused bail))\b/i],
  ['verdict', /\b(found guilty|convicted|acquitted|conviction|guilty verdict|verdict)\b/i],
  ['sentence', /\b(sentenced|(?:\d+|\w+)-(?:year|month) (?:prison |jail )?(?:term|sentence)|sentence of|jail term|prison term|jail sentence|prison sentence|serving (?:a|his|her) (?:\S+ )?sentence|jailed for (?:\S+ ){1,2}(?:years?|months?))\b/i],
  ['appeal', /\b(appeal(?:ed|s)? (?:against|the (?:verdict|sentence|ruling|decision|conviction))|lodged an appeal|filed an appeal|mount(?:ed|ing)? an appeal|appeals court|court of appeal|cassation)\b/i],
  ['annulment', /\b(annul(?:led|ment)|overturned|quashed|revoked|set aside|vacated)\b/i],
  ['retrial', /\b(retrial|re-trial|new trial|sent (?:the case )?back for)\b/i],
  ['release', /\b((?<!(?:yet to|not|never|should|must|to|can|could|would) )(?:be|been|was|were|is|being|got) (?:\w+ )?(?:released|freed)(?! (?:a|an|the|its|his|her|their)\b)|released (?:from|on) |set free|walked out of|left (?:the )?prison|(?<!be )pardoned|granted (?:bail|parole|a pardon|an amnesty|amnesty)|(?:will|due to) be released)\b/i],
  ['transfer', /\b(flown to|(?:sent|took|taken|brought|moved) (?:him|her|them) (?:back )?to (?:the |a )?(?:\p{Lu}[\p{L}']* )*(?:prison|jail|hospital|clinic|colony|cent(?:re|er)|\p{Lu})|brought back to|(?:was|were) returned to|transferred|transfer (?:from|to)|moved to|taken to (?:a |the )?(?:hospital|clinic|prison|colony|\p{Lu})|(?:taken|brought|sent|returned) back to|took (?:\S+ ){1,6}back to (?:prison|jail|custody|the)|returned to (?:the )?(?:prison|jail|colony|cell|detention)|return to (?:the )?(?:prison|jail)|admitted to|hospitali[sz]ed|relocated|rushed (?:to|for))/iu],
  ['medical_request', /\b((?:request(?:ed|s)?|asked|recommended|ordered|urged|demanded|sought)\b[^.]{0,60}\b(?:be (?:examined|treated|transferred to (?:a |the )?(?:\w+ )?hospital|taken to (?:a |the )?hospital|admitted|hospitali[sz]ed|operated on|allowed (?:\w+ ){0,2}(?:treatment|medication|surgery|a doctor))|to (?:let (?:him|her) be treated|provide (?:him|her) with (?:medical )?(?:treatment|care)|receive (?:medical )?treatment)|(?:to )?undergo)|request(?:ed|s)? (?:for |to (?:proceed with|undergo|have) )?(?:the |a |an )?(?:medical|treatment|a doctor|hospital|surgery|operation|examination)|asked (?:for|to see) (?:medical|treatment|a doctor|a specialist)|call(?:ed|s)? for (?:urgent |immediate )?(?:medical|treatment|care|hospitali)|demand(?:ed|s)? (?:medical|treatment|care)|needs? (?:urgent )?(?:surgery|treatment|medical (?:care|attention)|an operation)|recommended (?:that )?(?:he|she|they)? ?(?:be )?(?:admitted|hospitali[sz]ed|treated|operated|undergo)|ordered (?:that )?(?:he|she|the prison) (?:be given|receive|provide)|at the request of|application\b[^.]{0,120}\bfor (?:urgent |specialised |specialized )?(?:medical )?treatment)\b/i],
  ['medical_denied', /\b(refus\w* to (?:call|allow|let)\b[^.]{0,30}\b(?:ambulance|doctor|hospital|medic\w*)|would not let (?:us |him |her |them )?(?:\w+ ){0,3}(?:pills|medication|medicine|drugs|insulin|tablets)|refus\w* to (?:give|provide|administer)\b[^.]{0,40}\b(?:tablets|pills|insulin)|not (?:been )?seen by (?:a |the |any |[\p{L}]+['’]s )?(?:\w+ )?doctor|(?:given|received) (?:\w+ ){0,2}only irregularly|no (?:doctor|dentist|physician|medical staff)\b|not (?:taken|transferred|sent) to (?:a |the )?(?:hospital|clinic|doctor)|(?:hours|days) late or not at all|(?:denied|refused|deprived of|without|no|lack(?:ing|ed)? (?:of )?|not (?:received|given|allowed|provided)(?: with)?(?: any)?) (?:\w+ ){0,2}(?:medical (?:care|attention|treatment|help)|treatment|medication|medicines?|a doctor|doctors|access to (?:a )?(?:doctors?|hospital|medical))|denial of (?:\w+ )?(?:medical|treatment|care)|denied\b[^.]{0,40}\baccess to (?:\w+ ){0,2}(?:physician|doctor|medical|hospital|treatment|medication)|refus\w* to (?:give|provide|allow|administer|transfer)\b[^.]{0,40}\b(?:medication|treatment|medicine|drugs|care|hospital)|(?:treatment|care)\b[^.]{0,20}\b(?:is|was|are|were) (?:lacking|unavailable|not available)|medical neglect|refused (?:to allow|permission) (?:him|her) (?:to see|to be|treatment)|not (?:allowed|permitted|able) to (?:see|consult|visit) (?:a |any |his |her )?(?:doctor|physician|specialist|hospital)|refused (?:an? |the |his |her )?(?:transfer|hospitali[sz]ation|treatment|request for (?:treatment|medical)|application)|(?:had|has|have) not been (?:treated|dressed|examined|seen by a doctor))\b/iu],
  ['medical_treatment', /\b((?:given|prescribed) (?:\w+ ){0,2}(?:painkillers|antibiotics|insulin|tablets|pills)|underwent|surgery|operated on|(?:receiv|tak|giv)(?:ed|ing|en) (?:\w+ )?treatment|treated (?:for|at|in|with)|admitted (?:to|at|in) (?:a |the )?(?:\p{Lu}[\p{L}']* )*(?:prison )?(?:hospital|clinic|intensive care)|hospitali[sz]ed|(?:given|provided|administered) (?:\w+ ){0,2}(?:medication|injection|serum|oxygen|drip|drugs)|stent(?:ing)?|resuscitat\w+|on a ventilator|rushed (?:to (?:a |the )?hospital|for treatment)|(?:spent|spending) [^.]{0,30}\b(?:at|in) (?:a |the )?(?:\p{Lu}[\p{L}']* )*(?:hospital|clinic)|for (?:further|urgent) treatment|medical treatment (?:abroad|in))\b/iu],
  ['medical_examination', /\b(tested positive|tested negative|examin(?:ed|ation)|diagnos(?:ed|is)|medical (?:check|report|tests?|board|panel|commission)|tests? (?:showed|revealed|results)|results of (?:\w+ ){0,2}tests|x-rays?|MRI|(?:CT )?scan|biopsy|check-?up|monitor\w*\b[^.]{0,40}\b(?:blood pressure|blood sugar|his health|her health|(?:his|her) condition|by (?:\w+ ){0,2}(?:physician|doctor|nurse))|attended to by (?:a |an )?(?:\w+ )?(?:medical )?(?:doctor|physician))\b/i],
  ['travel_permission', /\b(allowed to (?:leave|travel|go abroad)|permission to (?:leave|travel|go abroad)|travel ban (?:was )?lifted|(?:leave the country|go abroad|travel abroad) for (?:medical |advanced )?treatment|wants? to go abroad)\b/i],
  ['health_decline', new RegExp(String.raw`\b(health\b(?: \w+){0,2} (?:deteriorat|worsen|declin|fail)\w*|(?:condition|ailment|illness|injury|injuries|state)\b(?: \w+){0,3} (?:deteriorat|worsen|aggravat)\w*|aggravated (?:his|her) (?:\w+ )?(?:injury|condition)|(?:failing|poor|fragile|debilitating|serious) health|health (?:issues|problems|complications|concerns)|fell ill|felt (?:bad|unwell|ill)|seriously ill|(?:very|extremely|too) weak|weight loss|lost (?:more than |over |about |some )?(?:\d+|\w+) (?:kg|kilos|kilograms|pounds)|suffer(?:s|ed|ing)? (?:from|a)|complain(?:s|ed|ing)? of|symptoms|signs of|excruciating pain|in pain|fainted|collapsed|unable to (?:walk|move|eat|stand|wash|see)|not (?:been )?able to (?:walk|move|eat|stand|wash|see)|walk(?:s|ed)? with difficulty|(?:looked|appeared) (?:thin|weak|frail|exhausted|emaciated)|hyper-?tensive|blood sugar was|(?:\w+ )?attack in (?:his|her) cell|sickle-cell|lupus|${CONDITIONS})\b`, 'i')],
  ['mistreatment', /\b(strip-searched|kicked|punched|slapped|(?:plastic )?bag over (?:his|her) head|kept (?:him|her|them) standing|stress positions?|electric shocks?|tortur(?:e|ed|ing)|beat(?:en|ing)s?|ill-treat\w*|mistreat\w*|abused?|abuses|humiliat\w*|shackled|handcuffed to|in leg irons|bound and|violence against (?:him|her)|(?:inhuman|degrading|cruel) (?:or degrading )?(?:treatment|conditions)|deprived of sleep|sleep deprivation|forced nudity|threatened to kill|held (?:him |her )?hostage|(?:subhuman|deplorable|unbearable) conditions|sedated (?:him|her))\b/i],
  ['injury_documented', /\b((?:photographed|recorded|documented|noted|observed) (?:\w+ ){0,2}(?:bruis\w+|injur\w+|wounds?|scars?|fractures?)|fractured (?:\w+ )?(?:rib|arm|leg|skull|jaw|nose|wrist)s?|bruis(?:es|ing)|injur(?:y|ies) (?:were |was )?(?:documented|recorded|found|examined)|x-rays? (?:showed|of)|marks of (?:torture|beating)|extent of (?:the )?(?:damage|injur\w+))\b/i],
  ['investigation', /\b(investigation|inquiry|probe|investigat(?:ed|ing|ors))\b/i],
  ['solitary_confinement', /\b(kept alone|(?:solitary|isolation|disciplinary|punishment) (?:cell|wing|unit|block)|solitary confinement|isolation cell|punishment cell|held in isolation|single cell|SHIZO)\b/i],
  ['visit', /\b((?:a |the )?visit by (?:\w+ ){0,3}(?:inspectors|monitors|delegation|members|experts|commission|team|consul)|visited (?:the )?(?:[\p{Lu}][\p{L}'-]* )*(?:camp|complex|facility|wing|unit|centre|center)|consul\b[^.]{0,80}\b(?:allowed|permitted) to (?:see|visit)|(?:made|paid|conducted|carried out) an? (?:\w+ ){0,2}visit to|visited (?:[\w']+ ){0,4}(?:prison|jail|colony|detention cent(?:re|er)|penitentiary)|(?:ombudsman|rapporteur|delegation|diplomats?|consul|monitors?|red cross|ICRC|preventive mechanism|defender's representatives|representatives)[^.]{0,60}\bvisit(?:ed)?|visited (?:him|her|the detainee|the prisoner) in (?:his|her |the )?(?:cell|prison|detention|\w+ hospital)|visited the detainee|monitoring visit)\b/iu],
  ['recommendation', /\b(recommended (?:in (?:a|its) report|that (?!(?:he|she) (?:be )?(?:admitted|hospitali|treated|operated|undergo)))|granted (?:\w+ )?precautionary measures|(?:working group|committee|rapporteur|ombudsman|UN|United Nations|human rights (?:council|committee))[^.]{0,80}\b(?:found|concluded|ruled|recommended|declared|decided|determined|opinion|said (?:\w+ ){0,6}should be released)|(?:detention|imprisonment) (?:\w+ ){0,2}(?:was|is|as|to be) arbitrary|recommendations?)\b/i],
  ['family_contact', new RegExp(String.raw`\b((?:letters?|parcels?) (?:do|does|did) not reach|heard nothing from|not (?:been )?informed of (?:his|her) (?:death|whereabouts|transfer)|(?:wife|husband|mother|father|daughter|son|sister|brother|family|relatives)\b[^.]{0,100}\b(?:(?:allowed|permitted|able|unable) to (?:see|meet|speak (?:to|with)|visit)|video call)|visits? (?:were |was )?(?:suspended|stopped|banned|cancelled)|(?:suspended|stopped|banned|cancelled) (?:all )?visits|no (?:family )?visits|(?:family|relatives|wife|husband|mother|father|children|son|daughter|sister|brother|guardian)(?: members)? (?:\w+ ){0,2}(?:visit(?:ed)?|saw|see|spoke|speak|received|were (?:not )?allowed|was (?:not )?allowed|has been allowed|have not (?:seen|heard)|(?:are|were|is|was) (?:still )?(?:being )?denied)|family (?:visits?|meeting)|(?:our|the family's|a family) visit|(?:phone|telephone) calls?|by (?:tele)?phone|spoke (?:to|with) ${PERSON_OBJECT}|allowed (?:only )?(?:\w+ )?visits?|(?:guardian|relatives?|family) to stay with|turned away at the (?:gate|door))\b`, 'i')],
  ['lawyer_contact', new RegExp(String.raw`\b((?:lawyers?|attorneys?|counsel|defen[cs]e)\b[^.]{0,100}\b(?:(?:allowed|permitted|able|unable) to (?:see|meet|speak (?:to|with)|visit)|let in)|(?:meet|see|consult) (?:a |his |her |their )?lawyers?|(?:lawyers?|attorneys?|counsel|defen[cs]e team|legal team)(?: \w+){0,3} (?:visited|met|saw|see|meet|were (?:not )?(?:allowed|able|permitted)|was (?:not )?(?:allowed|able|permitted)|denied access|had concluded)|(?:lawyers?|attorneys?|counsel|legal team)\b[^.]{0,80}\b(?:visited ${PERSON_OBJECT}|meeting with|after visiting)|(?:routine |court-ordered )*visit to ${PERSON_OBJECT}|access to (?:his|her|a|their) lawyers?|without (?:a )?lawyer|(?:wrote|written|writing) to (?:his|her) lawyer|met (?:with )?(?:his|her) lawyers?)`, 'i')],
  ['public_appeal', /\b(call(?:ed|s|ing)? (?:on|for) (?:the )?(?:\w+ )?(?:authorities|government|\w+ to|(?:his|her|their) (?:immediate |unconditional )?release|release|immediate)|call(?:ed|s|ing)? (?:on \w+ )?for (?:him|her|them) to be (?:released|freed)|renew(?:ed|s)? (?:\w+ )?call|urg(?:ed|es|ing) [^.]{0,60}\bto (?:release|free|drop)|urg(?:ed|es|ing) (?:the )?(?:authorities|government|\w+ to)|demand(?:ed|s|ing)? (?:the |his |her |their )?(?:\w+ ){0,2}release|authorities must|must (?:urgently |immediately )?(?:end|release|free|drop|stop)|raised (?:her|his|its|their) concerns?|(?:raised|sounded) the alarm|alarm raised|appeal(?:ed|s)? (?:to|for|on)|open letter|petition|campaign(?:ed|ing)? for)\b/i],
  ['statement', /\b(published (?:\w+ )?(?:recommendations|a report|its findings)|recogni[sz]ed (?:him|her|them) as (?:a |an )?(?:political prisoners?|prisoners? of conscience)|posted a video|(?:experts?|rapporteurs?|working group|committee|ministry|department|office|spokes(?:man|woman|person)|foundation|amnesty(?: international)?|watch|organi[sz]ation|government|authorities|commission|ombudsman|embassy|police)(?: \w+){0,3} said\b|joint statement|in a statement|(?<!\bno )(?<!\bany )statement|press release|communiqu[ée]|press conference|announced|posted on|tweeted|wrote on (?:X|Twitter|Facebook)|said on (?:X|Twitter|Facebook|social media|(?:his|her|their) \w+ account)|(?:issued|released|published) a report)\b/i],
  ['hunger_strike', /\b(stopped eating|refus\w+ (?:food|meals|to eat)|ended (?:(?:his|her|their) hunger strike|it on)|hunger strike|refus(?:ed|ing) (?:food|to eat))\b/i],
  ['death_in_custody', /\b(died\b[^.]{0,60}\b(?:in (?:a |his |her )?cell|in (?:\p{Lu}[\p{L}.]* )*(?:Prison|Colony|Jail|Penitentiary|Centre|Center)\b|in custody|in detention|in prison)|died in (?:\S+ )?(?:custody|prison|detention)|death in custody|died (?:in|at) (?:the )?(?:prison|hospital|colony)|was found dead|pronounced dead)\b/iu],
];

// Every mention of a health problem in a sentence: one event per condition named.
const HEALTH_ALL = new RegExp(TRIGGERS.find(([type]) => type === 'health_decline')![1].source, 'gi');

/** States that last: mentioned again, they are the same event (one per subject). */
const LASTING = new Set(['detention', 'solitary_confinement', 'hunger_strike', 'investigation', 'charge']);

// Being allowed to see a detainee, or not: a lawyer's or a family's contact, by who the sentence names.
const CONTACT = /\b(?:(?:allowed|permitted|able|unable) to (?:see|meet|speak (?:to|with)|visit)|turned away at the (?:\w+ )?(?:gate|door)|(?:did not|didn't) know where (?:he|she|they) (?:was|were)|(?:were|was) (?:not )?told where|let in\b|met (?:his|her|their) client)/i;
const LAWYER_WORDS = /\b(?:lawyers?|attorneys?|counsel|defen[cs]e|legal team|client)\b/i;
const FAMILY_WORDS = /\b(?:wife|husband|family|relatives?|mother|father|daughter|son|sister|brother|children|we|us)\b/i;

const BULLET = /^[•●▪◦*–-]\s/;
const PRONOUN = /\b(he|she|his|her|him)\b/i;
// "The three activists", "they", "the defendants": a sentence about the whole group of detainees.
const GROUP = /\b(they|them|their|(?:the|all|both) (?:\w+ )?(?:activists|prisoners|detainees|defendants|men|women|journalists|politicians|members|opposition figures|accused))\b/i;

export function findEvents(
  sentences: Span[],
  persons: ExtractedPerson[],
  dates: FoundDate[],
  text: string,
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
  // Narratives date a paragraph once, at its start ("On 20 January, ... She was then taken back
  // ..."): a sentence of it without a date of its own takes that date.
  let paragraphDate: FoundDate | undefined;
  let datedByBullet = false;
  let previousEnd = 0;
  for (const sentence of sentences) {
    index += 1;
    const paragraphStart = previousEnd === 0 || /\n/.test(text.slice(previousEnd, sentence.start));
    // The points of a dated list of points go on under its date.
    const bullet = BULLET.test(sentence.text);
    if (paragraphStart && !(bullet && datedByBullet)) paragraphDate = undefined;
    previousEnd = sentence.end;
    const within = (s: Span) => s.start >= sentence.start && s.end <= sentence.end;
    const named = detainees.filter((p) => p.mentions.some(within));
    const subjects = named.length > 0
      ? named
      : detainees.length > 1 && GROUP.test(sentence.text) && !PRONOUN.test(sentence.text)
        ? detainees
        : main ? [main] : [];
    const inSentence = dates.filter((d) => within(d) && d.value);
    const inherited = paragraphDate;
    if (paragraphStart && inSentence[0] && inSentence[0].start - sentence.start <= 40) {
      paragraphDate = inSentence[0];
      datedByBullet = bullet;
    }
    if (subjects.length === 0) continue;
    // The date nearest the words that name the event: "arrested in May, charged in June".
    const nearest = (at: number) =>
      inSentence.reduce<FoundDate | undefined>((best, d) => (!best || Math.abs(d.start - at) < Math.abs(best.start - at) ? d : best), undefined)
      ?? inherited;
    const contact = CONTACT.exec(sentence.text);
    const contactTypes = contact ? [LAWYER_WORDS.test(sentence.text) && 'lawyer_contact', FAMILY_WORDS.test(sentence.text) && 'family_contact'] : [];
    for (const [type, pattern] of TRIGGERS) {
      const found = contactTypes.includes(type) && !pattern.test(sentence.text)
        ? [{ detail: '', at: contact!.index }]
        : type === 'health_decline'
        ? [...sentence.text.matchAll(HEALTH_ALL)].map((m) => ({ detail: m[0].toLowerCase(), at: m.index }))
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
