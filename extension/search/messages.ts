// Messages between the briefcase page and the search worker (same extension, typed, no zod needed:
// both ends are our own code in the same bundle).

export type IndexerRequest = { type: 'sync' };

export type IndexerReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; indexed: number; removed: number }
  | { type: 'error'; message: string };
