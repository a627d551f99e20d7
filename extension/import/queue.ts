// The import queue behind the library's import panel: many files (picker, drop) or a URL, imported
// one after another, each with its own progress and outcome as a signal the UI renders. A password
// prompt is a pending request the UI answers. Plain module: tested in Node with the corpus.
import { signal } from '@preact/signals';
import type { PasswordReason } from './pdf-read';
import {
  failure,
  importFromUrl,
  importPdf,
  type ImportDeps,
  type ImportOutcome,
  type ImportProgress,
} from './importer';

export interface QueueFile {
  name: string;
  size: number;
  bytes: () => Promise<Uint8Array>;
}

export type QueueStatus = 'waiting' | 'working' | 'imported' | 'duplicate' | 'failed';

export interface QueueItem {
  key: number;
  fileName: string;
  status: QueueStatus;
  progress?: ImportProgress;
  outcome?: ImportOutcome;
}

export interface PasswordRequest {
  fileName: string;
  reason: PasswordReason;
  answer: (password: string | null) => void;
}

export type QueueDeps = Omit<ImportDeps, 'onProgress' | 'askPassword'> & { fetch?: typeof fetch };

export class ImportQueue {
  readonly items = signal<QueueItem[]>([]);
  readonly passwordRequest = signal<PasswordRequest | null>(null);
  private chain: Promise<void> = Promise.resolve();
  private nextKey = 1;

  constructor(private readonly deps: QueueDeps) {}

  /** Queues files; resolves when they have all been handled. */
  addFiles(files: readonly QueueFile[], extra: { sessionId?: string; agendaItemId?: string } = {}) {
    for (const file of files) {
      const key = this.push(file.name);
      this.enqueue(key, async () => {
        let bytes: Uint8Array;
        try {
          bytes = await file.bytes();
        } catch (error) {
          return failure('unknown', error instanceof Error ? error.message : String(error));
        }
        return importPdf(
          { fileName: file.name, bytes, source: { kind: 'file' }, ...extra },
          this.importDeps(key, file.name),
        );
      });
    }
    return this.idle();
  }

  addUrl(url: string, kind: 'url' | 'tab') {
    const key = this.push(url);
    this.enqueue(key, () =>
      importFromUrl(url, kind, { ...this.importDeps(key, url), fetch: this.deps.fetch }),
    );
    return this.idle();
  }

  idle(): Promise<void> {
    return this.chain;
  }

  clearFinished(): void {
    this.items.value = this.items.value.filter(
      (i) => i.status === 'waiting' || i.status === 'working',
    );
  }

  private push(fileName: string): number {
    const key = this.nextKey++;
    this.items.value = [...this.items.value, { key, fileName, status: 'waiting' }];
    return key;
  }

  private patch(key: number, patch: Partial<QueueItem>) {
    this.items.value = this.items.value.map((i) => (i.key === key ? { ...i, ...patch } : i));
  }

  private importDeps(key: number, fileName: string): ImportDeps {
    return {
      ...this.deps,
      onProgress: (progress) => this.patch(key, { progress }),
      askPassword: (reason) =>
        new Promise<string | null>((resolve) => {
          this.passwordRequest.value = {
            fileName,
            reason,
            answer: (password) => {
              this.passwordRequest.value = null;
              resolve(password);
            },
          };
        }),
    };
  }

  private enqueue(key: number, run: () => Promise<ImportOutcome>) {
    this.chain = this.chain.then(async () => {
      this.patch(key, { status: 'working' });
      let outcome: ImportOutcome;
      try {
        outcome = await run();
      } catch (error) {
        outcome = failure('unknown', error instanceof Error ? error.message : String(error));
      }
      this.patch(key, {
        status: outcome.status,
        outcome,
        ...(outcome.status === 'failed' ? {} : { progress: { stage: 'saving', fraction: 1 } }),
      });
    });
  }
}
