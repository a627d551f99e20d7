// The package page's pure rules: titles from file names, reordering, the upload summary, and who
// holds the current version of each document.
import { describe, expect, it } from 'vitest';
import type { PackageDocument, PackageDownloads } from '../../../../shared/packages';
import {
  currentReach,
  fold,
  moveItem,
  percent,
  readerStatus,
  sortByAgenda,
  summarize,
  titleFromFileName,
} from './package-logic';

const doc = (id: string, current: number, agendaItemId: string | null = null): PackageDocument => ({
  id,
  title: id,
  agendaItemId,
  position: 1,
  current,
  versions: Array.from({ length: current }, (_, i) => ({
    number: i + 1,
    sha256: String(i).repeat(64),
    size: 1,
    fileName: `${id}.pdf`,
    reason: i ? 'sửa' : null,
    createdAt: '2026-01-01T00:00:00.000Z',
    path: '',
  })),
});
type Reader = PackageDownloads['readers'][number];
const reader = (id: string, got: [string, number][], revoked = false): Reader => ({
  invitationId: id,
  name: id,
  role: 'member',
  revoked,
  downloads: got.map(([documentId, version]) => ({
    documentId,
    version,
    firstAt: '',
    lastAt: '',
    times: 1,
  })),
});

describe('titleFromFileName', () => {
  it('reads underscores and a spaceless name’s hyphens as spaces, drops .pdf and folders', () => {
    expect(titleFromFileName('Du_thao-NQ-ngan-sach.PDF')).toBe('Du thao NQ ngan sach');
    expect(titleFromFileName('C:\\Tai lieu\\Tờ trình số 12 - UBND.pdf')).toBe(
      'Tờ trình số 12 - UBND',
    );
    expect(titleFromFileName('.pdf')).toBe('Tài liệu');
  });
  it('joins Vietnamese written in NFD (as macOS names files) into NFC', () => {
    const nfd = 'Dự thảo nghị quyết.pdf'.normalize('NFD');
    expect(titleFromFileName(nfd)).toBe('Dự thảo nghị quyết');
    expect(titleFromFileName(nfd)).toHaveLength('Dự thảo nghị quyết'.length);
  });
});

describe('order', () => {
  it('moves an item and clamps at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 9)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
  it('sorts by agenda order, documents under no item last, keeping the order within an item', () => {
    const agenda = [{ id: 'i1' }, { id: 'i2' }];
    const docs = [doc('x', 1), doc('b1', 1, 'i2'), doc('a1', 1, 'i1'), doc('b2', 1, 'i2')];
    expect(sortByAgenda(docs, agenda).map((d) => d.id)).toEqual(['a1', 'b1', 'b2', 'x']);
  });
});

describe('upload queue', () => {
  it('counts done, refused and pending files', () => {
    expect(
      summarize([
        { kind: 'done' },
        { kind: 'failed', message: 'không phải PDF' },
        { kind: 'sending', fraction: 0.5 },
        { kind: 'checking' },
        { kind: 'waiting' },
      ]),
    ).toEqual({ total: 5, done: 1, failed: 1, pending: 3 });
  });
  it('never shows 100 % before the server answered', () => {
    expect(percent(1)).toBe(99);
    expect(percent(0.456)).toBe(45);
    expect(percent(-1)).toBe(0);
  });
});

describe('who holds the current version', () => {
  const docs = [doc('a', 2), doc('b', 1), doc('c', 1)];
  it('splits a delegate’s documents into current, older only and missing', () => {
    expect(
      readerStatus(
        docs,
        reader('r', [
          ['a', 1],
          ['b', 1],
        ]),
      ),
    ).toEqual({
      current: ['b'],
      outdated: [{ documentId: 'a', version: 1 }],
      missing: ['c'],
    });
    expect(
      readerStatus(
        docs,
        reader('r', [
          ['a', 1],
          ['a', 2],
        ]),
      ).current,
    ).toEqual(['a']);
  });
  it('counts per document the delegates with its current version, revoked ones left out', () => {
    const reach = currentReach(docs, [
      reader('r1', [
        ['a', 2],
        ['b', 1],
      ]),
      reader('r2', [
        ['a', 1],
        ['b', 1],
      ]),
      reader('r3', [['a', 2]], true),
    ]);
    expect([...reach]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 0],
    ]);
  });
});

it('folds Vietnamese for searching without diacritics', () => {
  expect(fold('Đề án Ngân sách')).toBe('de an ngan sach');
  expect(fold('Dự thảo'.normalize('NFD'))).toBe('du thao');
});
