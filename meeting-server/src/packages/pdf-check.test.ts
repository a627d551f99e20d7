// The upload check opens PDFs as a reader would (pdf.js in a worker thread, under a budget): every
// real corpus PDF passes, encrypted ones included; a zip/HTML polyglot, a PDF with no pages and a
// deflate bomb that inflates to 1 GiB are refused, the bomb without the server's memory following,
// and so is one deflated twice on a later page.
import { readdir, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../hostile/testing';
import { DEFAULT_PDF_BUDGET, checkPdf } from './pdf-check';
import { deflateBombPdf, nestedBombPdf, pagelessPdf, zipHtmlPolyglot } from './pdf-fixtures';

describe('checkPdf', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hdnd-pdf-check-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const file = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };

  it('opens every corpus PDF: damaged-but-readable, encrypted (also with a password), 352 pages', async () => {
    const times: string[] = [];
    for (const name of (await readdir(CORPUS)).filter((n) => n.endsWith('.pdf')).sort()) {
      const started = performance.now();
      const v = await checkPdf(join(CORPUS, name));
      times.push(`${name}: ${Math.round(performance.now() - started)} ms`);
      expect(v.verdict, name).toBe('ok');
      // issue6010_1.pdf needs the password "abc": its structure is read, its pages are not.
      if (name === 'issue6010_1.pdf') expect(v).toMatchObject({ password: true, pages: null });
      if (name === 'freeculture.pdf') expect(v).toMatchObject({ pages: 352 });
    }
    console.log(`pdf check per file:\n  ${times.join('\n  ')}`);
  }, 600_000);

  it('refuses a zip/HTML polyglot with a PDF header and %%EOF, and a PDF with no pages', async () => {
    const polyglot = zipHtmlPolyglot();
    expect(polyglot.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(polyglot.subarray(-7).toString('latin1')).toBe('\n%%EOF\n');
    expect(await checkPdf(await file('polyglot.pdf', polyglot))).toMatchObject({
      verdict: 'unreadable',
    });
    expect(await checkPdf(await file('pageless.pdf', pagelessPdf()))).toEqual({
      verdict: 'noPages',
    });
  }, 120_000);

  it('refuses a 1 MB file that inflates to 1 GiB, under the default budget', async () => {
    const bomb = deflateBombPdf(1024);
    expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      expect(await checkPdf(await file('bomb.pdf', bomb))).toEqual({ verdict: 'budget' });
    } finally {
      clearInterval(watch);
    }
    // The worker stopped at its buffer budget (the platform's inflater is cut off there too; it
    // used to inflate the whole gibibyte into chunks first), far below what the file asks for.
    const grewMb = (peak - rssBefore) / 1024 / 1024;
    console.log(`deflate bomb: process grew by at most ${Math.round(grewMb)} MiB`);
    expect(grewMb).toBeLessThan((2 * DEFAULT_PDF_BUDGET.maxBufferBytes) / 1024 / 1024);
  }, 180_000);

  it('refuses a bomb on the last page, deflated twice so that one inflate does not show it', async () => {
    const bomb = nestedBombPdf(1024);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await checkPdf(await file('nested-bomb.pdf', bomb))).toEqual({ verdict: 'budget' });
  }, 120_000);

  it('refuses a document that takes longer than its time budget', async () => {
    const slow = await checkPdf(join(CORPUS, 'tracemonkey.pdf'), {
      ...DEFAULT_PDF_BUDGET,
      timeoutMs: 1,
      msPerPage: 0,
    });
    expect(slow).toEqual({ verdict: 'budget' });
  }, 60_000);
});
