// The one feedback line of the page: every action reports success or what went wrong here (an
// aria-live region announces it). Success messages fade after a while; errors stay until replaced.
import { signal } from '@preact/signals';
import { ClientError } from './api';
import { t } from './i18n';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  id: number;
}

export const notice = signal<Notice | null>(null);
let seq = 0;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

export function notify(kind: Notice['kind'], text: string) {
  const id = ++seq;
  notice.value = { kind, text, id };
  clearTimeout(clearTimer);
  if (kind === 'ok') {
    clearTimer = setTimeout(() => {
      if (notice.value?.id === id) notice.value = null;
    }, 8000);
  }
}

export const errorText = (e: unknown) => (e instanceof ClientError ? e.message : t('networkError'));

/** Runs an action, reporting its success message or its error; resolves to the result or null. */
export async function act<T>(run: () => Promise<T>, ok?: string): Promise<T | null> {
  try {
    const out = await run();
    if (ok) notify('ok', ok);
    return out;
  } catch (e) {
    notify('error', errorText(e));
    return null;
  }
}
