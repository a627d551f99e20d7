// Test helpers: the shared PDF corpus (../shared/corpus) and its MANIFEST, a fresh briefcase
// database on fake-indexeddb, and pdf.js's legacy build for Node.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openBriefcaseDb, type BriefcaseDb } from '../db/db';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../../shared/corpus');
export const CORPUS_PDFS = resolve(CORPUS_DIR, 'pdfs');

export interface ManifestRow {
  file: string;
  pages: number;
  bytes: number;
  hasText: boolean;
}

export function readManifest(): ManifestRow[] {
  const [header, ...lines] = readFileSync(resolve(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8')
    .trim()
    .split('\n');
  const cols = header!.split('\t');
  const at = (name: string) => cols.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      file: cells[at('file')]!,
      pages: Number(cells[at('pages')]),
      bytes: Number(cells[at('bytes')]),
      hasText: cells[at('has_text')] === 'yes',
    };
  });
}

export function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(CORPUS_PDFS, file)));
}

let dbCounter = 0;
export function freshDb(): BriefcaseDb {
  return openBriefcaseDb(`briefcase-test-${process.pid}-${++dbCounter}`, {
    indexedDB,
    IDBKeyRange,
  });
}

export async function nodePdfJs() {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}
