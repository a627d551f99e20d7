// Unit tests of finding the current agenda item's documents among the briefcase's packages.
import { describe, expect, it } from 'vitest';
import type { PackageManifest } from '../../shared/packages';
import { newSubscription, type PackageSubscription } from '../packages/sync';
import { agendaDocuments, hasMeetingPackage } from './documents';

const ORIGIN = 'https://hop.hdnd.vn';
const version = (number: number) => ({
  number,
  sha256: String(number).repeat(64).slice(0, 64),
  size: 10,
  fileName: `v${number}.pdf`,
  reason: number > 1 ? 'sửa lỗi' : null,
  createdAt: '2026-12-01T00:00:00Z',
  path: `files/${number}`,
});

function manifest(meetingId: string): PackageManifest {
  return {
    id: 'pkg1',
    title: 'Tài liệu kỳ họp',
    visibility: 'private',
    publishedAt: '2026-12-01T00:00:00Z',
    revision: 2,
    meeting: { id: meetingId, title: 'Kỳ họp thứ ba', startsAt: '', councilName: 'HĐND xã' },
    agenda: [
      { id: 'a1', position: 1, title: 'Khai mạc' },
      { id: 'a2', position: 2, title: 'Dự thảo nghị quyết' },
    ],
    documents: [
      {
        id: 'd3',
        title: 'Tờ trình',
        agendaItemId: 'a2',
        position: 3,
        current: 1,
        versions: [version(1)],
      },
      {
        id: 'd1',
        title: 'Giấy mời',
        agendaItemId: 'a1',
        position: 1,
        current: 1,
        versions: [version(1)],
      },
      {
        id: 'd2',
        title: 'Dự thảo nghị quyết',
        agendaItemId: 'a2',
        position: 2,
        current: 2,
        versions: [version(1), version(2)],
      },
      {
        id: 'd4',
        title: 'Chưa tải',
        agendaItemId: 'a2',
        position: 4,
        current: 1,
        versions: [version(1)],
      },
    ],
  };
}

function sub(origin: string, meetingId: string, versions: Record<string, string>) {
  const s: PackageSubscription = newSubscription({ origin, packageId: 'pkg1', readerToken: 't' });
  return { ...s, title: 'Tài liệu kỳ họp', applied: manifest(meetingId), versions };
}

const at = { origin: ORIGIN, meetingId: 'm1', agendaItemId: 'a2' };

describe('agendaDocuments', () => {
  it("lists the current item's downloaded documents in the package's order", () => {
    const subs = [
      sub(ORIGIN, 'm1', { 'd1@1': 'b1', 'd2@1': 'b2v1', 'd2@2': 'b2v2', 'd3@1': 'b3' }),
    ];
    expect(agendaDocuments(subs, at).map((d) => [d.title, d.docId, d.version, d.outdated])).toEqual(
      [
        ['Dự thảo nghị quyết', 'b2v2', 2, false],
        ['Tờ trình', 'b3', 1, false],
      ],
    );
  });

  it('opens the newest downloaded version when the new one is not downloaded yet', () => {
    const [doc] = agendaDocuments([sub(ORIGIN, 'm1', { 'd2@1': 'b2v1' })], at);
    expect(doc).toMatchObject({ docId: 'b2v1', version: 1, outdated: true });
  });

  it('ignores other meetings, other servers, and no current item', () => {
    const versions = { 'd2@2': 'b2v2' };
    expect(agendaDocuments([sub(ORIGIN, 'm2', versions)], at)).toEqual([]);
    expect(agendaDocuments([sub('https://khac.vn', 'm1', versions)], at)).toEqual([]);
    expect(agendaDocuments([sub(ORIGIN, 'm1', versions)], { ...at, agendaItemId: null })).toEqual(
      [],
    );
    expect(hasMeetingPackage([sub(ORIGIN, 'm1', versions)], at)).toBe(true);
    expect(hasMeetingPackage([sub(ORIGIN, 'm2', versions)], at)).toBe(false);
  });
});
