// Content script on package links (`…/p/<id>`): when the page is a meeting server's package page
// (it carries <meta name="hdnd-package">), offer "Thêm vào cặp tài liệu"; the click opens the
// package page of the extension, which subscribes with the link (invitation fragment included).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SUBSCRIBE_MESSAGE } from '../packages/messages';

export default defineContentScript({
  matches: ['*://*/p/*'],
  runAt: 'document_idle',
  main() {
    if (!document.querySelector('meta[name="hdnd-package"]')) return;
    const bar = document.createElement('div');
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', 'Cặp tài liệu HĐND');
    Object.assign(bar.style, {
      position: 'fixed',
      insetInline: '0',
      bottom: '0',
      padding: '12px',
      background: '#a4161a',
      color: '#fff',
      font: '16px system-ui, sans-serif',
      display: 'flex',
      gap: '12px',
      alignItems: 'center',
      justifyContent: 'center',
      zIndex: '2147483647',
    });
    const text = document.createElement('span');
    text.textContent = 'Cặp tài liệu HĐND: tải bộ tài liệu này để đọc cả khi không có mạng.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Thêm vào cặp tài liệu / Add to briefcase';
    button.addEventListener('click', () => {
      void browser.runtime.sendMessage({ type: SUBSCRIBE_MESSAGE, url: location.href });
    });
    bar.append(text, button);
    document.body.append(bar);
  },
});
