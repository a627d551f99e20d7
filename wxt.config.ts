// WXT build of the delegate's briefcase extension (MV3). Source lives in extension/.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/** pdf.js's data files (CJK character maps, standard fonts, image decoders) shipped as-is. */
const PDFJS_DATA = ['cmaps', 'standard_fonts', 'wasm'];

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Cặp tài liệu HĐND',
    description:
      'Cặp tài liệu của đại biểu HĐND: tài liệu kỳ họp, ghi chú, tìm kiếm, họp trực tuyến. / The council delegate’s briefcase.',
    default_locale: undefined,
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'contextMenus',
      'sidePanel',
      'activeTab',
      // The background package update runs pdf.js in an offscreen document (extension/packages).
      'offscreen',
    ],
    // Asked for one site at a time, when the delegate saves a PDF from a web address.
    optional_host_permissions: ['<all_urls>'],
    action: { default_title: 'Cặp tài liệu HĐND' },
  },
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const dir of PDFJS_DATA) {
        const from = resolve(import.meta.dirname, 'node_modules/pdfjs-dist', dir);
        for (const name of readdirSync(from)) {
          files.push({ absoluteSrc: resolve(from, name), relativeDest: `pdfjs/${dir}/${name}` });
        }
      }
    },
  },
});
