// Messages between the package-link content script and the background.
export const SUBSCRIBE_MESSAGE = 'hdnd-package-subscribe';

/** The extension page that subscribes to `link` (the package page with ?subscribe=…). */
export const subscribePageUrl = (getURL: (path: '/packages.html') => string, link: string) =>
  `${getURL('/packages.html')}?subscribe=${encodeURIComponent(link)}`;
