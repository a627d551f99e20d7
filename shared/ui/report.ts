// What the shared meeting components need from a client's live meeting (`Participant`), and how
// they tell the person what happened: the client's own feedback line (`report`); errors are the
// server's message, or the network one.
import type { Role } from '../domain';
import type { MeetingState } from '../meeting';
import { ClientError, type MeetingCalls } from '../meeting-client';
import { word, type Lang } from '../meeting-words';

export type Report = (kind: 'ok' | 'error', text: string) => void;

/** The person in the meeting, as the shared components need them (each client's live meeting). */
export interface Participant {
  identity: string;
  role: Role;
  api: Pick<
    MeetingCalls,
    'raiseHand' | 'lowerHand' | 'confirmRollCall' | 'myBallot' | 'castBallot'
  >;
  /** Applies the state the server answered with. */
  accept: (s: MeetingState) => void;
  /** Server − client clock, ms, for timers. */
  offset: { value: number };
  /** The client's feedback line. */
  report: Report;
  /** Changes after each reconnect: components re-read from the server what they hold (my ballot). */
  resync?: { value: number };
}

export const errorText = (e: unknown, lang: Lang) =>
  e instanceof ClientError ? e.message : word(lang, 'networkError');

/** Runs an action, reporting its success message or its error; resolves to the result or null. */
export async function act<T>(
  lang: Lang,
  report: Report,
  run: () => Promise<T>,
  ok?: string,
): Promise<T | null> {
  try {
    const out = await run();
    if (ok) report('ok', ok);
    return out;
  } catch (e) {
    report('error', errorText(e, lang));
    return null;
  }
}
