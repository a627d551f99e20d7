// HTTP errors with a stable code and a bilingual message, plus the express error handler and the
// one helper that validates request input against a shared zod schema.
import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';
import { ErrorCode, type ApiError } from '../../../shared/errors';
import { NUL_MESSAGE, nulPath } from './input';
import { DatabaseUnavailableError } from '../db/database';

export class HttpError extends Error {
  /** Extra response headers (e.g. Retry-After on a 429). */
  headers?: Record<string, string>;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly vi: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(en);
    this.name = 'HttpError';
  }

  toBody(): ApiError {
    return {
      code: this.code,
      message: { vi: this.vi, en: this.en },
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export const badRequest = (vi: string, en: string, details?: unknown) =>
  new HttpError(400, ErrorCode.badRequest, vi, en, details);
export const notFound = (vi: string, en: string) => new HttpError(404, ErrorCode.notFound, vi, en);
export const forbidden = (vi: string, en: string) =>
  new HttpError(403, ErrorCode.forbidden, vi, en);

const isBilingual = (p: unknown): p is { vi: string; en: string } =>
  typeof (p as { vi?: unknown } | undefined)?.vi === 'string' &&
  typeof (p as { en?: unknown }).en === 'string';

/** Parses `value` with `schema` or throws a 400 listing what is wrong. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const nulAt = nulPath(value);
  if (nulAt !== undefined) {
    throw badRequest(NUL_MESSAGE.vi, NUL_MESSAGE.en, [
      { path: nulAt, message: 'contains a NUL character' },
    ]);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  // A check that says what is wrong in both languages (e.g. a typed name) speaks for itself.
  const own = result.error.issues.find((i) => i.code === 'custom' && isBilingual(i.params));
  if (own?.code === 'custom' && isBilingual(own.params)) {
    throw badRequest(own.params.vi, own.params.en, issues);
  }
  throw badRequest(
    'Dữ liệu gửi lên không hợp lệ. Kiểm tra lại các trường được nêu và gửi lại.',
    'The request is not valid. Check the listed fields and send it again.',
    issues,
  );
}

/** The database cannot be reached: nothing of this request is half-written; retrying is safe. */
export const databaseUnavailable = () =>
  new HttpError(
    503,
    ErrorCode.unavailable,
    'Máy chủ họp tạm thời không kết nối được cơ sở dữ liệu nên thao tác này có thể chưa được ghi nhận (không có gì được ghi dở dang). Vui lòng thử lại sau ít phút; gửi lại phiếu biểu quyết là an toàn, mỗi phiếu chỉ được tính một lần.',
    'The meeting server cannot reach its database right now, so this action may not have been saved (nothing is saved half-way). Please try again in a minute; sending a ballot again is safe, it is counted only once.',
  );

/** Last middleware: turns any error into `{ code, message }` without leaking internals. */
export function errorHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    // After a 413 the rest of the body is not wanted: close rather than read it all.
    if ((err as { status?: unknown }).status === 413) res.setHeader('Connection', 'close');
    if (err instanceof HttpError) {
      for (const [name, value] of Object.entries(err.headers ?? {})) res.setHeader(name, value);
      res.status(err.status).json(err.toBody());
      return;
    }
    if (err instanceof DatabaseUnavailableError) {
      log(err);
      res.setHeader('Retry-After', '5');
      res.status(503).json(databaseUnavailable().toBody());
      return;
    }
    const sqlState = (err as { code?: unknown }).code;
    if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
      // PostgreSQL refused a value (class 22, data exception): input that validation let through.
      // Logged, since it means a schema should be stricter; the client is told what to fix.
      log(err);
      res
        .status(400)
        .json(
          badRequest(
            'Dữ liệu gửi lên có giá trị máy chủ không lưu được (ví dụ ngày tháng ngoài phạm vi hoặc ký tự lạ). Kiểm tra lại rồi gửi lại.',
            'The request holds a value the server cannot store (for example a date out of range or a stray character). Check it and send it again.',
          ).toBody(),
        );
      return;
    }
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') {
      res
        .status(413)
        .json(
          new HttpError(
            413,
            ErrorCode.payloadTooLarge,
            'Nội dung gửi lên quá lớn.',
            'The request body is too large.',
          ).toBody(),
        );
      return;
    }
    if (e.type === 'entity.parse.failed') {
      res
        .status(400)
        .json(
          badRequest(
            'Nội dung gửi lên không phải JSON hợp lệ.',
            'The request body is not valid JSON.',
          ).toBody(),
        );
      return;
    }
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
      res
        .status(415)
        .json(
          new HttpError(
            415,
            ErrorCode.badRequest,
            'Hãy gửi JSON mã hóa UTF-8, không nén.',
            'Send the JSON encoded as UTF-8, uncompressed.',
          ).toBody(),
        );
      return;
    }
    if (e.status && e.status >= 400 && e.status < 500) {
      // Other client errors of the HTTP layer, e.g. a path that is not valid percent-encoded UTF-8.
      res
        .status(e.status)
        .json(
          new HttpError(
            e.status,
            ErrorCode.badRequest,
            'Yêu cầu không hợp lệ (địa chỉ hoặc nội dung bị hỏng). Kiểm tra lại liên kết rồi thử lại.',
            'The request is not valid (a damaged address or body). Check the link and try again.',
          ).toBody(),
        );
      return;
    }
    log(err);
    res
      .status(500)
      .json(
        new HttpError(
          500,
          ErrorCode.internal,
          'Máy chủ gặp lỗi. Vui lòng thử lại; nếu vẫn lỗi, báo cho văn phòng HĐND.',
          'The server hit an error. Please try again; if it persists, tell the council secretariat.',
        ).toBody(),
      );
  };
}
