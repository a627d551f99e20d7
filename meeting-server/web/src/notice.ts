// The one feedback line of the page: every action reports success or what went wrong here (an
// aria-live region announces it). Success messages fade after a while; errors stay until replaced.
import { signal } from '@preact/signals';
import { act as sharedAct, errorText as sharedErrorText } from '../../../shared/ui/report';
import { lang } from './i18n';

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

export const errorText = (e: unknown) => sharedErrorText(e, lang.value);

/** Runs an action, reporting its success message or its error; resolves to the result or null. */
export const act = <T>(run: () => Promise<T>, ok?: string): Promise<T | null> =>
  sharedAct(lang.value, notify, run, ok);
