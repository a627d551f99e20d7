-- Webhook ids are now kept 48 hours (late deliveries up to a day are accepted), so the table holds
-- every LiveKit event of two days; the periodic prune deletes by received_at and needs an index.
CREATE INDEX webhook_events_received_at ON webhook_events (received_at);
