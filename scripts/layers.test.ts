// The layer rules of eslint.config.js catch an import from a lower layer to a higher one: each case
// lints one import, as if written in the named file, with the repository's own configuration.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, from: string): Promise<string[]> {
  const code = `import { x } from '${from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const refused: [string, string][] = [
  ['extension/base/i18n.ts', '../ui/BriefcaseApp'],
  ['extension/base/router.ts', '../notes/notes'],
  ['extension/db/db.ts', '../import/importer'],
  ['extension/notes/NotesPage.tsx', '../ui/BriefcaseApp'],
  ['extension/search/SearchBox.tsx', '../ui/library/LibraryPage'],
  ['extension/meeting/RoomView.tsx', '../entrypoints/sidepanel/main'],
  ['shared/meeting-connection.ts', '../extension/base/i18n'],
  ['shared/ui/VotePanel.tsx', '../../meeting-server/web/src/i18n'],
  ['meeting-server/web/src/components/Stage.tsx', '../Room'],
  ['meeting-server/web/src/live.ts', '../../src/app'],
];

const allowed: [string, string][] = [
  ['extension/base/i18n.ts', '../../shared/meeting-words'],
  ['extension/notes/NotesPage.tsx', '../base/i18n'],
  ['extension/notes/NotesPage.tsx', '../search/SearchBox'],
  ['extension/ui/BriefcaseApp.tsx', '../notes/NotesPage'],
  ['extension/ui/viewer/ViewerPage.tsx', '../../export/ExportButtons'],
  ['shared/ui/VotePanel.tsx', '../meeting-words'],
  ['meeting-server/web/src/Room.tsx', './components/Stage'],
];

describe('layer rules', () => {
  it.each(refused)('%s may not import %s', async (file, from) => {
    expect(await ruleIdsFor(file, from)).toContain('no-restricted-imports');
  });

  it.each(allowed)('%s may import %s', async (file, from) => {
    expect(await ruleIdsFor(file, from)).not.toContain('no-restricted-imports');
  });

  it('a test file may reach across layers (fixtures from the shell)', async () => {
    expect(await ruleIdsFor('extension/db/records.test.ts', '../ui/library/filter-sort')).toEqual(
      [],
    );
  });
});
