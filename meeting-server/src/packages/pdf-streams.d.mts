// Types of pdf-streams.mjs (plain JavaScript so the check's worker runs it anywhere).
export class OverBudget extends RangeError {}
export function filtersOf(dict: string): string[];
export function lzwDecode(input: Uint8Array, budget: number, early?: number): Uint8Array;
export function decodeChain(raw: Uint8Array, filters: string[], budget: number): Uint8Array | null;
export function decodeAllStreams(data: Buffer, maxBytes: number): number;
