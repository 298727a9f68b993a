// The urgent appeal: a letter to the authorities holding the person that states who they are and
// where they are held, then, for each standard the case breaches, the facts (footnoted to their
// sources) and the provisions, and ends with what the authorities are asked to do. What the file
// cannot say (the sender, the addressee) is marked for completion.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { RuleId } from '../standards/types.ts';
import { breaches, bullet, Citations, countryName, eventSentence, gap, heading, para, type CaseDocument } from './case-document.ts';

/** What the letter asks for when a rule is breached, in our own words ({name} is the person). */
const REQUESTS: Record<RuleId, string> = {
  'urgent-care': 'give {name} at once the medical examination and treatment his or her condition calls for, in a hospital outside the prison if need be',
  'care-unanswered': 'answer every request for medical care made by or for {name}, and act on it without delay',
  'care-denied': 'ensure that no one without a medical role overrules or ignores a doctor’s decision about {name}’s care',
  'admission-exam': 'have {name} examined by a qualified health professional and record the findings',
  'health-decline': 'treat the decline in {name}’s health, and transfer him or her to a specialised institution if the prison cannot',
  'specialist-transfer': 'transfer {name} to a specialised institution or civilian hospital for the specialist care he or she needs',
  'own-doctor': 'allow {name} to be examined by a doctor of his or her choice',
  'ill-treatment-documented': 'open a prompt, impartial and effective investigation into the signs of ill-treatment recorded, and protect {name} from reprisals',
  'solitary-15-days': 'end the solitary confinement of {name}, which has lasted beyond fifteen days',
  'judge-48h': 'bring {name} promptly before a judge who can order release',
  'family-notified': 'inform {name}’s family without delay of his or her whereabouts, health and any transfer',
  incommunicado: 'allow {name} to see a lawyer and his or her family without delay',
  'trial-in-absence': 'halt any hearing held while {name} is too ill to attend, and let him or her take part in the proceedings in person',
  'no-monitoring': 'allow independent monitors to visit {name} without hindrance',
};

export async function renderAppeal(doc: CaseDocument, today = new Date()): Promise<Buffer> {
  const name = doc.person.name;
  const citations = new Citations();
  const eventsById = new Map(doc.events.map((e) => [e.id, e]));
  const breached = breaches(doc);
  const current = doc.periods.at(-1);
  const country = countryName(doc.country);

  const body: Paragraph[] = [
    para(gap('the sending organisation’s name, address and contact person')),
    para(today.toISOString().slice(0, 10)),
    para(gap(`the name and title of the official addressed, e.g. the Prosecutor General${country ? ` of ${country}` : ''}, the Minister of Justice or the head of the prison service`)),
    new Paragraph({ children: [new TextRun({ text: `Urgent appeal on behalf of ${name}`, bold: true, size: 28 })], spacing: { before: 240, after: 240 } }),
    para('Dear Sir or Madam,'),
    para(
      `We write about ${name}`,
      doc.person.aliases.length ? ` (also written ${doc.person.aliases.join(', ')})` : '',
      doc.person.nationality ? `, a national of ${countryName(doc.person.nationality)}` : '',
      doc.daysHeld
        ? `, who has been held for ${doc.daysHeld.label}${doc.daysHeld.ongoing ? ' and is held still' : ''}`
        : ', whose detention we follow',
      current?.facility ? `, ${current.end ? 'most recently' : 'at present'} at ${current.facility}` : '',
      '.',
    ),
  ];
  if (breached.length === 0) {
    body.push(para(gap('the facts of concern: nothing on record breaches the standards Habeas checks')));
  } else {
    body.push(para(`The information we hold shows that the treatment of ${name} falls short of international standards on ${breached.length === 1 ? 'one count' : `${breached.length} counts`}:`));
    for (const rule of breached) {
      body.push(heading(rule.title, 2));
      for (const finding of rule.findings) {
        body.push(para(finding.explanation));
        for (const id of finding.recordIds) {
          const event = eventsById.get(id);
          if (event) body.push(bullet(eventSentence(event), ...citations.cite(event.claims.map((c) => c.source))));
        }
      }
      for (const provision of rule.provisions) {
        body.push(para(new TextRun({ text: `${provision.citation}: `, bold: true }), provision.summary));
      }
    }
    body.push(heading('We urge you to', 2));
    // "his or her" as the file knows the person: "his" for a man, "her" for a woman.
    const [his, him] = doc.person.gender === 'male' ? ['his', 'him'] : doc.person.gender === 'female' ? ['her', 'her'] : ['his or her', 'him or her'];
    for (const rule of breached) {
      body.push(bullet(`${REQUESTS[rule.ruleId].replaceAll('{name}', name).replaceAll('his or her', his).replaceAll('him or her', him)}.`));
    }
  }
  body.push(
    para('We would be grateful to hear from you about the steps taken.'),
    para('Yours faithfully,'),
    para(gap('name, title and signature')),
    new Paragraph({
      children: [new TextRun({ text: 'Drafted with Habeas from the sourced case file; check every fact against its source before sending.', italics: true, size: 18 })],
      alignment: AlignmentType.LEFT,
      spacing: { before: 360 },
    }),
  );
  const document = new Document({
    creator: 'Habeas',
    title: `Urgent appeal: ${name}`,
    styles: { default: { document: { run: { font: 'Noto Sans', size: 22 } } } },
    footnotes: citations.footnotes,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
