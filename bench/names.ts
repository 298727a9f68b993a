// Names for the generated subjects. Sources about one detainee spell the name in Cyrillic and in
// several romanisations (BGN/PCGN, ICAO passports, French and German habits), so every person gets
// a Cyrillic alias and often a second Latin spelling — the case the search keys must fold together.
import type { Rng } from './random.ts';

/** Names of Cyrillic origin (Russian, Ukrainian, Belarusian, Kyrgyz, Kazakh, Uzbek, Tajik, Azerbaijani). */
const CYRILLIC_FIRST = [
  'Алмазбек', 'Азамат', 'Дмитрий', 'Евгений', 'Юлия', 'Наталья', 'Айгерим', 'Бахтияр', 'Шухрат',
  'Тимур', 'Рустам', 'Ольга', 'Мария', 'Сергей', 'Алексей', 'Николай', 'Гульнара', 'Жанна',
  'Максим', 'Элмира', 'Нурлан', 'Жыргалбек', 'Ксения', 'Андрей', 'Зарина', 'Фаррух', 'Игорь',
  'Светлана', 'Чолпон', 'Эркин', 'Мирлан', 'Татьяна', 'Вячеслав', 'Хуршид', 'Кайрат', 'Людмила',
];

const CYRILLIC_SURNAMES = [
  'Атамбаев', 'Жапаров', 'Иванов', 'Ковальчук', 'Мирзаев', 'Алиев', 'Бекмуратов', 'Шевченко',
  'Кузнецов', 'Смирнова', 'Усманов', 'Юсупов', 'Хасанов', 'Ташиев', 'Садыков', 'Абдуллаев',
  'Гусейнов', 'Мамедов', 'Бердыев', 'Рахимов', 'Нурланов', 'Жумабеков', 'Тимошенко', 'Бондаренко',
  'Мельник', 'Ткаченко', 'Кравченко', 'Щербаков', 'Чернова', 'Хабибуллин', 'Осмонова', 'Токтогулов',
  'Исмаилов', 'Джумабаев', 'Каримов', 'Турсунбаева', 'Ермеков', 'Сулейменов', 'Ахмедов', 'Шарипов',
  'Федоров', 'Волкова', 'Соколов', 'Лебедев', 'Морозова', 'Зайцев', 'Павлюк', 'Якубович',
  'Цой', 'Кыдырбаев', 'Эргашев', 'Шаймиев', 'Чолпонбаев', 'Оморов', 'Сатыбалдиев', 'Худайбердиев',
];

/** Names of other origins, each with the Cyrillic spelling a Russian-language source would use. */
const OTHER_NAMES: ReadonlyArray<{ latin: string; cyrillic: string; variants: string[] }> = [
  { latin: 'Nguyen', cyrillic: 'Нгуен', variants: ['Nguyễn'] },
  { latin: 'Haddad', cyrillic: 'Хаддад', variants: ['Hadad'] },
  { latin: 'Özdemir', cyrillic: 'Оздемир', variants: ['Ozdemir'] },
  { latin: 'Hosseini', cyrillic: 'Хоссейни', variants: ['Husseini', 'Hoseini'] },
  { latin: 'García', cyrillic: 'Гарсия', variants: ['Garcia'] },
  { latin: 'Müller', cyrillic: 'Мюллер', variants: ['Mueller', 'Muller'] },
  { latin: 'Kowalski', cyrillic: 'Ковальский', variants: ['Kovalski'] },
  { latin: 'Okonkwo', cyrillic: 'Оконкво', variants: [] },
  { latin: 'Rahman', cyrillic: 'Рахман', variants: ['Rakhman'] },
  { latin: 'Dubois', cyrillic: 'Дюбуа', variants: [] },
  { latin: 'Mendoza', cyrillic: 'Мендоса', variants: [] },
  { latin: 'Yılmaz', cyrillic: 'Йылмаз', variants: ['Yilmaz'] },
  { latin: 'Ahmadi', cyrillic: 'Ахмади', variants: ['Akhmadi'] },
  { latin: 'Mohammed', cyrillic: 'Мохаммед', variants: ['Muhammad', 'Mohamed'] },
  { latin: 'Tanaka', cyrillic: 'Танака', variants: [] },
  { latin: 'Wang', cyrillic: 'Ван', variants: [] },
  { latin: 'Kim', cyrillic: 'Ким', variants: [] },
  { latin: 'Schmidt', cyrillic: 'Шмидт', variants: ['Shmidt'] },
  { latin: 'Novák', cyrillic: 'Новак', variants: ['Novak'] },
  { latin: 'Petrović', cyrillic: 'Петрович', variants: ['Petrovic', 'Petrovich'] },
];

const OTHER_FIRST: ReadonlyArray<{ latin: string; cyrillic: string }> = [
  { latin: 'Amina', cyrillic: 'Амина' }, { latin: 'Omar', cyrillic: 'Омар' },
  { latin: 'Leila', cyrillic: 'Лейла' }, { latin: 'José', cyrillic: 'Хосе' },
  { latin: 'Mehmet', cyrillic: 'Мехмет' }, { latin: 'Chen', cyrillic: 'Чэнь' },
  { latin: 'Fatima', cyrillic: 'Фатима' }, { latin: 'Jan', cyrillic: 'Ян' },
  { latin: 'Reza', cyrillic: 'Реза' }, { latin: 'Anna', cyrillic: 'Анна' },
  { latin: 'Kwame', cyrillic: 'Кваме' }, { latin: 'Sofia', cyrillic: 'София' },
];

type System = Record<string, string>;

const COMMON: System = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ъ: '', ь: '', э: 'e', ё: 'yo', е: 'e',
  ө: 'o', ү: 'u', ң: 'ng', ә: 'a', қ: 'k', ғ: 'g', ұ: 'u', і: 'i', һ: 'h',
};

/** Romanisation systems as sources actually use them (BGN/PCGN, ICAO passports, French, German, informal). */
const SYSTEMS: Record<string, System> = {
  bgn: { ...COMMON, ж: 'zh', й: 'y', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', ю: 'yu', я: 'ya' },
  icao: { ...COMMON, ж: 'zh', й: 'i', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', ю: 'iu', я: 'ia', ё: 'e' },
  french: { ...COMMON, у: 'ou', ж: 'j', й: 'ï', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch', щ: 'chtch', ы: 'y', ю: 'iou', я: 'ia' },
  german: { ...COMMON, в: 'w', з: 's', ж: 'sh', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ы: 'y', ю: 'ju', я: 'ja', е: 'je' },
  informal: { ...COMMON, ж: 'j', й: 'y', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ы: 'i', ю: 'yu', я: 'ya' },
};
const SYSTEM_NAMES = Object.keys(SYSTEMS);

const VOWELS = new Set('аеёиоуыэюяөүәұі');

function romanise(cyrillic: string, system: string): string {
  const table = SYSTEMS[system]!;
  let out = '';
  let previous = ' ';
  for (const ch of cyrillic) {
    const lower = ch.toLowerCase();
    let latin = table[lower] ?? lower;
    // BGN writes е as "ye" at the start of a word and after a vowel (Yevgeniy, Nikolayev).
    if (lower === 'е' && system === 'bgn' && (previous === ' ' || VOWELS.has(previous))) latin = 'ye';
    if (ch !== lower && latin) latin = latin[0]!.toUpperCase() + latin.slice(1);
    out += latin;
    previous = lower;
  }
  return out;
}

export interface GeneratedName {
  canonical: string;
  /** 1–3 spellings, always including a Cyrillic one. */
  aliases: string[];
  /** The surname as search queries use it: Latin, Cyrillic, and other spellings. */
  surnameLatin: string;
  surnameCyrillic: string;
  surnameVariants: string[];
}

export function generateName(rng: Rng): GeneratedName {
  if (rng.chance(0.75)) {
    const first = rng.pick(CYRILLIC_FIRST);
    const last = rng.pick(CYRILLIC_SURNAMES);
    const cyrillic = `${first} ${last}`;
    const system = rng.weighted([['bgn', 5], ['icao', 3], ['informal', 2], ['french', 1], ['german', 1]] as const);
    const canonical = romanise(cyrillic, system);
    const others = [...new Set(SYSTEM_NAMES.map((s) => romanise(cyrillic, s)))].filter((n) => n !== canonical);
    const aliases = [cyrillic, ...rng.shuffle(others).slice(0, rng.int(0, 2))];
    return {
      canonical, aliases,
      surnameLatin: romanise(last, system), surnameCyrillic: last,
      surnameVariants: [...new Set(SYSTEM_NAMES.map((s) => romanise(last, s)))],
    };
  }
  const first = rng.pick(OTHER_FIRST);
  const last = rng.pick(OTHER_NAMES);
  const canonical = `${first.latin} ${last.latin}`;
  const variants = last.variants.map((v) => `${first.latin} ${v}`);
  const aliases = [`${first.cyrillic} ${last.cyrillic}`, ...rng.shuffle(variants).slice(0, rng.int(0, 2))];
  return {
    canonical, aliases,
    surnameLatin: last.latin, surnameCyrillic: last.cyrillic, surnameVariants: [last.latin, ...last.variants],
  };
}

/** A typing mistake of the kind people make in a search box: a letter dropped, doubled, swapped or wrong. */
export function misspell(rng: Rng, word: string): string {
  const chars = [...word];
  if (chars.length < 4) return word + rng.pick(['a', 'e', 'o']);
  const i = rng.int(1, chars.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      chars.splice(i, 1);
      break;
    case 1:
      chars.splice(i, 0, chars[i]!);
      break;
    case 2:
      [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
      break;
    default:
      chars[i] = rng.pick(['a', 'e', 'i', 'o', 'u', 'y']);
  }
  return chars.join('');
}

/** Facility names for the places events happen at. */
export const FACILITIES = [
  'Pre-trial Detention Centre No. 1', 'State Security Committee Remand Prison', 'Penal Colony No. 47',
  'Central Prison Hospital', 'City Police Department No. 3', 'Women’s Correctional Colony No. 2',
  'Psychiatric Hospital of the Interior Ministry', 'Immigration Holding Centre', 'Strict Regime Colony No. 19',
  'Temporary Holding Facility', 'Republican Clinical Hospital', 'Military Garrison Guardhouse',
];
