// A draft communication to the UN Working Group on Arbitrary Detention, laid out by the sections
// of its model questionnaire and filled from the case file; every field the file cannot fill is
// marked for the lawyer, and the five categories of arbitrariness are headings to argue under,
// each with the facts on record that bear on it. Statements are footnoted to their sources.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { RuleId } from '../standards/types.ts';
import {
  breaches, bullet, Citations, countryName, eventSentence, gap, heading, humanize, para, valueOr, type CaseDocument, type DocumentEvent,
} from './case-document.ts';

const LEGAL = new Set(['charge', 'hearing', 'verdict', 'sentence']);
const REMEDIES = new Set(['appeal', 'annulment', 'retrial']);

/** The Working Group's categories, summarised in our own words, and the rules whose breaches bear on each. */
const CATEGORIES: Array<{ title: string; question: string; rules: RuleId[] }> = [
  { title: 'Category I — no legal basis', question: 'Is there any legal basis for the deprivation of liberty (for instance, held after the sentence was served, or despite an amnesty)?', rules: [] },
  { title: 'Category II — exercise of rights and freedoms', question: 'Does the detention result from the exercise of rights such as expression, assembly, association, religion or political participation?', rules: [] },
  { title: 'Category III — fair trial', question: 'Were the guarantees of a fair trial so disregarded that the detention became arbitrary?', rules: ['judge-48h', 'incommunicado', 'trial-in-absence'] },
  { title: 'Category IV — asylum seekers, immigrants, refugees', question: 'Is the person held for long in administrative custody as an asylum seeker, immigrant or refugee without review or remedy?', rules: [] },
  { title: 'Category V — discrimination', question: 'Is the detention discriminatory, on grounds such as birth, nationality, ethnicity, language, religion, political or other opinion, gender or sexual orientation?', rules: [] },
];

function facts(events: DocumentEvent[], citations: Citations): Paragraph[] {
  return events.map((e) => bullet(eventSentence(e), ...citations.cite(e.claims.map((c) => c.source))));
}

const field = (label: string, value: ReturnType<typeof valueOr>) => para(new TextRun({ text: `${label}: `, bold: true }), value);

export async function renderWgad(doc: CaseDocument, today = new Date()): Promise<Buffer> {
  const citations = new Citations();
  const arrest = doc.events.find((e) => e.type === 'arrest');
  const detention = doc.events.find((e) => e.type === 'detention');
  const legal = doc.events.filter((e) => LEGAL.has(e.type));
  const remedies = doc.events.filter((e) => REMEDIES.has(e.type));
  const facilities = [...new Set(doc.periods.map((p) => p.facility).filter((f): f is string => Boolean(f)))];
  const charges = doc.events.filter((e) => e.type === 'charge').map((e) => [e.attributes?.article, e.attributes?.offence].filter(Boolean).join(' — ') || e.description).filter(Boolean);
  const breached = breaches(doc);

  const body: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: 'Communication to the Working Group on Arbitrary Detention — draft', bold: true, size: 32 })], spacing: { after: 120 } }),
    para(new TextRun({ text: `Prepared ${today.toISOString().slice(0, 10)} from the Habeas case file. Every bracketed field is for counsel to complete; every fact is to be checked against its source.`, italics: true })),

    heading('I. Identity of the person'),
    field('Full name as recorded', valueOr(doc.person.name, 'full name')),
    // Which part is the family name differs between naming customs: the person's papers say.
    field('Family name', gap('the family name, as in the person’s papers')),
    field('Other spellings', valueOr(doc.person.aliases.join('; '), 'other spellings, if any')),
    field('Sex', valueOr(doc.person.gender && doc.person.gender !== 'unknown' ? humanize(doc.person.gender) : null, 'sex')),
    field('Year of birth', valueOr(doc.person.birthYear, 'date of birth')),
    field('Nationality', valueOr(countryName(doc.person.nationality), 'nationality')),
    field('Identity document', gap('type and number of an identity document, if any')),
    field('Profession or activity', gap('profession and any activity relevant to the detention')),
    field('Usual address', gap('address')),

    heading('II. Arrest'),
    field('Date of arrest', valueOr(arrest?.dateLabel === 'date unknown' ? null : arrest?.dateLabel, 'date of arrest')),
    field('Place of arrest', valueOr(arrest?.place?.name, 'place of arrest')),
    field('Forces who carried out the arrest', gap('the forces or officials who arrested the person')),
    field('Warrant or decision shown', gap('whether a warrant or other decision was shown, and by which authority')),
    field('Reasons given', valueOr(charges.join('; '), 'the reasons given for the arrest')),
    ...(arrest ? facts([arrest], citations) : []),

    heading('III. Detention'),
    field('Date of detention', valueOr(detention?.dateLabel ?? doc.periods[0]?.start, 'date the detention began')),
    field('Duration', valueOr(doc.daysHeld ? `${doc.daysHeld.label}${doc.daysHeld.ongoing ? ', and continuing' : ''}` : null, 'how long the person has been held')),
    field('Places of detention', valueOr(facilities.join('; '), 'places of detention')),
    field('Authorities that ordered the detention', gap('the authorities that ordered the detention')),
    field('Legal basis invoked', valueOr(charges.join('; '), 'the laws invoked')),

    heading('IV. Circumstances and legal proceedings'),
    ...(legal.length ? facts(legal, citations) : [para(gap('the charges, hearings and decisions so far'))]),
    ...(doc.summary ? [para(doc.summary)] : []),

    heading('V. Why the detention is arbitrary'),
    para(new TextRun({ text: 'For counsel: argue under each category that applies; the facts on record that bear on it are listed.', italics: true })),
  ];
  for (const category of CATEGORIES) {
    body.push(heading(category.title, 2), para(category.question));
    const relevant = breached.filter((r) => category.rules.includes(r.ruleId));
    for (const rule of relevant) {
      for (const finding of rule.findings) body.push(bullet(`${finding.explanation} (${rule.provisions.map((p) => p.citation).join('; ')})`));
    }
    body.push(para(gap(`the argument under ${category.title.split(' —')[0]}, or say it does not apply`)));
  }
  const treatment = breached.filter((r) => !CATEGORIES.some((c) => c.rules.includes(r.ruleId)));
  if (treatment.length) {
    body.push(heading('Conditions and treatment in detention', 2), para('Not a category of arbitrariness, but facts the Working Group may raise with other mechanisms:'));
    for (const rule of treatment) for (const finding of rule.findings) body.push(bullet(finding.explanation));
  }
  body.push(
    heading('VI. Domestic remedies'),
    ...(remedies.length ? facts(remedies, citations) : [para(gap('the remedies sought in the country and their outcome'))]),
    heading('VII. Submitting organisation or person'),
    field('Name', gap('name of the organisation or person submitting')),
    field('Contact', gap('address, e-mail and telephone')),
    field('Consent of the person or family', gap('whether the person or the family agree to the communication')),
  );
  const document = new Document({
    creator: 'Habeas',
    title: `WGAD communication draft: ${doc.person.name}`,
    styles: { default: { document: { run: { font: 'Noto Sans', size: 22 } } } },
    footnotes: citations.footnotes,
    sections: [{ children: body }],
  });
  return Packer.toBuffer(document);
}
