// The background package update as the service worker runs it (WXT's fake browser: alarms,
// runtime messages, the badge), with the offscreen document played in-process by the same code
// the real one runs (serveBackgroundSync on pdf.js for Node): an alarm downloads a replaced
// document and the badge says what changed; offline it waits for the retry alarm; a failed
// download leaves the change waiting, in red, and asks for a retry.
import type { browser as wxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BriefcaseDb } from '../db/db';
import { freshDb, nodePdfJs } from '../testing/corpus';
import { DECREE_LINES, FakePackageServer, draftPdf } from '../testing/package-server';
import { registerPackages } from './background';
import { OFFSCREEN_PATH, serveBackgroundSync, type MessageRuntime } from './background-sync';
import { ALARM, RETRY_ALARM } from './badge';
import { listSubscriptions, newSubscription, syncNow, type SyncDeps } from './sync';

const TITLE = 'Dự thảo nghị quyết';
const REASON = 'Bổ sung căn cứ thẩm tra';
const RECITAL = 'Căn cứ ý kiến thẩm tra của Ban Kinh tế - Xã hội Hội đồng nhân dân xã;';

let db: BriefcaseDb;
let server: FakePackageServer;
let deps: SyncDeps;
let online: boolean;
/** The offscreen document: created/closed by the worker, running the real serving code. */
let offscreen: {
  created: number;
  open: boolean;
  closed: Promise<void>;
  stop?: () => void;
};

function fakeOffscreen() {
  let onClosed!: () => void;
  offscreen = { created: 0, open: false, closed: new Promise((r) => (onClosed = r)) };
  const runtime = fakeBrowser.runtime as unknown as MessageRuntime & {
    getContexts(filter: { documentUrls: string[] }): Promise<unknown[]>;
  };
  runtime.getContexts = async ({ documentUrls }) =>
    offscreen.open ? documentUrls.map((documentUrl) => ({ documentUrl })) : [];
  Object.assign(fakeBrowser, {
    offscreen: {
      async createDocument(p: { url: string; reasons: string[] }) {
        expect(p).toMatchObject({
          url: fakeBrowser.runtime.getURL(OFFSCREEN_PATH as '/'),
          reasons: ['WORKERS'],
        });
        if (offscreen.open) throw new Error('Only a single offscreen document may be created.');
        offscreen.open = true;
        offscreen.created++;
        offscreen.stop = serveBackgroundSync(runtime, deps);
      },
      async closeDocument() {
        offscreen.stop?.();
        offscreen.open = false;
        onClosed();
      },
    },
  });
}

async function fireAlarm(name: string) {
  await fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now() });
}

const stored = async () => (await listSubscriptions(db))[0]!;

beforeEach(async () => {
  fakeBrowser.reset();
  db = freshDb();
  server = new FakePackageServer();
  deps = { db, importDeps: { pdfjs: await nodePdfJs() }, fetch: server.fetch };
  server.addDocument(TITLE, await draftPdf(DECREE_LINES.slice(0, 30)));
  await syncNow(deps, newSubscription(server.address));
  fakeOffscreen();
  online = true;
  registerPackages(fakeBrowser as unknown as typeof wxtBrowser, {
    db: () => db,
    fetch: server.fetch,
    online: () => online,
  });
});

afterEach(() => offscreen.stop?.());

describe('the background package update', () => {
  test('the alarm downloads a replaced document with no page open; the badge says what changed', async () => {
    server.replace('doc-1', await draftPdf([RECITAL, ...DECREE_LINES.slice(0, 30)]), REASON);

    await fireAlarm(ALARM);
    await offscreen.closed;

    expect(offscreen.created).toBe(1);
    const sub = await stored();
    expect(sub.pending).toBeNull();
    expect(sub.versions['doc-1@2']).toBeDefined();
    expect(await db.documents.count()).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([27, 110, 58, 255]);
    expect(await fakeBrowser.action.getTitle({})).toContain(
      `Bản mới của ${TITLE}: bản 2 (thay bản 1). Lý do: ${REASON}`,
    );
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  test('nothing new: the manifest answers 304 and no offscreen document is opened', async () => {
    await fireAlarm(ALARM);
    expect(server.requests.at(-1)).toBe('manifest');
    expect(offscreen.created).toBe(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  test('offline, nothing is fetched and a retry is set; the retry alarm then downloads', async () => {
    server.replace('doc-1', await draftPdf([RECITAL, ...DECREE_LINES.slice(0, 30)]), REASON);
    online = false;
    const asked = server.requests.length;
    await fireAlarm(ALARM);
    expect(server.requests.length).toBe(asked);
    expect(offscreen.created).toBe(0);
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined();

    online = true;
    await fireAlarm(RETRY_ALARM);
    await offscreen.closed;
    expect((await stored()).versions['doc-1@2']).toBeDefined();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  test('a download that fails stays waiting: red badge, error stored, retry alarm set', async () => {
    const sha = server.replace('doc-1', await draftPdf([RECITAL]), REASON);
    server.cutShort.add(sha);

    await fireAlarm(ALARM);
    await offscreen.closed;

    const sub = await stored();
    expect(sub.pending?.documents[0]!.current).toBe(2);
    expect(sub.error).toContain('SHA-256');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([164, 22, 26, 255]);
    expect(await fakeBrowser.action.getTitle({})).toContain('Có 1 thay đổi chưa tải về:');
    expect(await fakeBrowser.alarms.get(RETRY_ALARM)).toBeDefined();
  });
});
