import { describe, expect, it } from 'vitest';
import { allNames, searchKey } from './names.ts';

describe('searchKey', () => {
  it('folds Cyrillic, Latin spellings and case of one surname to one key', () => {
    const keys = ['Атамбаев', 'Atambaev', 'atambayev', 'ATAMBAYEV'].map(searchKey);
    expect(new Set(keys).size).toBe(1);
  });

  it('treats Zhaparov and Japarov as the same name', () => {
    expect(searchKey('Zhaparov')).toBe(searchKey('Japarov'));
    expect(searchKey('Жапаров')).toBe(searchKey('Japarov'));
  });

  it('folds the usual variants of a Russian first name', () => {
    expect(searchKey('Dmitriy')).toBe(searchKey('Dmitry'));
    expect(searchKey('Dmitrii')).toBe(searchKey('Дмитрий'));
  });

  it('keeps the words of a full name apart and drops punctuation and accents', () => {
    expect(searchKey('Almazbek  Sharshenovich Atambayev')).toBe('almazbek sarsenovic atambaev');
    expect(searchKey("O'Connor, Seán")).toBe('oconor sean');
  });

  it('gives a Latin key for Arabic and Chinese names', () => {
    expect(searchKey('محمد')).toMatch(/^[a-z ]+$/);
    expect(searchKey('习近平')).toBe('xijinping');
  });
});

describe('allNames', () => {
  it('lists each spelling once, canonical first', () => {
    expect(allNames('Almazbek Atambayev', ['Atambaev', ' Almazbek Atambayev ', 'Атамбаев'])).toEqual([
      'Almazbek Atambayev',
      'Atambaev',
      'Атамбаев',
    ]);
  });
});
