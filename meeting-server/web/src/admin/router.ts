// The staff app's routes: the page path under /admin as a signal, changed without reloading.
import { signal } from '@preact/signals';

export const path = signal(location.pathname);

window.addEventListener('popstate', () => {
  path.value = location.pathname;
});

/** Opens another page of the app (keeps history, so Back works). */
export function go(to: string) {
  if (to === path.value) return;
  history.pushState(null, '', to);
  path.value = to;
  window.scrollTo(0, 0);
}
