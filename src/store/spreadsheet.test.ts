import { describe, expect, it } from 'vitest';
import { mapColumns, readSpreadsheet } from './spreadsheet.ts';

const SHEET = [
  'Full name,Other names,Status,Country,Held since,Prison,Tags',
  'Leyla Mammadova,Лейла Мамедова;Leila Mamedova,Detained,Azerbaijan,14.05.2022,Prison No. 1,journalist;woman',
  'Tofig Aliyev,,released,AZ,2019,,',
].join('\n');

describe('a spreadsheet of prisoners', () => {
  it('finds the columns by their headings, and as mapped', () => {
    const columns = mapColumns(['Full name', 'Detained since', 'Lager']);
    expect(columns.get('name')).toBe(0);
    expect(columns.get('heldSince')).toBe(1);
    expect(columns.has('facility')).toBe(false);
    expect(mapColumns(['Full name', 'Detained since', 'Lager'], ['facility=lager']).get('facility')).toBe(2);
    expect(() => mapColumns(['Prisoner id'], [])).toThrow(/No column holds the name/);
    expect(() => mapColumns(['Name'], ['prison=Name'])).toThrow(/"prison" is not a field/);
    expect(() => mapColumns(['Name'], ['facility=Camp'])).toThrow(/no column "Camp"/);
  });

  it('reads each row as a person, a case and a detention period, in the words people use', () => {
    const { rows, issues } = readSpreadsheet(SHEET);
    expect(issues).toEqual([]);
    expect(rows[0]).toEqual({
      row: 2,
      person: { canonicalName: 'Leyla Mammadova', aliases: ['Лейла Мамедова', 'Leila Mamedova'] },
      case: { status: 'detained', confidentiality: 'internal', country: 'AZ', tags: ['journalist', 'woman'] },
      detention: { start: '2022-05-14' },
      facility: 'Prison No. 1',
    });
    expect(rows[1]).toMatchObject({ row: 3, case: { status: 'released', country: 'AZ' }, detention: { start: '2019' }, facility: null });
  });

  it('names every wrong cell by row and heading, and keeps no row of them', () => {
    const { rows, issues } = readSpreadsheet([
      'Name,Status,Held since,Country',
      'Ok Person,detained,2020,KG',
      ',held,2020-13,Narnia',
    ].join('\n'));
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(issues.map((i) => i.field)).toEqual(['row 3, Name', 'row 3, Status', 'row 3, Country', 'row 3, Held since']);
  });
});
