import { describe, expect, test } from 'vitest';
import { matchGlob, matchPages } from '../../../widget/core/glob.ts';

describe('matchGlob', () => {
  test('* matches within one path segment only', () => {
    expect(matchGlob('/billing/*', '/billing/invoices')).toBe(true);
    expect(matchGlob('/billing/*', '/billing/invoices/42')).toBe(false);
  });
  test('** crosses segments and matches the folder itself', () => {
    expect(matchGlob('/admin/**', '/admin/users/42/edit')).toBe(true);
    expect(matchGlob('/admin/**', '/admin')).toBe(true);
    expect(matchGlob('/admin/**', '/administrator')).toBe(false);
  });
  test('ignores query, hash and a trailing slash', () => {
    expect(matchGlob('/expenses', '/expenses/?tab=2#x')).toBe(true);
    expect(matchGlob('/expenses/', '/expenses')).toBe(true);
  });
  test('treats regex characters literally', () => {
    expect(matchGlob('/a.b/(x)', '/a.b/(x)')).toBe(true);
    expect(matchGlob('/a.b', '/aXb')).toBe(false);
  });
  test('? matches exactly one character', () => {
    expect(matchGlob('/v?/docs', '/v2/docs')).toBe(true);
    expect(matchGlob('/v?/docs', '/v10/docs')).toBe(false);
  });
});

test('matchPages returns the ids of articles suggested for the path, in order', () => {
  const articles = [
    { id: 'a', pages: ['/billing/*'] },
    { id: 'b', pages: [] },
    { id: 'c', pages: ['/other', '/billing/**'] },
  ];
  expect(matchPages(articles, '/billing/invoices')).toEqual(['a', 'c']);
  expect(matchPages(articles, '/')).toEqual([]);
});
