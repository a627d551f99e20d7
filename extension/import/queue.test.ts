// The import queue: many files in one go, each with its own outcome, and the password prompt.
import { describe, expect, test } from 'vitest';
import { corpusBytes, freshDb, nodePdfJs } from '../testing/corpus';
import { ImportQueue, type QueueFile } from './queue';

function file(name: string, bytes = corpusBytes(name)): QueueFile {
  return { name, size: bytes.length, bytes: async () => bytes };
}

describe('ImportQueue', () => {
  test('several files at once: each gets its own outcome, the bad one a message', async () => {
    const db = freshDb();
    const queue = new ImportQueue({ db, pdfjs: await nodePdfJs() });
    await queue.addFiles([
      file('tracemonkey.pdf'),
      file('bien-ban.docx', new TextEncoder().encode('PK\u0003\u0004 not a pdf')),
      file('vi_giay_moi_hdnd_tuan_giao_signed.pdf'),
    ]);
    expect(queue.items.value.map((i) => [i.fileName, i.status])).toEqual([
      ['tracemonkey.pdf', 'imported'],
      ['bien-ban.docx', 'failed'],
      ['vi_giay_moi_hdnd_tuan_giao_signed.pdf', 'imported'],
    ]);
    expect(await db.documents.count()).toBe(2);
  });

  test('a password-protected file waits for the answer to the prompt', async () => {
    const queue = new ImportQueue({ db: freshDb(), pdfjs: await nodePdfJs() });
    const done = queue.addFiles([file('issue6010_1.pdf')]);
    while (!queue.passwordRequest.value) await new Promise((r) => setTimeout(r, 5));
    expect(queue.passwordRequest.value).toMatchObject({
      fileName: 'issue6010_1.pdf',
      reason: 'need',
    });
    queue.passwordRequest.value.answer('abc');
    await done;
    expect(queue.items.value[0]).toMatchObject({ status: 'imported' });
  });

  test('a URL that cannot be downloaded fails with the download message', async () => {
    const queue = new ImportQueue({
      db: freshDb(),
      pdfjs: await nodePdfJs(),
      fetch: async () => new Response('no', { status: 404 }),
    });
    await queue.addUrl('https://hdnd.example.vn/tai-lieu/du-thao.pdf', 'url');
    expect(queue.items.value[0]?.outcome).toMatchObject({
      status: 'failed',
      code: 'download',
      detail: 'HTTP 404',
    });
  });
});
