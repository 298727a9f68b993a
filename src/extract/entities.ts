// Names in a text: capitalised chunks, typed by what they end with or what stands before them,
// then grouped so that a surname or an acronym used later joins the full name it stands for.
import { countries as countryFacts } from 'countries-list';
import countries from 'i18n-iso-countries';
import {
  COURT_HEADS, DETENTION_CUES, FACILITY_HEADS, GOVERNMENT_HEADS, HONORIFICS, INTERNATIONAL, MEDIA_HEADS,
  NAME_JOINERS, NGO_HEADS, PARTY_HEADS, PERSON_CUES, PRISON_ORG_HEADS, STOP_CAPITALISED,
} from './lexicon.ts';
import { searchKey } from '../domain/names.ts';
import type { ExtractedOrganization, ExtractedPerson, ExtractedPlace, OrganizationKind, PersonRole, Span } from './types.ts';

const COUNTRY_NAMES = new Set(
  Object.values(countries.getNames('en', { select: 'all' })).flat().map((n) => n.toLowerCase()),
);
for (const extra of ['viet nam', 'russia', 'britain', 'great britain', 'the uk', 'hong kong', 'kosovo', 'palestine', 'taiwan', 'west bank', 'gaza']) {
  COUNTRY_NAMES.add(extra);
}

// One country under its several names: Britain, the UK, the United Kingdom.
const COUNTRY_ALIASES: Record<string, string> = { britain: 'GB', 'great britain': 'GB', uk: 'GB', 'the uk': 'GB', russia: 'RU', 'hong kong': 'HK' };
function countryKey(name: string): string {
  const lower = name.toLowerCase();
  return COUNTRY_ALIASES[lower] ?? countries.getAlpha2Code(name, 'en') ?? lower;
}

// Regions of the world that news names as places.
const REGIONS = new Set(['middle east', 'north africa', 'west africa', 'east africa', 'southern africa', 'horn of africa', 'sahel', 'central asia',
  'south asia', 'southeast asia', 'south-east asia', 'east asia', 'latin america', 'central america', 'south america', 'caribbean', 'caucasus',
  'south caucasus', 'north caucasus', 'balkans', 'gulf', 'persian gulf', 'indian ocean', 'pacific', 'mediterranean', 'europe', 'africa', 'asia']);

// Capitals are the cities news about detention names most (datelines, "taken to Moscow").
const CAPITALS = new Set(Object.values(countryFacts).map((c) => c.capital.toLowerCase()).filter(Boolean));

// "Russian", "Kenyan", "Pakistani", "Chinese": capitalised, but adjectives, not names. Derived from
// the country names by the usual English endings; a name is never made of them.
const DEMONYMS = new Set(
  [...COUNTRY_NAMES].flatMap((n) => {
    const stem = n.replace(/[aeiouy]$/, '');
    return [`${n}n`, `${n}an`, `${n}ian`, `${stem}ian`, `${stem}an`, `${stem}ese`, `${n}i`, `${stem}i`, `${stem}ish`, `${n}ese`];
  }),
);
for (const extra of ['filipino', 'thai', 'dutch', 'french', 'swiss', 'british', 'welsh', 'scottish', 'irish', 'uzbek', 'kazakh', 'tajik', 'kyrgyz', 'turkmen', 'afghan', 'arab', 'kurdish', 'uyghur', 'tibetan', 'greek', 'cypriot', 'malagasy', 'malay', 'saudi', 'emirati', 'yemeni', 'iraqi', 'omani', 'belarusian', 'ukrainian', 'chinese', 'vietnamese', 'burmese', 'congolese', 'senegalese', 'togolese', 'sudanese', 'lebanese', 'maltese', 'portuguese', 'spanish', 'polish', 'danish', 'swedish', 'finnish', 'turkish', 'american', 'canadian', 'mexican', 'peruvian', 'bolivian', 'ecuadorian', 'ethiopian', 'eritrean', 'rwandan', 'zimbabwean', 'nigerian', 'moroccan', 'algerian', 'egyptian', 'iranian', 'israeli', 'palestinian', 'bangladeshi', 'pakistani', 'indian', 'nepali', 'sri lankan', 'maldivian', 'armenian', 'azerbaijani', 'georgian', 'russian',
  'african', 'european', 'asian', 'latin american', 'middle eastern', 'western', 'muslim', 'christian', 'jewish', 'buddhist', 'hindu', 'sikh',
  'ismaili', 'sunni', 'shia', 'shiite', 'catholic', 'orthodox', 'protestant', 'evangelical', 'baha’i', "baha'i"]) {
  DEMONYMS.add(extra);
}
// Words before a name that say what befell or describes the person ("Jailed", "Ousted"): a closed
// list, because many names end like participles (Mohamed, Ahmed, Saeed).
for (const extra of ['jailed', 'detained', 'imprisoned', 'arrested', 'accused', 'convicted', 'sentenced', 'abducted', 'disappeared', 'missing', 'exiled', 'self-exiled', 'ousted', 'deposed', 'embattled', 'beleaguered', 'outspoken', 'acclaimed', 'celebrated', 'leading', 'former', 'late', 'opposition', 'veteran', 'prominent', 'renowned', 'ailing', 'released', 'freed', 'pardoned']) {
  DEMONYMS.add(extra);
}

// A capitalised word (any script), an all-capitals acronym, or a hyphenated/apostrophised name.
const WORD = String.raw`(?:al-|el-|bin\s|ibn\s)?[\p{Lu}][\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*(?:-\d+)?`;
const CHUNK = new RegExp(String.raw`${WORD}(?:[ \t]+(?:(?:${[...NAME_JOINERS].join('|')})[ \t]+)*${WORD})*`, 'gu');
const REGION_TAIL = /^\s+(region|district|province|oblast|governorate|prefecture|county|municipality|territory)\b/i;
const REGION_NAME = /\s(Region|District|Province|Oblast|Governorate|Prefecture|County|Municipality|Territory)$/;
// Laws, codes and prizes are capitalised too, but name none of the three.
const NOT_AN_ENTITY = /\b(Code|Act|Law|Constitution|Article|Prize|Award|Convention|Covenant|Charter|Rules|Principles|Day|Nobel)$/;
// A head noun alone ("the Committee said", "Police") refers back to a body named in full elsewhere.
const BARE_HEAD = /^(Committee|Commission|Council|Court|Tribunal|Ministry|Government|Police|Office|Service|Department|Agency|Bureau|Party|Press|Observer|Prison|Jail|Hospital|Clinic|Camp|Assembly|Parliament|Embassy|Network|Union|Group|Foundation|Association|Centre|Center)$/;
const FACILITY_ADJECTIVES = /^(?:(?:maximum|high|strict|special|medium)[- ]security |strict[- ]regime )+/i;
const FACILITY_TAIL = /^\s+((?:(?:maximum|high|strict|special|medium)[- ]security |strict[- ]regime |women's |women’s |men's |military |general |regional |district |central )*(?:prison colony|penal colony|prison camp|prison|colony|jail|detention cent(?:re|er)|remand cent(?:re|er)|pre-trial detention cent(?:re|er)|hospital|clinic|police station|(?:penitentiary )?institution|penitentiary|headquarters))\b/i;

const BODY_BEFORE = /\b(?:groups?|movements?|part(?:y|ies)|organi[sz]ations?|outfits?|outlets?|newspapers?|daily|weekly|website|news site|channel|broadcaster|members? of|affiliated with|banned)\s*,?\s*$/i;
const BODY_AFTER = /^\s+(?:(?:(?:protest|opposition|militant|rebel|terrorist|armed|political|youth|student|pro-democracy) )?(?:group|movement|party|organi[sz]ation)|human rights (?:cent(?:re|er)|group|organi[sz]ation|network|society))\b/;

type Kind = 'person' | 'organization' | 'place';
interface Mention extends Span {
  kind: Kind;
  subtype: string;
  role?: PersonRole;
  /** The name when the words differ from the span (a nickname inside it left out). */
  name?: string;
  alias?: string;
}

const NICKNAME_GAP = /^\s+["“‘'][\p{Lu}][\p{L}-]*["”’']\s+$/u;
const BRACKETED_NICKNAME = /^\s*\(\s*["“‘']?([\p{Lu}][\p{L}-]+)["”’']?\s*\)/u;

/**
 * A pure function's answers kept for the words and names that come back in every text (titles,
 * head nouns). Bounded, so that memory stays flat over any number of documents.
 */
function remembered<T>(compute: (key: string) => T, limit = 5_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      // A copy: a key cut from a document would keep the whole document alive.
      cache.set(Buffer.from(key, 'utf8').toString('utf8'), value);
    }
    return value as T;
  };
}

const orgKind = remembered((name: string): OrganizationKind | null => {
  if (PRISON_ORG_HEADS.test(name)) return 'prison';
  if (COURT_HEADS.test(name)) return 'court';
  if (INTERNATIONAL.test(name)) return 'international';
  if (PARTY_HEADS.test(name)) return 'party';
  if (MEDIA_HEADS.test(name)) return 'media';
  if (GOVERNMENT_HEADS.test(name)) return 'government';
  if (NGO_HEADS.test(name)) return 'ngo';
  return null;
});

const NUMBER_WORDS = /^(One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Twenty|Thirty|Forty|Fifty|Hundreds|Dozens|Thousands)(-\w+)?$/;

/** "Blogger", "Lawyer", "Judge" starting a sentence: a title before the name, not part of it. */
const isRoleNoun = remembered((word: string): boolean =>
  /^\p{Lu}\p{Ll}+$/u.test(word) && (TITLE_WORDS.test(word) || PERSON_CUES.some(([pattern]) => pattern.test(word))));
const TITLE_WORDS = /^(Chairperson|Chairman|Chairwoman|Chair|Leader|Secretary|Speaker|Head|Commissioner|Envoy|Deputy|Vice|Premier|Counsel)$/;

function personCue(before: string): PersonRole | null {
  for (const [pattern, role] of PERSON_CUES) if (pattern.test(before)) return role;
  return null;
}

const isPlaceName = (name: string) => COUNTRY_NAMES.has(name.toLowerCase()) || CAPITALS.has(name.toLowerCase());

/**
 * The names a capitalised chunk holds, without the words capitalised only by position and the
 * trailing joiners. A possessor that is a country or a body ("Rwanda’s Mageragere Prison",
 * "Justice Ministry’s Chief Directorate") and a body before a title ("BNP Chairperson Khaleda
 * Zia") are names of their own.
 */
function namesInChunk(text: string, start: number): Span[] {
  const possessive = /^(.*?\p{L})['’]s\s+(?=\p{Lu})/u.exec(text);
  if (possessive) {
    const owner = possessive[1]!;
    const rest = text.slice(possessive[0].length);
    if ((isPlaceName(owner) || orgKind(owner) !== null) && !BARE_HEAD.test(rest)) {
      return [trimChunk(owner, start), trimChunk(rest, start + possessive[0].length)].filter((s): s is Span => s !== null);
    }
    // A possessive ends a person's name ("Paul Rusesabagina’s Health Deteriorates"), not the
    // name of a facility or a body ("Central Women’s Correctional Institution").
    if (!FACILITY_HEADS.test(text) && orgKind(text) === null) text = owner;
  }
  // "Judge Marufjon Rustamzoda of Khujand City Court": a person of a body.
  const of = /^(.+?) of (?:the )?(.+)$/.exec(text);
  if (of && orgKind(of[2]!) !== null && titledName(of[1]!)) {
    const body = text.lastIndexOf(of[2]!);
    return [trimChunk(titledName(of[1]!)!, start + of[1]!.lastIndexOf(titledName(of[1]!)!)), trimChunk(of[2]!, start + body)].filter((s): s is Span => s !== null);
  }
  // "Police Major Reynaldo Tolentino", "Prosecutor Anthony Ng": titles, then the person.
  const named = titledName(text);
  if (named) {
    const one = trimChunk(named, start + text.lastIndexOf(named));
    return one ? [one] : [];
  }
  const words = text.split(/\s+/);
  const title = words.findLastIndex((word, i) => i > 0 && isRoleNoun(word));
  const beforeTitle = title > 0 ? words.slice(0, title).join(' ') : '';
  if (title > 0 && (/^[A-Z]{2,6}$/.test(beforeTitle) || orgKind(beforeTitle) !== null) && !FACILITY_HEADS.test(text) && orgKind(text) === null) {
    const body = trimChunk(beforeTitle, start);
    const person = trimChunk(text, start);
    return [body, person].filter((s): s is Span => s !== null && !(s === body && person !== null && person.start < s.end));
  }
  const one = trimChunk(text, start);
  return one ? [one] : [];
}

/** The name after a person's titles, when the chunk is titles and then two to five name words. */
function titledName(text: string): string | null {
  const words = text.split(/\s+/);
  const title = words.findLastIndex(isRoleNoun);
  const name = words.slice(title + 1);
  if (title < 0 || name.length < 2 || name.length > 5 || name.some((w) => NAME_JOINERS.has(w.toLowerCase()) && w !== 'bin' && w !== 'binti')) return null;
  const joined = name.join(' ');
  if (orgKind(joined) !== null || FACILITY_HEADS.test(joined) || !words.slice(0, title + 1).every((w) => isRoleNoun(w) || /^(Police|Army|Deputy|Chief|Senior|State|Public|General|Assistant|Special|Acting)$/.test(w))) return null;
  return joined;
}

/** Drops words capitalised only by position, and trailing joiners. */
function trimChunk(text: string, start: number): Span | null {
  text = text.replace(/['’]s$/, '');
  // A country is a name even where its first word is also an adjective ("Saudi Arabia").
  if (COUNTRY_NAMES.has(text.toLowerCase())) return { text, start, end: start + text.length };
  const words = text.split(/\s+/);
  let from = 0;
  // An organisation's name may start with "Maldivian" or "Associated"; a person's does not.
  const isNameOfBody = orgKind(text) !== null || FACILITY_HEADS.test(text);
  const dropped = (word: string) =>
    STOP_CAPITALISED.has(word.replace(/['’]s$/, '')) ||
    (!isNameOfBody && (DEMONYMS.has(word.toLowerCase()) || isRoleNoun(word) ||
      /-year-old$/i.test(word) || NUMBER_WORDS.test(word)));
  // A headline's verb before a name ("Defying UN Committee", "Hunger-striking Ethiopia").
  // Not the first word of a body's name ("Coordinating Council"), unless an acronym or a country follows.
  const participle = (word: string, i: number) => i < words.length - 1 && /^\p{Lu}[\p{Ll}-]{3,}ing$/u.test(word)
    && (!isNameOfBody || /^[A-Z]{2,6}$/.test(words[i + 1]!) || isPlaceName(words[i + 1]!));
  while (from < words.length && (dropped(words[from]!) || participle(words[from]!, from))) from++;
  // "Chair of the Working Group": the title of a person in the body, not part of its name.
  if (isNameOfBody && isRoleNoun(words[from] ?? '') && words[from + 1] === 'of') from += words[from + 2] === 'the' ? 3 : 2;
  // "Prime Minister Sheikh Hasina": the name follows the last title.
  const lastTitle = isNameOfBody ? -1 : words.findLastIndex((word, i) => i >= from && isRoleNoun(word));
  if (lastTitle >= from) {
    if (lastTitle === words.length - 1) return null; // a title alone ("the Prime Minister")
    from = lastTitle + 1;
  }
  while (from < words.length && NAME_JOINERS.has(words[from]!.toLowerCase())) from++;
  let to = words.length;
  while (to > from && NAME_JOINERS.has(words[to - 1]!.toLowerCase())) to--;
  if (from >= to) return null;
  let offset = 0;
  for (let i = 0; i < from; i++) offset = text.indexOf(words[i]!, offset) + words[i]!.length;
  offset = text.indexOf(words[from]!, offset);
  const clean = text.slice(offset, offset + words.slice(from, to).join(' ').length).replace(/['’]s$/, '');
  if (clean !== words.slice(from, to).join(' ').replace(/['’]s$/, '')) return null; // other spaces than one: leave it
  return { text: clean, start: start + offset, end: start + offset + clean.length };
}

function classify(span: Span, text: string, lineStart: boolean): Mention | null {
  const name = span.text;
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  const after = text.slice(span.end, span.end + 40);
  // "Penal Colony No. 3", "SIZO No 1": the number belongs to the facility's name.
  const numbered = /^\s+No\.?\s*\d+(?:\/\d+)?/.exec(after);
  if (/\bNo$/.test(name) || numbered) {
    const extra = /^\.?\s*\d+(?:\/\d+)?/.exec(after) ?? numbered;
    const end = span.end + (extra?.[0].length ?? 0);
    const full = text.slice(span.start, end);
    if (FACILITY_HEADS.test(full.replace(/\s*No\.?\s*[\d/]+$/, ''))) return { text: full, start: span.start, end, kind: 'place', subtype: 'facility' };
  }
  const tail = FACILITY_TAIL.exec(after);
  // "a Riyadh prison", "a Philippine detention centre": a place and a kind of building, not a name.
  if (tail && (DEMONYMS.has(name.toLowerCase()) || isPlaceName(name))) {
    return isPlaceName(name) ? { ...span, kind: 'place', subtype: COUNTRY_NAMES.has(name.toLowerCase()) ? 'country' : 'city' } : null;
  }
  if (tail) {
    const end = span.end + tail[0].length;
    // "IK-6 maximum-security penal colony" is the IK-6 penal colony.
    const head = tail[1]!.replace(FACILITY_ADJECTIVES, '');
    return { text: text.slice(span.start, end), start: span.start, end, kind: 'place', subtype: 'facility', name: `${name} ${head}` };
  }
  if (BARE_HEAD.test(name)) return null;
  if (FACILITY_HEADS.test(name)) return { ...span, kind: 'place', subtype: 'facility' };
  if (REGION_NAME.test(name) && !/\b(?:Government|Council|Court|Police)\b/.test(name)) return { ...span, kind: 'place', subtype: 'other' };
  const region = REGION_TAIL.exec(after);
  if (region) {
    // "Afar region": the place is Afar; the mention keeps the word the text used.
    const end = span.end + region[0].length;
    return { text: text.slice(span.start, end), start: span.start, end, kind: 'place', subtype: 'other', name };
  }
  if (NOT_AN_ENTITY.test(name)) return null;
  if (COUNTRY_NAMES.has(name.toLowerCase())) return { ...span, kind: 'place', subtype: 'country' };
  if (/^(?:The )?Republic of (.+)$/.test(name) && COUNTRY_NAMES.has(name.replace(/^(?:The )?Republic of /, '').toLowerCase())) return { ...span, kind: 'place', subtype: 'country' };
  // "Los Teques", "La Marsa": Spanish, French and Italian articles start place names, not people's.
  if (/^(?:Los|Las|La|Le|Les)\s\p{Lu}\p{Ll}+$/u.test(name)) return { ...span, kind: 'place', subtype: 'city' };
  if (REGIONS.has(name.toLowerCase().replace(/^the /, ''))) return { ...span, kind: 'place', subtype: 'other' };
  if (DEMONYMS.has(name.toLowerCase())) return null;
  if (CAPITALS.has(name.toLowerCase())) return { ...span, kind: 'place', subtype: 'city' };
  const kind = orgKind(name);
  if (kind) return { ...span, kind: 'organization', subtype: kind };
  // Movements and groups named without a head noun: "the terrorist group Abu Sayyaf", "his
  // party, Pastef,", "the Hirak movement".
  if (BODY_BEFORE.test(before) || BODY_AFTER.test(after)) return { ...span, kind: 'organization', subtype: /part(?:y|ies)/i.test(before + after.slice(0, 20)) ? 'party' : 'other' };
  const role = personCue(before);
  if (/^[A-Z]{2,6}$/.test(name)) {
    // A dateline ("BISHKEK —") is a city; other acronyms are organisations.
    if (lineStart && /^\s*(\(|—|–|-|,)/.test(after)) return { ...span, kind: 'place', subtype: 'city' };
    return { ...span, kind: 'organization', subtype: 'other' };
  }
  if (lineStart && /^\s*(\([^)]*\)\s*)?(—|–|-)\s/.test(after) && name.split(' ').length <= 2) {
    return { ...span, kind: 'place', subtype: 'city' };
  }
  const words = name.split(' ');
  if (/ of /i.test(name)) return null; // "Vice President of Ecuador": a title, not a name
  if (role || (words.length >= 2 && words.length <= 5)) {
    return { ...span, kind: 'person', subtype: 'person', role: role ?? undefined };
  }
  // A single capitalised word after "in", "to", "from": a place.
  if (/\b(in|to|from|near|outside|at)\s+$/.test(before)) return { ...span, kind: 'place', subtype: 'city' };
  return { ...span, kind: 'person', subtype: 'single' };
}

export interface Entities {
  persons: ExtractedPerson[];
  organizations: ExtractedOrganization[];
  places: ExtractedPlace[];
}

export function findEntities(text: string, exclude: Span[] = []): Entities {
  const mentions: Mention[] = [];
  const excluded = (s: Span) => exclude.some((e) => s.start < e.end && e.start < s.end);
  const chunks = [...text.matchAll(CHUNK)];
  for (let i = 0; i < chunks.length; i++) {
    const match = chunks[i]!;
    // "the Criminal Court on October 19": the name stops where a date begins.
    const date = exclude.find((e) => e.start > match.index && e.start < match.index + match[0].length);
    const words = date ? match[0].slice(0, date.start - match.index) : match[0];
    const names = namesInChunk(words.trimEnd(), match.index).filter((n) => !excluded(n));
    if (names.length === 0) continue;
    const span = names.at(-1)!;
    for (const other of names.slice(0, -1)) {
      const mention = classify(other, text, false);
      if (mention) mentions.push(mention);
    }
    // A nickname in quotes inside a name ("Netiporn “Boong” Sanesangkhom"): one person, known by both.
    const [nick, rest] = [chunks[i + 1], chunks[i + 2]];
    if (nick && rest && NICKNAME_GAP.test(text.slice(span.end, rest.index)) && text.slice(span.end, rest.index).includes(nick[0])) {
      const end = rest.index + rest[0].length;
      mentions.push({ text: text.slice(span.start, end), start: span.start, end, kind: 'person', subtype: 'person', name: `${span.text} ${rest[0]}`, alias: nick[0] });
      i += 2;
      continue;
    }
    const lineStart = /(^|\n)\s*$/.test(text.slice(Math.max(0, span.start - 3), span.start));
    const mention = classify(span, text, lineStart);
    if (!mention) continue;
    // A nickname in brackets after a name ("Kittiphong Saengthong (“Tong”)") stands for the person later.
    const bracketed = mention.kind === 'person' ? BRACKETED_NICKNAME.exec(text.slice(mention.end, mention.end + 40)) : null;
    if (bracketed) mention.alias = bracketed[1];
    mentions.push(mention);
  }
  return group(mentions, text);
}

/** One record per named thing: later surnames, acronyms and repeated names join the first full one. */
function group(mentions: Mention[], text: string): Entities {
  const persons = new Map<string, { name: string; role: PersonRole | null; mentions: Span[]; cues: number; attached: boolean }>();
  const orgs = new Map<string, ExtractedOrganization>();
  const places = new Map<string, ExtractedPlace>();
  const surnameOf = new Map<string, string>();
  const firstNameOf = new Map<string, string>();

  for (const m of mentions) {
    const span: Span = { text: m.text, start: m.start, end: m.end };
    if (m.kind === 'organization') {
      const key = m.text.toLowerCase();
      const existing = orgs.get(key);
      if (existing) existing.mentions.push(span);
      else orgs.set(key, { name: m.text, kind: m.subtype as OrganizationKind, mentions: [span] });
      continue;
    }
    if (m.kind === 'place' && m.subtype === 'city' && (surnameOf.has(m.text) || firstNameOf.has(m.text))) {
      const owner = persons.get(surnameOf.get(m.text) ?? firstNameOf.get(m.text)!)!;
      owner.mentions.push(span);
      continue;
    }
    if (m.kind === 'place') {
      const name = m.name ?? m.text;
      const key = m.subtype === 'country' ? countryKey(name) : name.toLowerCase();
      const existing = places.get(key);
      if (existing) existing.mentions.push(span);
      else places.set(key, { name, kind: m.subtype as ExtractedPlace['kind'], mentions: [span] });
      continue;
    }
    const bare = (m.name ?? m.text).replace(HONORIFICS, '');
    const parts = bare.split(' ');
    const owner = parts.length === 1
      ? surnameOf.get(bare)
      : persons.has(bare)
        ? bare
        // "De Lima" for "Leila de Lima": the tail of a name seen before; "Shamil Rasulovich
        // Khakimov" or "Suleiman Raissouni" for "Shamil Khakimov" or "Sulieman Raissouni".
        : [...persons.keys()].find((k) => k.toLowerCase().endsWith(` ${bare.toLowerCase()}`)) ?? [...persons.keys()].find((k) => sameNameVariant(k, bare));
    if (m.subtype === 'single' && !owner) continue; // a lone capitalised word that names nobody we know
    const key = owner ?? bare;
    const entry = persons.get(key) ?? { name: bare, role: null, mentions: [], cues: 0, attached: false };
    entry.mentions.push(span);
    entry.role ??= m.role ?? null;
    persons.set(key, entry);
    // A surname alone means the first person the text gave it to (Alberto, not Keiko, Fujimori).
    if (parts.length > 1 && !surnameOf.has(parts.at(-1)!)) surnameOf.set(parts.at(-1)!, key);
    if (m.alias) surnameOf.set(m.alias, key);
    if (parts.length > 1 && !firstNameOf.has(parts[0]!)) firstNameOf.set(parts[0]!, key);
  }

  // An acronym defined in brackets after a name ("Committee for Fair Trials (CFT)") joins it.
  for (const [key, org] of orgs) {
    if (!/^[A-Z]{2,6}$/.test(org.name)) continue;
    const definition = [...orgs.values()].find((o) => o !== org && o.mentions.some((m) => text.slice(m.end, m.end + org.name.length + 3).includes(`(${org.name})`)));
    if (definition) {
      definition.mentions.push(...org.mentions);
      orgs.delete(key);
    }
  }

  // An acronym that spells a body's or a facility's initials ("DSS", "KLGH") is that body.
  const initials = (name: string) => name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  for (const [key, org] of orgs) {
    if (!/^[A-Z]{3,6}$/.test(org.name)) continue;
    const owner = [...orgs.values(), ...places.values()].find((o) => o !== org && o.name.includes(' ') && initials(o.name) === org.name);
    if (owner) {
      owner.mentions.push(...org.mentions);
      orgs.delete(key);
    }
  }
  // "Chikurubi" after "Chikurubi Maximum Prison": the facility, named short.
  for (const [key, place] of places) {
    if (place.kind !== 'city' || place.name.includes(' ')) continue;
    const facility = [...places.values()].find((p) => p.kind === 'facility' && p.name.startsWith(`${place.name} `));
    if (facility) {
      facility.mentions.push(...place.mentions);
      places.delete(key);
    }
  }

  // The same name in another script ("Dmitri Kozhukhar (Дмитрий Кожухарь)") is the same person.
  const byKey = new Map<string, string>();
  for (const [key, entry] of persons) {
    const folded = [key, ...entry.mentions.map((m) => m.text)].filter((n) => n.includes(' ')).map(searchKey);
    const owner = folded.map((f) => byKey.get(f)).find((o) => o !== undefined);
    if (owner === undefined) {
      for (const f of folded) byKey.set(f, key);
      continue;
    }
    const target = persons.get(owner)!;
    target.mentions.push(...persons.get(key)!.mentions);
    target.mentions.sort((a, b) => a.start - b.start);
    persons.delete(key);
  }

  // Title-case headlines capitalise common words ("Urgent Medical Treatment Denied Again"): a
  // person's name has no word the text also uses in lower case.
  const lowerWords = new Set(text.match(/(?<![\p{L}'’-])\p{Ll}{4,}(?![\p{L}'’-])/gu) ?? []);
  for (const [key] of persons) {
    if (key.split(/\s+/).some((word) => word.length >= 4 && lowerWords.has(word.toLowerCase()))) persons.delete(key);
  }

  // A headline may use the surname before the text gives the full name: join them now.
  for (const [key, entry] of persons) {
    const full = [...persons.keys()].find((k) => k !== key && k.toLowerCase().endsWith(` ${key.toLowerCase()}`));
    if (!full) continue;
    const target = persons.get(full)!;
    target.mentions.push(...entry.mentions);
    target.mentions.sort((a, b) => a.start - b.start);
    target.role ??= entry.role;
    persons.delete(key);
  }

  // Who is held: people the words about custody are attached to ("jailed activist X", "X, 71,
  // was arrested", "the detention of X"), and people named in several sentences about custody.
  const allMentions = [...persons.values()].flatMap((p) => p.mentions).sort((a, b) => a.start - b.start);
  const attached = custodyAttached(text, allMentions);
  for (const entry of persons.values()) {
    entry.cues = entry.mentions.filter((m) => attached.has(m)).length;
    entry.attached = entry.cues > 0;
  }
  const anyAttached = [...persons.values()].some((p) => p.attached);
  for (const entry of persons.values()) {
    if (entry.cues > 0) continue;
    // A story about one person's custody names them again and again in sentences about it.
    const sentencesAboutCustody = new Set(entry.mentions.map((m) => sentenceAround(text, m)).filter((s) => DETENTION_CUES.test(s)));
    if (sentencesAboutCustody.size >= (anyAttached ? 2 : 1)) entry.cues = sentencesAboutCustody.size;
  }
  // Held people are often introduced by what they were (activist, former president, "my
  // husband"): custody attached to the name wins over such a title, not over judge or lawyer.
  const overridable = (p: { role: PersonRole | null; attached: boolean }) =>
    p.role === null || p.role === 'advocate' || p.role === 'other' || (p.attached && (p.role === 'official' || p.role === 'relative'));
  const result: ExtractedPerson[] = [...persons.values()].map((p) => ({
    name: p.name,
    role: p.cues > 0 && overridable(p) ? 'detainee' : p.role ?? 'other',
    mentions: p.mentions,
  }));
  return { persons: result, organizations: [...orgs.values()], places: [...places.values()] };
}

// Custody words that describe the person right next to them, before or after the name.
const WORDS = (n: number) => String.raw`(?:\s+[\p{L}\p{N}'’-]+){0,${n}}`;
const CUSTODY_BEFORE = new RegExp(String.raw`(?:\b(?:jailed|detained|imprisoned|arrested|incarcerated|convicted|abducted)\b${WORDS(5)}`
  + String.raw`|\b(?:prisoners? of conscience|political prisoners?|prisoner|detainee|inmate|co-defendants?|defendants?`
  + String.raw`|(?:arrest|detention|imprisonment|jailing|incarceration|conviction|sentencing|trial|release|abduction|hunger strike) of${WORDS(5)}`
  + String.raw`|hunger strike (?:that|which)${WORDS(4)}|(?:to|and) (?:release|free)`
  + String.raw`|\b(?:arrested|detained|jailed|seized)\b[^.;]{0,80}\b(?:together|along) with))\s*[,—–]?\s*$`, 'iu');
const APPOSITION = String.raw`(?:\s*\([^()]{1,80}\))?(?:\s*,[^,.;]{1,90},|\s+[—–][^.;—–]{1,90}[—–])?`;
const AUXILIARY = String.raw`(?:was|were|is|are|has|had|have|been|being|remains|remained|got|will be)\s+`;
const ADVERB = String.raw`(?:still|also|later|then|already|currently|reportedly|allegedly|again|first|now|not|subsequently|recently|briefly|initially)\s+`;
const PASSIVE = String.raw`(?:arrested|re-arrested|detained|jailed|imprisoned|sentenced|convicted|charged|held|remanded|incarcerated|transferred|taken into custody|placed (?:in|under) (?:custody|arrest|detention|house arrest)|released|freed|seized|abducted|tried|acquitted|denied bail|(?:taken|sent|returned) (?:back )?(?:to|into) (?:prison|jail|custody))`;
const STATE = String.raw`(?:serving|serves|died in (?:\S+ )?(?:custody|prison|detention)|on hunger strike|(?:began|started|went on) (?:a|his|her|their) hunger strike|in (?:custody|detention|prison|jail)|behind bars|back (?:to|in) (?:prison|jail|custody)|(?:breached|violated) (?:their|his|her) bail|on bail)`;
const CUSTODY_AFTER = new RegExp(String.raw`^(?:['’]s?\s+(?:arrest|detention|imprisonment|jailing|incarceration|conviction|sentence|sentencing|trial|hunger strike|release|(?:medical )?parole|health|cell|lawyers?)\b`
  // "X, a former member of parliament held since May": a reduced relative after the apposition.
  + String.raw`|(?:\s*\([^()]{1,80}\))?\s*,\s*(?:a|an|the)\s[^,.;]{1,80}?\s(?:held|jailed|detained|imprisoned|arrested|sentenced|convicted|behind bars)\b`
  + String.raw`|${APPOSITION}\s*[,—–]?\s+(?:who\s+)?(?:(?:${AUXILIARY}(?:${ADVERB})*)+${PASSIVE}|(?:${AUXILIARY}|${ADVERB})*${STATE})\b)`, 'iu');
// "X, Y and Z were arrested": names listed together share what is said of the list.
const LIST_JOIN = /^(?:\s*\([^()]{0,80}\))?(?:\s*,\s*\d{1,3})?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$/;

/** Mentions that custody words are attached to, and the names listed with them. */
function custodyAttached(text: string, all: Span[]): Set<Span> {
  const attached = new Set<Span>();
  all.forEach((mention, i) => {
    const sentence = sentenceBounds(text, mention);
    const previous = all[i - 1] && all[i - 1]!.start >= sentence.from ? all[i - 1] : undefined;
    const between = previous ? text.slice(previous.end, mention.start) : '';
    // A name inside another's apposition ("X, a critic of Y, was jailed") is not the one held.
    const inApposition = previous !== undefined && /^\s*(?:\([^()]*\))?\s*,[^,.;]*$/.test(between);
    const before = text.slice(Math.max(sentence.from, previous?.end ?? 0, mention.start - 80), mention.start);
    const after = text.slice(mention.end, Math.min(sentence.to, mention.end + 160));
    if (CUSTODY_BEFORE.test(before) || (!inApposition && CUSTODY_AFTER.test(after))) attached.add(mention);
  });
  for (const order of [all, [...all].reverse()]) {
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      const [first, second] = a.start < b.start ? [a, b] : [b, a];
      if (attached.has(a) && LIST_JOIN.test(text.slice(first.end, second.start))) attached.add(b);
    }
  }
  return attached;
}

function sentenceBounds(text: string, span: Span): { from: number; to: number } {
  const from = Math.max(text.lastIndexOf('. ', span.start), text.lastIndexOf('\n', span.start)) + 1;
  const dot = text.slice(span.end).search(/\.\s|\n/);
  return { from, to: dot < 0 ? text.length : span.end + dot };
}

/** Same surname, and the same or a near-same first name (a middle name or patronymic aside). */
function sameNameVariant(a: string, b: string): boolean {
  const [x, y] = [a.split(' '), b.split(' ')];
  if (x.length < 2 || y.length < 2 || x.at(-1)!.toLowerCase() !== y.at(-1)!.toLowerCase()) return false;
  const [first, other] = [x[0]!.toLowerCase(), y[0]!.toLowerCase()];
  return first === other || (first.length >= 5 && first.length === other.length && [...first].sort().join('') === [...other].sort().join('') && editDistance(first, other) <= 2);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

export function sentenceAround(text: string, span: Span): string {
  const { from, to } = sentenceBounds(text, span);
  return text.slice(from, to);
}
