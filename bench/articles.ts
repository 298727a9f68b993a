// News-style articles about a detained person, for the extraction bench: a headline, a byline, a
// dateline, then paragraphs that tell a story in rough date order (arrest, charge, pre-trial
// detention, hearings, sentence, appeal, transfer to a prison colony, health, hunger strike,
// denied care, hospital), with a lawyer, a judge, a relative, a court, a colony, rights groups and
// dates written in the several ways reporters write them. Templates give the extractor the
// sentences it is built for; a share of pseudo-English filler (words.ts) keeps the texts varied.
import { FACILITIES, generateName } from './names.ts';
import { Rng } from './random.ts';
import { prose } from './words.ts';

export interface Article {
  text: string;
  /** The publication day (YYYY-MM-DD) the dateline states. */
  published: string;
}

const CITIES = [
  'Bishkek', 'Osh', 'Jalal-Abad', 'Karakol', 'Naryn', 'Almaty', 'Astana', 'Tashkent', 'Nukus', 'Samarkand',
  'Dushanbe', 'Khujand', 'Minsk', 'Gomel', 'Baku', 'Tbilisi', 'Yerevan', 'Moscow', 'Kazan', 'Ashgabat',
];
const DISTRICTS = ['Pervomaisky', 'Leninsky', 'Sverdlovsky', 'Oktyabrsky', 'Alamedin', 'Sokuluk', 'Frunzensky', 'Tsentralny', 'Yunusabad', 'Sabirabad'];
const PROFESSIONS = [
  'journalist', 'blogger', 'opposition politician', 'human rights defender', 'poet', 'former MP', 'activist',
  'student', 'businessman', 'trade unionist', 'lawyer', 'writer', 'religious teacher', 'civic activist',
];
const CHARGES = [
  'calls for mass unrest', 'extremism', 'large-scale fraud', 'high treason', 'organising mass riots',
  'inciting ethnic hatred', 'abuse of office', 'corruption', 'forgery of documents', 'illegal border crossing',
  'financing terrorism', 'insulting a public official', 'spreading false information',
];
const CONDITIONS = [
  'heart disease', 'diabetes', 'tuberculosis', 'high blood pressure', 'kidney failure', 'hepatitis',
  'gastritis', 'a stomach ulcer', 'pneumonia', 'asthma', 'back pain', 'a hernia',
];
const GROUPS = [
  'Amnesty International', 'Human Rights Watch', 'the UN Working Group on Arbitrary Detention', 'the OSCE',
  'Front Line Defenders', 'Reporters Without Borders', 'the Committee to Protect Journalists', 'Freedom House',
  'the Norwegian Helsinki Committee', 'the International Partnership for Human Rights', 'the Bir Duino Human Rights Movement',
];
const OFFICIALS = [
  'the State Committee for National Security (GKNB)', 'the Prosecutor General’s Office', 'the Interior Ministry',
  'the State Penitentiary Service', 'the Ministry of Justice', 'the Office of the Ombudsman',
];
const MEDIA = ['Kloop', 'Azattyk', 'RFE/RL', 'Reuters', 'AFP', 'Eurasianet', 'Vesti.kg', '24.kg', 'Kaktus Media', 'the BBC'];
const RELATIONS = ['wife', 'husband', 'mother', 'father', 'sister', 'brother', 'son', 'daughter'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const surnameOf = (name: string) => name.split(' ').at(-1)!;

/** Everything one article's sentences draw on. */
interface Story {
  rng: Rng;
  published: Date;
  /** The arrest, where the story starts. */
  start: Date;
  /** The date the story has reached: each beat moves it on. */
  cursor: Date;
  name: string;
  surname: string;
  he: string;
  his: string;
  him: string;
  profession: string;
  city: string;
  court: string;
  appealCourt: string;
  colony: string;
  sizo: string;
  lawyer: string;
  judge: string;
  relative: string;
  relation: string;
  coDefendant: string;
  charge: string;
  condition: string;
  years: number;
}

/** A date as reporters write it; `preposition` false for the bare date ("since …", "until …"). */
function dateText(rng: Rng, d: Date, preposition = true, published?: Date): string {
  const day = d.getUTCDate();
  const month = MONTHS[d.getUTCMonth()]!;
  const year = d.getUTCFullYear();
  let form = rng.weighted([['dmy', 35], ['mdy', 15], ['dots', 8], ['iso', 4], ['month', 20], ['year', 8], ['dm', 10]] as const);
  // A day without its year only in the year of publication, which is how the reader fills it in.
  if (form === 'dm' && published?.getUTCFullYear() !== year) form = 'dmy';
  const on = preposition ? 'on ' : '';
  const inn = preposition ? 'in ' : '';
  switch (form) {
    case 'dmy': return `${on}${day} ${month} ${year}`;
    case 'mdy': return `${on}${month} ${day}, ${year}`;
    case 'dots': return `${on}${pad(day)}.${pad(d.getUTCMonth() + 1)}.${year}`;
    case 'iso': return `${on}${isoDay(d)}`;
    case 'month': return `${inn}${rng.pick(['', '', 'early ', 'late ', 'mid-'])}${month} ${year}`;
    case 'year': return `${inn}${year}`;
    case 'dm': return `${on}${day} ${month}`; // no year: read against the publication day
  }
}

/** Moves the story on by `min`–`max` days (never past publication) and says when. */
function later(s: Story, min: number, max: number, preposition = true): string {
  const next = new Date(Math.min(s.cursor.getTime() + s.rng.int(min, max) * DAY_MS, s.published.getTime() - 2 * DAY_MS));
  if (next > s.cursor) s.cursor = next;
  return dateText(s.rng, s.cursor, preposition, s.published);
}

/** A day between the arrest and the date the story has reached. */
function someDay(s: Story, preposition = true): string {
  const span = Math.max(0, Math.round((s.cursor.getTime() - s.start.getTime()) / DAY_MS));
  return dateText(s.rng, new Date(s.start.getTime() + s.rng.int(0, span) * DAY_MS), preposition, s.published);
}

/** Something said, in quotes: filler words as a lawyer or relative would say them. */
function quote(s: Story, words: [number, number]): string {
  return `“${prose(s.rng, s.rng.int(...words)).replace(/\.$/, ',')}”`;
}

type Beat = (s: Story) => string[];

// The story in date order; each beat tells its part in one of a few ways.
const BEATS: Beat[] = [
  (s) => [s.rng.pick([
    () => `${s.name}, a ${s.profession} from ${s.city}, was arrested ${later(s, 0, 0)} by officers of ${s.rng.pick(OFFICIALS)}.`,
    () => `Police detained ${s.name} at ${s.his} home in ${s.city} ${later(s, 0, 0)} and searched the flat for several hours.`,
    () => `${s.surname} was taken into custody ${later(s, 0, 0)}, days after ${s.he} criticised the authorities in a video posted on Facebook.`,
  ])()],
  (s) => [s.rng.pick([
    () => `${capital(s.he)} was charged with ${s.charge} ${later(s, 1, 10)}, an offence that carries up to ${s.years + s.rng.int(2, 5)} years in prison.`,
    () => `Investigators charged ${s.surname} with ${s.charge} under Article ${s.rng.int(120, 380)} of the Criminal Code ${later(s, 1, 10)}.`,
    () => `${s.rng.pick(OFFICIALS).replace(/^t/, 'T')} said ${later(s, 1, 10)} that ${s.surname} had been charged with ${s.charge}.`,
  ])()],
  (s) => [s.rng.pick([
    () => `A court in ${s.city} ordered ${s.him} held in pre-trial detention for two months, and ${s.he} has been held in ${s.sizo} since ${later(s, 1, 5, false)}.`,
    () => `${capital(s.he)} was remanded in custody and moved to ${s.sizo} ${later(s, 1, 5)}.`,
  ])(), ...(s.rng.chance(0.5) ? [`${s.coDefendant}, who was arrested with ${s.him}, was released on bail ${later(s, 5, 40)}.`] : [])],
  (s) => [s.rng.pick([
    () => `${capital(s.his)} lawyer, ${s.lawyer}, said ${s.he} had not been allowed to see ${s.his} client until ${later(s, 5, 30, false)}.`,
    () => `Lawyers for ${s.surname} were denied access to ${s.him} for almost a month, ${s.lawyer} told ${s.rng.pick(MEDIA)}.`,
    () => `${quote(s, [10, 20])} ${s.lawyer}, ${s.his} lawyer, told ${s.rng.pick(MEDIA)} ${later(s, 5, 30)}.`,
  ])()],
  (s) => [s.rng.pick([
    () => `The trial began at the ${s.court} ${later(s, 60, 200)}, but the hearing was postponed until ${later(s, 7, 30, false)} because a witness did not appear.`,
    () => `Judge ${s.judge} of the ${s.court} adjourned the hearing ${later(s, 60, 200)} at the request of the prosecution.`,
    () => `At a closed hearing ${later(s, 60, 200)}, the ${s.court} refused to release ${s.him} on bail.`,
  ])()],
  (s) => [s.rng.pick([
    () => `${later(s, 20, 120).replace(/^./, (c) => c.toUpperCase())}, the ${s.court} found ${s.surname} guilty and sentenced ${s.him} to ${s.years} years in a strict-regime colony.`,
    () => `Judge ${s.judge} sentenced ${s.name} to ${s.years} years in prison ${later(s, 20, 120)}.`,
    () => `${capital(s.he)} was convicted of ${s.charge} ${later(s, 20, 120)} and given a${s.years === 8 || s.years === 11 ? 'n' : ''} ${NUMBER_WORDS[s.years - 2] ?? s.years}-year prison term.`,
  ])()],
  (s) => [s.rng.pick([
    () => `The ${s.appealCourt} upheld the sentence ${later(s, 40, 150)}; ${s.lawyer} said the defence would appeal to the Supreme Court.`,
    () => `${capital(s.his)} lawyers filed an appeal against the verdict, which the ${s.appealCourt} rejected ${later(s, 40, 150)}.`,
  ])()],
  (s) => [s.rng.pick([
    () => `${capital(s.he)} was transferred to ${s.colony} ${later(s, 20, 90)}, more than ${s.rng.int(2, 9)}00 kilometres from ${s.his} family.`,
    () => `${s.surname} has been held in ${s.colony} since ${later(s, 20, 90, false)}.`,
  ])(), ...(s.rng.chance(0.4) ? [`Guards placed ${s.him} in solitary confinement for ${s.rng.int(5, 15)} days after ${s.he} complained about the conditions.`] : [])],
  (s) => [s.rng.pick([
    () => `${capital(s.his)} health deteriorated in custody: ${s.he} suffers from ${s.condition} and has lost ${s.rng.int(8, 25)} kilograms, ${s.his} ${s.relation} ${s.relative} said.`,
    () => `Doctors diagnosed ${s.him} with ${s.condition} ${later(s, 10, 60)}, according to a medical report seen by ${s.rng.pick(MEDIA)}.`,
  ])()],
  (s) => [s.rng.pick([
    () => `${capital(s.he)} was denied medical care for weeks, and the prison administration refused to allow ${s.him} to see a doctor.`,
    () => `The colony has refused to provide ${s.him} with medication, ${s.his} ${s.relation} said ${later(s, 5, 40)}.`,
    () => `${capital(s.his)} lawyer requested an urgent medical examination ${later(s, 5, 40)}; the request went unanswered.`,
  ])()],
  (s) => [s.rng.pick([
    () => `${s.surname} went on hunger strike ${later(s, 5, 60)} to protest against ${s.his} treatment.`,
    () => `${capital(s.he)} has been on hunger strike since ${later(s, 5, 60, false)}, refusing food and taking only water.`,
  ])()],
  (s) => [s.rng.pick([
    () => `${capital(s.he)} was transferred to hospital ${later(s, 3, 30)} after ${s.his} condition worsened.`,
    () => `${s.surname} was taken to the prison hospital ${later(s, 3, 30)} and underwent surgery two days later.`,
    () => `Prison officials said ${later(s, 3, 30)} that ${s.he} had been admitted to the Republican Clinical Hospital in ${s.city}.`,
  ])()],
];

/** Context that can come anywhere: groups calling for release, relatives, officials, filler. */
const ASIDES: Beat[] = [
  (s) => [`${capital(s.rng.pick(GROUPS))} called on the authorities to release ${s.surname} immediately and unconditionally.`],
  (s) => [`${capital(s.rng.pick(GROUPS))} has recognised ${s.him} as a prisoner of conscience, held solely for ${s.his} peaceful work as a ${s.profession}.`],
  (s) => [`${quote(s, [8, 18])} said ${s.relative}, ${s.his} ${s.relation}, who last visited ${s.him} ${dateText(s.rng, s.cursor, true, s.published)}.`],
  (s) => [`${capital(s.rng.pick(OFFICIALS))} did not respond to a request for comment from ${s.rng.pick(MEDIA)}.`],
  (s) => [`The case has drawn criticism from diplomats in ${s.rng.pick(CITIES)}, and the European Union said it was following it closely.`],
  (s) => [`In a letter from prison dated ${someDay(s, false)}, ${s.surname} wrote that ${s.he} shared a cell with ${s.rng.int(3, 20)} other prisoners.`],
  (s) => [`${s.relative} said the family had not been allowed to visit ${s.him} since ${someDay(s, false)}.`],
  (s) => [`The UN Working Group on Arbitrary Detention found ${someDay(s)} that ${s.his} detention was arbitrary and called for ${s.his} release.`],
  (s) => [`Prosecutors had asked for ${s.years + s.rng.int(1, 4)} years; the defence argued that the evidence against ${s.him} was fabricated.`],
  (s) => [`A spokesperson for the State Penitentiary Service said ${s.he} was receiving all necessary treatment and that ${s.his} condition was stable.`],
  (s) => [`At least ${s.rng.int(3, 40)} ${s.profession}s have been detained in ${s.city} since ${s.start.getUTCFullYear()}, according to ${s.rng.pick(GROUPS)}.`],
  (s) => [`${s.lawyer} said ${s.his} client had been beaten by guards ${someDay(s)} and that the bruises were documented by a doctor.`],
  (s) => [`Supporters gathered outside the ${s.court} ${someDay(s)}, holding posters with ${s.his} portrait.`],
  (s) => [`A delegation from the Office of the Ombudsman visited ${s.him} in ${s.colony} ${someDay(s)}.`],
  (s) => [prose(s.rng, s.rng.int(14, 30))],
  (s) => [prose(s.rng, s.rng.int(14, 30))],
  (s) => [`${s.surname}, ${s.rng.int(24, 70)}, ${s.rng.pick(['has denied the charges', 'says the case is politically motivated', 'pleaded not guilty', `has maintained ${s.his} innocence`])}.`],
];

const HEADLINES: Array<(s: Story) => string> = [
  (s) => `${capital(s.profession)} ${s.name} sentenced to ${s.years} years in ${s.city}`,
  (s) => `Jailed ${s.profession} ${s.surname} transferred to hospital after hunger strike`,
  (s) => `${s.name} denied medical care in ${s.colony}, lawyer says`,
  (s) => `Court upholds ${s.years}-year sentence for ${s.name}`,
  (s) => `Rights groups urge release of ailing ${s.profession} ${s.surname}`,
  (s) => `${s.surname} on hunger strike in ${s.colony}`,
  (s) => `${capital(s.profession)} ${s.name} charged with ${s.charge}`,
];

/** Article-like texts of about `size` bytes (±15 %), reproducible from the seed. */
export class ArticleGenerator {
  private readonly rng: Rng;
  private serial = 0;
  constructor(seed: number, private readonly size = 3_000) {
    this.rng = new Rng(seed);
  }

  next(): Article {
    const rng = this.rng;
    this.serial += 1;
    const published = new Date(Date.UTC(2016, 0, 1) + rng.int(0, 9 * 365) * DAY_MS + 12 * 3_600_000);
    const name = generateName(rng).canonical;
    const female = rng.chance(0.35);
    const city = rng.pick(CITIES);
    const district = rng.pick(DISTRICTS);
    const start = new Date(published.getTime() - rng.int(300, 1_400) * DAY_MS);
    const s: Story = {
      rng, published, start, cursor: start,
      name, surname: surnameOf(name),
      he: female ? 'she' : 'he', his: female ? 'her' : 'his', him: female ? 'her' : 'him',
      profession: rng.pick(PROFESSIONS),
      city,
      court: rng.pick([`${district} District Court`, `${district} District Court of ${city}`, `${city} City Court`, `${city} Regional Court`]),
      appealCourt: rng.pick([`${city} City Court`, `${city} Regional Court`, 'Court of Appeal', 'Supreme Court']),
      colony: rng.pick([...FACILITIES.filter((f) => /Colony|Prison/.test(f) && (female || !/Women/.test(f))), `Penal Colony No. ${rng.int(1, 60)}`, `Correctional Colony No. ${rng.int(1, 30)} in ${rng.pick(CITIES)}`]),
      sizo: rng.pick([`Pre-trial Detention Centre No. ${rng.int(1, 9)}`, `the SIZO-${rng.int(1, 9)} remand prison in ${city}`, 'the GKNB detention centre']),
      lawyer: generateName(rng).canonical,
      judge: generateName(rng).canonical,
      relative: generateName(rng).canonical.replace(/\S+$/, surnameOf(name)),
      relation: rng.pick(RELATIONS),
      coDefendant: generateName(rng).canonical,
      charge: rng.pick(CHARGES),
      condition: rng.pick(CONDITIONS),
      years: rng.int(2, 12),
    };

    // The story so far, then the news: what happened this week, told first.
    const target = Math.round(this.size * (0.85 + 0.3 * rng.next()));
    const beats = BEATS.filter(() => rng.chance(0.8));
    // Asides in a shuffled order, so that one article does not repeat itself until it has to.
    let asides: Beat[] = [];
    const aside = () => {
      if (asides.length === 0) asides = rng.shuffle([...ASIDES]);
      return asides.pop()!(s);
    };
    const body: string[] = [];
    for (const beat of beats) {
      body.push(...beat(s));
      if (rng.chance(0.35)) body.push(...aside());
    }
    const weekday = WEEKDAYS[(published.getUTCDay() + 6 - rng.int(0, 4)) % 7]!; // earlier this week
    const lede = rng.pick([
      `${s.name}, the ${s.profession} jailed in ${s.city}, was transferred to hospital on ${weekday} after ${s.his} health deteriorated, ${s.his} lawyer ${s.lawyer} said.`,
      `The ${s.appealCourt} on ${weekday} rejected an appeal by ${s.name}, the ${s.profession} sentenced to ${s.years} years on charges of ${s.charge}.`,
      `${s.name}, a ${s.profession} held in ${s.colony}, has been denied medical care despite ${s.condition}, ${s.his} ${s.relation} told ${rng.pick(MEDIA)} on ${weekday}.`,
      `Jailed ${s.profession} ${s.name} began a hunger strike on ${weekday} in protest at ${s.his} conditions in ${s.colony}.`,
    ]);
    const byline = rng.chance(0.6) ? `By ${generateName(rng).canonical}\n\n` : '';
    const day = `${published.getUTCDate()} ${MONTHS[published.getUTCMonth()]} ${published.getUTCFullYear()}`;
    const dateline = `${city.toUpperCase()}${rng.chance(0.3) ? ` (${rng.pick(MEDIA)})` : ''}, ` +
      `${rng.chance(0.7) ? day : `${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()}, ${published.getUTCFullYear()}`} — `;
    let text = `${rng.pick(HEADLINES)(s)}\n\n${byline}${dateline}${lede}`;

    // Paragraphs of 2–4 sentences until the text is long enough; asides once the story is told.
    const sentences = [...body];
    let inParagraph = 1;
    let paragraphLength = rng.int(1, 2);
    while (text.length < target) {
      if (sentences.length === 0) sentences.push(...aside());
      const sentence = sentences.shift()!;
      if (inParagraph >= paragraphLength) {
        text += `\n\n${sentence}`;
        inParagraph = 1;
        paragraphLength = rng.int(2, 4);
      } else {
        text += ` ${sentence}`;
        inParagraph += 1;
      }
    }
    return { text: `${text}\n`, published: isoDay(published) };
  }
}
