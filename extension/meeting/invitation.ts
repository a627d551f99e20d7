// Which meeting server and invitation a pasted link names: a join link (`<origin>/j/<token>`, as
// in the invitation letter or QR code) or a delegate's personal package link
// (`<origin>/p/<id>#i=<token>`), which carries the same invitation. Pure: unit-tested.
import { InvitationToken } from '../../shared/api';
import { httpUrl, parsePackageLink } from '../../shared/packages';

export interface InvitationAddress {
  /** The meeting server, e.g. `https://hop.example.vn`. */
  origin: string;
  token: string;
  /** The join link in its usual form (`<origin>/j/<token>`), the one remembered. */
  link: string;
}

const address = (origin: string, token: string): InvitationAddress => ({
  origin,
  token,
  link: `${origin}/j/${token}`,
});

export function parseInvitationLink(raw: string): InvitationAddress | null {
  const url = httpUrl(raw);
  if (!url) return null;
  const join = /^\/j\/([^/]+)\/?$/.exec(url.pathname);
  if (join) {
    const token = InvitationToken.safeParse(join[1]);
    return token.success ? address(url.origin, token.data) : null;
  }
  const pkg = parsePackageLink(raw);
  return pkg?.invitation ? address(pkg.origin, pkg.invitation) : null;
}
