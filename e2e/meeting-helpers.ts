// Helpers for the meeting-room specs: open a seeded room link in its own browser context (a phone
// for voters), join, and wait until the page is connected and holds the meeting state.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, link, screenshot } from './fixtures';
import { roomLabel, type RoomName, type RoomRole } from './meeting-seed';

export { PEOPLE } from './meeting-seed';

export const PHONE = { width: 360, height: 780 };

export interface Joined {
  page: Page;
  context: BrowserContext;
}

/** Opens `role`'s invitation to `room` in a fresh context and joins (a voter types `name`). */
export async function joinRoom(
  browser: Browser,
  room: RoomName,
  role: RoomRole,
  opts: { name?: string; ward?: string } = {},
): Promise<Joined> {
  const context = await browser.newContext({
    // The server's CSP forbids inline scripts; axe-core is injected inline by the tests only.
    bypassCSP: true,
    ...(role === 'voter' ? { viewport: PHONE, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await page.goto(link(roomLabel(room, role)));
  if (role === 'voter') {
    await page.getByLabel('Họ và tên').fill(opts.name ?? 'Cử tri Thử');
    if (opts.ward) await page.getByLabel(/Xã\/phường/).fill(opts.ward);
  }
  await page.getByRole('button', { name: 'Tham gia cuộc họp' }).click();
  await connected(page);
  return { page, context };
}

export async function connected(page: Page) {
  await expect(page.getByTestId('connection-state')).toHaveText('Đã kết nối');
  await expect(page.getByTestId('current-item')).toBeVisible();
}

/** Dismisses the feedback toast (it floats over the page) and saves a full-page screenshot. */
export async function cleanScreenshot(page: Page, name: string) {
  const close = page.getByTestId('notice').getByRole('button');
  if (await close.isVisible()) await close.click();
  await screenshot(page, name);
}

const AXE = readFileSync(
  resolve(import.meta.dirname, '../node_modules/axe-core/axe.min.js'),
  'utf8',
);

/** Runs axe-core in the page; returns the serious and critical violations (id and targets). */
export async function seriousViolations(page: Page) {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}
