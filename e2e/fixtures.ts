// Shared Playwright fixtures: Debian's Chromium, the built extension loaded unpacked, the stack's
// invitation links, and a screenshot helper that writes into docs/screenshots (SCREENSHOTS=1).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

/** Flags that keep Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export interface StackInfo {
  publicUrl: string;
  /** The stack's livekit-server: a server of a spec's own signs tokens and webhooks with these. */
  livekit: { url: string; apiKey: string; apiSecret: string };
  links: { label: string; url: string }[];
}

export function stack(): StackInfo {
  return JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, `.artifacts/stack-${process.env.E2E_PORT ?? 18080}.json`),
      'utf8',
    ),
  ) as StackInfo;
}

export function link(label: string): string {
  const found = stack().links.find((l) => l.label.includes(label));
  if (!found) throw new Error(`no demo link for ${label}`);
  return found.url;
}

/** Launches Chromium with the built extension in a persistent profile. */
export async function launchWithExtension(userDataDir?: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(
    userDataDir ?? mkdtempSync(join(tmpdir(), 'hdnd-profile-')),
    {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        ...CHROMIUM_ARGS,
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
      ],
    },
  );
}

export async function extensionId(context: BrowserContext): Promise<string> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return new URL(worker.url()).host;
}

/**
 * Saves the README's screenshot `name` — only when asked (`SCREENSHOTS=1 npx playwright test`):
 * they are documentation, not assertions, and writing them costs suite time and dirties the tree.
 */
export async function screenshot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  await page.screenshot({
    path: resolve(import.meta.dirname, '../docs/screenshots', `${name}.png`),
    fullPage: true,
  });
}

export { expect, test } from '@playwright/test';
