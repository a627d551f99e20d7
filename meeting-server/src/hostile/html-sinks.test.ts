// Every user interface (the briefcase extension, the meeting web client, the shared components)
// renders user text as text: Preact text nodes, never HTML. This test keeps it so by failing on any
// HTML sink in their source (innerHTML, dangerouslySetInnerHTML, insertAdjacentHTML, …), so names,
// petitions, agenda items, motions, document titles and reasons can never be injected as markup.
// The browser checks of the same are e2e/meeting-voter.spec.ts.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const UI_FOLDERS = ['extension', 'meeting-server/web/src', 'shared'];
const SINKS =
  /dangerouslySetInnerHTML|\.(inner|outer)HTML\s*=(?!=)|insertAdjacentHTML|document\.write(ln)?\(|\bsrcdoc\b|createContextualFragment/;

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist' && !entry.name.startsWith('.')) {
        out.push(...(await sources(path)));
      }
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

describe('user interfaces', () => {
  it('never inject text as HTML (no HTML sink in any UI source file)', async () => {
    const files = (await Promise.all(UI_FOLDERS.map((f) => sources(join(ROOT, f))))).flat();
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (SINKS.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the pattern catches the sinks it is meant to catch', () => {
    for (const line of [
      'el.innerHTML = title;',
      '<div dangerouslySetInnerHTML={{ __html: text }} />',
      "li.insertAdjacentHTML('beforeend', name)",
      'document.write(x)',
      'frame.srcdoc = html',
    ]) {
      expect(SINKS.test(line), line).toBe(true);
    }
    expect(SINKS.test('if (el.innerHTML === "") return;')).toBe(false);
  });
});
