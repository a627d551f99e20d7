// Unit tests of remembering the invitation in the extension's storage (WXT's fake browser).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetInvitation, rememberInvitation, rememberedInvitation } from './remember';

const LINK = 'https://hop.hdnd.vn/j/eyJpZCI6ImFiYyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('remembered invitation', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a pasted invitation for next time and forgets it on request', async () => {
    const store = fakeBrowser.storage.local;
    expect(await rememberedInvitation(store)).toBeNull();
    expect((await rememberInvitation(store, ` ${LINK} `))?.link).toBe(LINK);
    expect((await rememberedInvitation(store))?.origin).toBe('https://hop.hdnd.vn');
    await forgetInvitation(store);
    expect(await rememberedInvitation(store)).toBeNull();
  });

  it('does not overwrite the remembered invitation with something that is not one', async () => {
    const store = fakeBrowser.storage.local;
    await rememberInvitation(store, LINK);
    expect(await rememberInvitation(store, 'https://hop.hdnd.vn/p/abc')).toBeNull();
    expect((await rememberedInvitation(store))?.link).toBe(LINK);
  });
});
