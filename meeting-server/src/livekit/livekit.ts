// The meeting server's side of LiveKit: minting short-lived, room-scoped tokens with role-based
// grants, the RoomServiceClient for server-side actions, and the webhook receiver.
import { AccessToken, RoomServiceClient, WebhookReceiver } from 'livekit-server-sdk';
import type { Role } from '../../../shared/domain';
import { permissionFor, type Publishing } from '../floor/permissions';

export interface LiveKitConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** Lifetime of the tokens minted on join and refresh (LIVEKIT_TOKEN_TTL_SECONDS); default 600. */
  tokenTtlSeconds?: number;
}

export interface TokenRequest {
  identity: string;
  name: string;
  room: string;
  role: Role;
  /** Publishes because of who they are (members of the body, chair, secretary): every source. */
  canPublish: boolean;
  /** Holds the floor now: a voter or guest then publishes the microphone alone. */
  onFloor?: boolean;
  /** What the state allows (floor/service.ts `publishingNow`); when given, it decides alone. */
  publishing?: Publishing;
  metadata?: Record<string, unknown>;
  /** Seconds; tokens are short-lived and refreshed while in the meeting. */
  ttlSeconds?: number;
}

export const TOKEN_TTL_SECONDS = 10 * 60;

export interface LiveKit {
  url: string;
  /** Lifetime of a minted token, seconds (participant sessions last half as long again). */
  tokenTtlSeconds: number;
  rooms: RoomServiceClient;
  webhooks: WebhookReceiver;
  mintToken(req: TokenRequest): Promise<{ token: string; expiresAt: Date }>;
}

/** Converts ws(s):// to http(s):// for the server API. */
export function httpUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

export function createLiveKit(config: LiveKitConfig, now: () => number = Date.now): LiveKit {
  const tokenTtlSeconds = config.tokenTtlSeconds ?? TOKEN_TTL_SECONDS;
  return {
    url: config.url,
    tokenTtlSeconds,
    rooms: new RoomServiceClient(httpUrl(config.url), config.apiKey, config.apiSecret),
    webhooks: new WebhookReceiver(config.apiKey, config.apiSecret),
    async mintToken(req) {
      const ttl = req.ttlSeconds ?? tokenTtlSeconds;
      const at = new AccessToken(config.apiKey, config.apiSecret, {
        identity: req.identity,
        name: req.name,
        ttl,
        metadata: JSON.stringify({ role: req.role, ...req.metadata }),
      });
      // Exactly the permission the room gives this participant now (floor/permissions.ts), so a
      // token never grants more than updateParticipant would.
      const p = req.publishing
        ? permissionFor(req.publishing)
        : permissionFor(req.canPublish, req.onFloor ?? false);
      at.addGrant({
        roomJoin: true,
        room: req.room,
        canSubscribe: p.canSubscribe,
        canPublish: p.canPublish,
        ...(p.canPublishSources.length ? { canPublishSources: p.canPublishSources } : {}),
        canPublishData: p.canPublishData,
        canUpdateOwnMetadata: p.canUpdateMetadata,
      });
      return { token: await at.toJwt(), expiresAt: new Date(now() + ttl * 1000) };
    },
  };
}

/** The invitation a participant joined with, from the metadata its token carries (or null). */
export function invitationOf(metadata: string | undefined): string | null {
  try {
    const m = JSON.parse(metadata ?? '') as { invitationId?: unknown };
    return typeof m.invitationId === 'string' ? m.invitationId : null;
  } catch {
    return null;
  }
}

/**
 * Removes from `room` everyone who joined with `invitationId` (a personal invitation is one
 * person; the public voter link, a whole hall); returns their identities. A room nobody has
 * joined yet has no one to remove.
 */
export async function removeJoinedWith(
  rooms: RoomServiceClient,
  room: string,
  invitationId: string,
): Promise<string[]> {
  let participants;
  try {
    participants = await rooms.listParticipants(room);
  } catch (err) {
    if (/not found|does not exist|not_found/i.test(String(err))) return [];
    throw err;
  }
  const leaving = participants.filter((p) => invitationOf(p.metadata) === invitationId);
  await Promise.all(leaving.map((p) => rooms.removeParticipant(room, p.identity)));
  return leaving.map((p) => p.identity);
}
