// Refuses a request body by its announced size, before a byte of it is read: body-parser would
// otherwise read (and discard) the whole upload before answering 413, so a client announcing
// 1 GB held the connection until it had sent it all. The 413 closes the connection.
import type { RequestHandler } from 'express';
import { ErrorCode } from '../../../shared/errors';
import { HttpError } from './errors';

export const bodyTooLarge = (limitBytes: number) =>
  new HttpError(
    413,
    ErrorCode.payloadTooLarge,
    `Nội dung gửi lên quá lớn (tối đa ${Math.ceil(limitBytes / 1024)} KB). Hãy rút gọn rồi gửi lại.`,
    `The request body is too large (at most ${Math.ceil(limitBytes / 1024)} KB). Shorten it and send it again.`,
  );

/** 413 at once when Content-Length exceeds `limitBytes` (chunked bodies are left to the parser). */
export function refuseDeclaredOver(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.get('content-length'));
    next(Number.isFinite(declared) && declared > limitBytes ? bodyTooLarge(limitBytes) : undefined);
  };
}
