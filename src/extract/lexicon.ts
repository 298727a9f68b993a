// Words that tell what a name is, following how news and NGO texts are written: the head noun
// of an organisation or a facility, the title or apposition before a person, the words that are
// capitalised only because they start a sentence.

export const STOP_CAPITALISED = new Set(
  ('A An The This That These Those He She It They We I You His Her Its Their Our My Your On In At For From To ' +
    'By With Without After Before During Since Until As But And Or If When While Where Why How What Who Whom ' +
    'Which Although Though Despite Because Meanwhile However Also Yet Then Now Still Earlier Later Last Next ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Mr Mrs Ms Dr Prof Sir Madam Lady No Not Some Many Several All Both Each ' +
    'According Under Over Between Among Against Into Upon About Around Following Amid Read More Photo Share Update')
    .split(' '),
);

/** Words that may join the capitalised words of one name. */
export const NAME_JOINERS = new Set(['of', 'for', 'the', 'de', 'del', 'da', 'dos', 'das', 'do', 'van', 'von', 'der', 'bin', 'binti', 'bte', 'ibn', 'bint', 'a/l', 'a/p', 'al', 'el', 'le', 'la', 'on', '&']);

export const FACILITY_HEADS =
  /\b(prison|prisons|colony|penitentiary complex|prison hospital|jail|gaol|penitentiary|detention cent(?:re|er)|remand cent(?:re|er)|pre-trial cent(?:re|er)|correctional (?:facility|cent(?:re|er)|institution)|correctional services cent(?:re|er)|reception cent(?:re|er)|hospital|clinic|infirmary|SIZO(?:-\d+)?|police station|lock-?up|camp|barracks|penal colony|isolation ward|cent(?:re|er) for (?:detention|rehabilitation))$/i;

export const COURT_HEADS = /\b(court|tribunal|bench|chamber)\b/i;
export const PARTY_HEADS = /\b(party|movement for|front|alliance|congress|league)\b/i;
export const INTERNATIONAL = /\b(united nations|UN|OSCE|European Union|EU|Council of Europe|African Union|Working Group|Human Rights Council|Human Rights Committee|OHCHR|UNHCR|UNICEF|WHO|ICRC|Red Cross|Socialist International|International Criminal Court|Inter-American)\b/;
export const MEDIA_HEADS = /\b(news|times|post|herald|tribune|gazette|journal|daily|radio|television|tv|agency|press|Reuters|AFP|Associated Press|AP|BBC|CNN|Al Jazeera|RFE\/RL|Radio Free|Voice of America|magazine|observer|wire|twitter|facebook|youtube|telegram|instagram|whatsapp|tiktok|chronicle|courier|telegraph|dispatch|bulletin|gazeta|gazette|pravda|izvestia|kommersant|vedomosti|novosti|mediazona|meduza|tv rain|dozhd)\b/i;
export const GOVERNMENT_HEADS = /\b(kremlin|white house|authority|ministry|ministerial|police|governments?|parliament|assembly|senate|presidency|prosecutor|prosecution|prosecutor's office|procurator|office|service|security|intelligence|army|armed forces|military|national guard|embassy|consulate|department|directorate|bureau|council of ministers|cabinet|special forces|guard|agency for|battalion|brigade|regiment)\b/i;
export const PRISON_ORG_HEADS = /\b(prison service|penitentiary service|correctional services|prisons? (?:administration|department|authority)|penal system|corrections)\b/i;
export const NGO_HEADS = /\b(university|college|academy|amnesty|watch|foundation|association|committee|commission|cent(?:re|er)|network|coalition|union|federation|institute|society|syndicate|initiative|league|front line|defenders|freedom house|reporters without borders|group|trust|fund|council|ombudsman|mechanism|human rights)\b/i;

/** Titles and appositions before a name, and the role they imply. */
export const PERSON_CUES: Array<[RegExp, 'official' | 'judge' | 'lawyer' | 'advocate' | 'relative' | 'other' | 'detainee']> = [
  [/\b(judges?|justices?|magistrates?|presiding judge)\s*$/i, 'judge'],
  [/\b(lawyer|lawyers|attorney|advocate|counsel|defen[cs]e lawyer|barrister|solicitor)\s*,?\s*$/i, 'lawyer'],
  [/\b(wife|husband|son|daughter|brother|sister|mother|father|mother-in-law|nephew|niece|cousin|relative|widow|fianc[ée]e?)\s*,?\s*$/i, 'relative'],
  [/\b(activist|rapporteur|special rapporteur|director|researcher|spokesperson for|campaigner|secretary general|chair(?:man|woman|person)?|founder)\s*,?\s*$/i, 'advocate'],
  [/\b(president|prime minister|minister|prosecutor|prosecutor general|procurator|spokes(?:man|woman|person)|governor|mayor|ambassador|deputy|colonel|general|major|captain|lieutenant|officer|commander|chief|warden|official|senator|mp|king|emir|sheikh|premier|ombudsman|sergeant|corporal|inspector|superintendent|constable|guard)\s*,?\s*$/i, 'official'],
  [/\b(dr|doctor|physician|nurse|cardiologist|surgeon)\.?\s*$/i, 'other'],
  [/\b(prisoner|detainee|inmate|journalist|blogger|opposition leader|dissident|politician|student|poet|writer|human rights defender)\s*,?\s*$/i, 'detainee'],
];

export const HONORIFICS = /^(Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Judge|Justice|President|Minister|Prosecutor|Colonel|General|Ambassador|Senator|Sheikh|Imam|Rev|Father|Brother|Sister)\.?\s+/;

/** Words that say someone is held. */
export const DETENTION_CUES = /\b(arrest(?:ed)?|detain(?:ed|ee)|jail(?:ed)?|imprison(?:ed|ment)|sentenc(?:ed|e)|prisoner|in custody|held|behind bars|incarcerat(?:ed|ion)|convicted|charged|pre-trial|remand(?:ed)?|hunger strike|cell|political prisoner)\b/i;
