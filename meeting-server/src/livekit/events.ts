// The LiveKit webhook events the server acts on: a member's join or leave (attendance/webhook.ts).
// LiveKit is configured to send only these (livekit/local-server.ts, docs/deploy.md), so the two
// lists cannot drift apart. A leaf module, so the LiveKit launcher does not load the server.
export const ATTENDANCE_EVENTS = [
  'participant_joined',
  'participant_left',
  'participant_connection_aborted',
] as const;
