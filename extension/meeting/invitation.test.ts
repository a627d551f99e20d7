// Unit tests of reading a pasted invitation: join links, personal package links, and what is not one.
import { describe, expect, it } from 'vitest';
import { parseInvitationLink } from './invitation';

const TOKEN = 'eyJpZCI6ImFiYyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';

describe('parseInvitationLink', () => {
  it('reads a join link, with spaces around it as pasted from a letter', () => {
    expect(parseInvitationLink(`  https://hop.hdnd.vn/j/${TOKEN}\n`)).toEqual({
      origin: 'https://hop.hdnd.vn',
      token: TOKEN,
      link: `https://hop.hdnd.vn/j/${TOKEN}`,
    });
    expect(parseInvitationLink(`http://127.0.0.1:3000/j/${TOKEN}/`)?.origin).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it('reads the invitation inside a personal package link', () => {
    expect(parseInvitationLink(`https://hop.hdnd.vn/p/pkg_123456#i=${TOKEN}`)).toEqual({
      origin: 'https://hop.hdnd.vn',
      token: TOKEN,
      link: `https://hop.hdnd.vn/j/${TOKEN}`,
    });
  });

  it('refuses what is not an invitation', () => {
    expect(parseInvitationLink('')).toBeNull();
    expect(parseInvitationLink('Trần Thị Bình')).toBeNull();
    expect(parseInvitationLink(`ftp://hop.hdnd.vn/j/${TOKEN}`)).toBeNull();
    expect(parseInvitationLink('https://hop.hdnd.vn/j/not-a-token')).toBeNull();
    expect(parseInvitationLink(`https://hop.hdnd.vn/x/${TOKEN}`)).toBeNull();
    // A public package link has no invitation in it.
    expect(parseInvitationLink('https://hop.hdnd.vn/p/pkg_123456')).toBeNull();
  });
});
