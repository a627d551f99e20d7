// What the delegate is told changed between two manifests: added, new version with its reason,
// withdrawn; nothing for an unchanged package. And the toolbar badge that counts them: red
// ("chưa tải về") only when a download cannot happen, not during a normal one.
import { describe, expect, test } from 'vitest';
import type { PackageDocument, PackageManifest } from '../../shared/packages';
import { DOWNLOADING_COLOR, UPDATED_COLOR, WAITING_COLOR, badgeState } from './badge';
import { diffManifests } from './changes';
import { newSubscription, type PackageSubscription } from './sync';

const version = (number: number, reason: string | null = null) => ({
  number,
  sha256: String(number).repeat(64).slice(0, 64),
  size: 1,
  fileName: 'a.pdf',
  reason,
  createdAt: '2026-12-01T00:00:00Z',
  path: `files/${number}`,
});
const doc = (id: string, title: string, versions = [version(1)]): PackageDocument => ({
  id,
  title,
  agendaItemId: null,
  position: 1,
  current: versions.length,
  versions,
});
const manifest = (documents: PackageDocument[]): PackageManifest => ({
  id: 'p',
  title: 'Tài liệu kỳ họp',
  visibility: 'private',
  publishedAt: '2026-12-01T00:00:00Z',
  revision: 1,
  meeting: { id: 'm', title: 'Kỳ họp', startsAt: '2026-12-01T00:00:00Z', councilName: 'HĐND' },
  agenda: [],
  documents,
});

describe('diffManifests', () => {
  test('everything is new on the first download', () => {
    expect(diffManifests(null, manifest([doc('a', 'Tờ trình')]))).toEqual([
      { kind: 'added', documentId: 'a', title: 'Tờ trình' },
    ]);
  });

  test('a new version carries the secretariat’s reason; a withdrawn document is named', () => {
    const before = manifest([doc('a', 'Dự thảo'), doc('b', 'Báo cáo')]);
    const after = manifest([doc('a', 'Dự thảo', [version(1), version(2, 'Sửa Điều 3')])]);
    expect(diffManifests(before, after)).toEqual([
      { kind: 'version', documentId: 'a', title: 'Dự thảo', from: 1, to: 2, reason: 'Sửa Điều 3' },
      { kind: 'removed', documentId: 'b', title: 'Báo cáo' },
    ]);
  });

  test('an unchanged package has no changes', () => {
    const m = manifest([doc('a', 'Dự thảo')]);
    expect(diffManifests(m, m)).toEqual([]);
  });
});

describe('badgeState', () => {
  const applied = manifest([doc('a', 'Dự thảo')]);
  const sub = (over: Partial<PackageSubscription>): PackageSubscription => ({
    ...newSubscription({ origin: 'https://hdnd.example', packageId: 'p', readerToken: null }),
    applied,
    ...over,
  });
  const found = { pending: manifest([doc('a', 'Dự thảo', [version(1), version(2, 'Sửa')])]) };

  test('a change being downloaded is counted in blue, not red', () => {
    const state = badgeState([sub(found)]);
    expect(state).toMatchObject({ text: '1', downloading: 1, waiting: 0 });
    expect(state.color).toBe(DOWNLOADING_COLOR);
    expect(state.title).toContain('Đang tải về 1 thay đổi:');
    expect(state.title).not.toContain('chưa tải về');
  });

  test('red "chưa tải về" when offline or after a failed download', () => {
    for (const state of [
      badgeState([sub(found)], false),
      badgeState([sub({ ...found, error: 'mạng' })]),
    ]) {
      expect(state).toMatchObject({ text: '1', waiting: 1, downloading: 0 });
      expect(state.color).toBe(WAITING_COLOR);
      expect(state.title).toContain('Có 1 thay đổi chưa tải về:');
    }
  });

  test('green once downloaded and not yet seen; empty when seen', () => {
    const report = { at: 1, changes: diffManifests(applied, found.pending), unplaced: [] };
    const state = badgeState([sub({ reports: [{ ...report, unseen: true }] })]);
    expect(state).toMatchObject({ text: '1', color: UPDATED_COLOR });
    expect(badgeState([sub({ reports: [report] })]).text).toBe('');
  });
});
