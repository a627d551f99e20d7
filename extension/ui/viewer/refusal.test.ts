// The message of a refused edit says why, what to do, what was typed, and links to the record.
import { describe, expect, test } from 'vitest';
import type { Annotation } from '../../db/db';
import { refusalNotice } from './refusal';

const comment = (docId: string, body: string): Annotation => ({
  id: 'c 1',
  docId,
  kind: 'comment',
  color: 'yellow',
  body,
  draftComment: true,
  target: { pageIndex: 0, rects: [] },
  createdAt: 1,
  updatedAt: 1,
});

describe('refusalNotice', () => {
  test('changed on the new version: not saved, what was typed, a link to it there', () => {
    const n = refusalNotice(
      {
        id: 'c 1',
        reason: 'changed',
        current: comment('v3', 'ba'),
        tried: comment('v2', 'hai'),
      },
      'v2',
    );
    expect(n.text).toContain('đã chuyển sang bản mới và vừa được sửa ở đó');
    expect(n.text).toContain('Hãy mở bản mới và sửa ở đó.');
    expect(n.text).toContain('Nội dung bạn vừa gõ (chưa lưu, hãy sao chép nếu cần): “hai”');
    expect(n.href).toBe('#/doc/v3?ann=c+1');
  });

  test('changed in another tab on this version, or deleted: no link, the text still shown', () => {
    const here = refusalNotice(
      { id: 'c 1', reason: 'changed', current: comment('v2', 'ba'), tried: comment('v2', 'hai') },
      'v2',
    );
    expect(here.text).toContain('vừa được sửa ở thẻ khác');
    expect(here.text).toContain('“hai”');
    expect(here.href).toBeUndefined();
    const gone = refusalNotice(
      { id: 'c 1', reason: 'gone', current: null, tried: comment('v2', 'hai') },
      'v2',
    );
    expect(gone.text).toContain('vừa bị xoá ở thẻ khác');
  });

  test('nothing typed to keep (a deletion, the same text): only why and what to do', () => {
    const n = refusalNotice(
      { id: 'c 1', reason: 'moved', current: comment('v3', 'một'), tried: null },
      'v2',
    );
    expect(n.text).toBe(
      'Mục này đã được chuyển sang bản mới nên không sửa được ở bản cũ. Hãy mở bản mới để sửa.',
    );
    expect(n.href).toBe('#/doc/v3?ann=c+1');
  });
});
