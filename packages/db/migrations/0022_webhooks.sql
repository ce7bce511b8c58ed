-- Outgoing webhooks: a merchant's endpoints, and one delivery per notification and endpoint,
-- queued in the notification's own transaction (a trigger), sent and retried by the server.
CREATE TABLE "webhook_endpoint" (
  "id" uuid PRIMARY KEY,
  "merchant_id" uuid NOT NULL REFERENCES "merchant"("id"),
  "url" text NOT NULL,
  "secret" text NOT NULL,
  "events" text[] NOT NULL,
  "status" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL,
  "disabled_at" timestamp with time zone,
  CONSTRAINT "webhook_endpoint_url" CHECK ("url" ~ '^https?://'),
  CONSTRAINT "webhook_endpoint_status_known" CHECK ("status" IN ('active', 'disabled')),
  CONSTRAINT "webhook_endpoint_events" CHECK (cardinality("events") > 0)
);
--> statement-breakpoint
CREATE INDEX "webhook_endpoint_merchant_idx" ON "webhook_endpoint" ("merchant_id");
--> statement-breakpoint
CREATE TABLE "webhook_delivery" (
  "id" uuid PRIMARY KEY,
  "endpoint_id" uuid NOT NULL REFERENCES "webhook_endpoint"("id"),
  "merchant_id" uuid NOT NULL REFERENCES "merchant"("id"),
  "notification_id" uuid NOT NULL REFERENCES "notification"("id"),
  "event" text NOT NULL,
  "status" text NOT NULL,
  "attempts" integer DEFAULT 0 NOT NULL,
  "next_attempt_at" timestamp with time zone NOT NULL,
  "last_attempt_at" timestamp with time zone,
  "last_status_code" integer,
  "last_error" text,
  "created_at" timestamp with time zone NOT NULL,
  "delivered_at" timestamp with time zone,
  CONSTRAINT "webhook_delivery_status_known" CHECK (
    "status" IN ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "webhook_delivery_due_idx" ON "webhook_delivery" ("next_attempt_at")
  WHERE "status" = 'pending';
--> statement-breakpoint
CREATE INDEX "webhook_delivery_endpoint_idx" ON "webhook_delivery" ("endpoint_id", "created_at");
--> statement-breakpoint
-- Every notification is an event: queue it for each active endpoint of its merchant that takes
-- its kind (or '*'). The delivery's id is derived from the two ids, so it needs no id source.
CREATE FUNCTION queue_webhook_deliveries() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_delivery (id, endpoint_id, merchant_id, notification_id, event, status,
    next_attempt_at, created_at)
  SELECT md5(NEW.id::text || e.id::text)::uuid, e.id, NEW.merchant_id, NEW.id, NEW.kind,
    'pending', NEW.at, NEW.at
  FROM webhook_endpoint e
  WHERE e.merchant_id = NEW.merchant_id AND e.status = 'active'
    AND (NEW.kind = ANY (e.events) OR '*' = ANY (e.events));
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "notification_queues_webhooks" AFTER INSERT ON "notification"
  FOR EACH ROW EXECUTE FUNCTION queue_webhook_deliveries();
