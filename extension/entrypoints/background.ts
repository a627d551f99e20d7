// Background service worker: thin wiring only — persistent storage, and the "Lưu vào cặp tài
// liệu" context-menu / toolbar items (extension/import/context-menu.ts), session package checks
// (extension/packages/background.ts).
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerSaveToBriefcase } from '../import/context-menu';
import { registerPackages } from '../packages/background';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void navigator.storage?.persist?.();
  });
  registerSaveToBriefcase(browser);
  registerPackages(browser);
});
