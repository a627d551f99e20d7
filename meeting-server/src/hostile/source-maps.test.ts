// Production builds publish no source maps (they would hand out the source, comments included,
// next to the minified code): the web client's Vite config turns them off, and whatever
// `npm run build` left in meeting-server/web/dist and .output/chrome-mv3 holds no map and no
// sourceMappingURL pointing at one.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import webConfig from '../../web/vite.config';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('source maps', () => {
  it('the web client is built without source maps', () => {
    expect(webConfig.build?.sourcemap ?? false).toBe(false);
  });

  it.each(['meeting-server/web/dist', '.output/chrome-mv3'])(
    'the last build in %s holds no source map',
    (dir) => {
      const at = join(root, dir);
      if (!existsSync(at)) return; // not built in this checkout: the config test above still holds
      const built = files(at);
      expect(built.filter((f) => f.endsWith('.map'))).toEqual([]);
      const mapped = built
        .filter((f) => /\.(js|css|html)$/.test(f))
        .filter((f) => readFileSync(f, 'utf8').includes('sourceMappingURL='));
      expect(mapped).toEqual([]);
    },
  );
});
