// Sends a file as the body of a route that takes one (a contract with `upload`), with upload
// progress: fetch cannot report it, so this uses XMLHttpRequest, still through the contract's
// method and path (shared/api-client pathOf), the session cookie and the CSRF token; the answer
// is checked against the contract's schema and errors are the server's bilingual message.
import { CSRF_HEADER } from '../../../../shared/admin';
import { pathOf, type Answer, type CallArgs } from '../../../../shared/api-client';
import { ApiError } from '../../../../shared/errors';
import { ClientError } from '../../../../shared/meeting-client';
import type { RouteContract } from '../../../../shared/routes/route';
import type { z } from '../../../../shared/zod';
import { csrfToken } from './api';
import { lang } from './i18n';

const say = (vi: string, en: string) => (lang.value === 'vi' ? vi : en);

/** Uploads `file` as the body of route `c` (a JSON-answering contract), reporting progress 0…1. */
export function uploadFile<C extends RouteContract>(
  c: C,
  args: Pick<CallArgs<C>, 'params' | 'query'>,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<Answer<C>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(c.method, pathOf(c, args));
    xhr.setRequestHeader('content-type', contentType);
    xhr.setRequestHeader(CSRF_HEADER, csrfToken());
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () =>
      reject(
        new ClientError(
          say(
            'Mất kết nối tới máy chủ khi đang tải tệp lên. Kiểm tra mạng rồi bấm "Thử lại".',
            'The connection to the server was lost during the upload. Check the network and press "Try again".',
          ),
          'network',
        ),
      );
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const err = ApiError.safeParse(body);
        reject(
          err.success
            ? new ClientError(err.data.message[lang.value], err.data.code, xhr.status)
            : new ClientError(
                say(
                  `Máy chủ báo lỗi (HTTP ${xhr.status}). Thử lại sau ít phút.`,
                  `The server answered with an error (HTTP ${xhr.status}). Try again in a few minutes.`,
                ),
                'http',
                xhr.status,
              ),
        );
        return;
      }
      const parsed = (c.response as z.ZodType).safeParse(body);
      if (parsed.success) resolve(parsed.data as Answer<C>);
      else {
        reject(
          new ClientError(
            say(
              'Máy chủ trả lời không đúng định dạng. Tải lại trang rồi thử lại.',
              'The server sent an unexpected answer. Reload the page and try again.',
            ),
            'bad_response',
            xhr.status,
          ),
        );
      }
    };
    xhr.send(file);
  });
}
