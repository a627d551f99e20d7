// The staff app's one feedback line (aria-live): every action reports success or what went wrong.
import { signal } from '@preact/signals';
import { act as sharedAct, errorText as sharedErrorText } from '../../../../shared/ui/report';
import { lang } from './i18n';

export const notice = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);

export function notify(kind: 'ok' | 'error', text: string) {
  notice.value = { kind, text };
}

export const errorText = (e: unknown) => sharedErrorText(e, lang.value);

/** Runs an action, reporting its success message or its error; resolves to the result or null. */
export const act = <T>(run: () => Promise<T>, ok?: string): Promise<T | null> =>
  sharedAct(lang.value, notify, run, ok);
