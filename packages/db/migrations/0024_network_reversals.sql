-- Reversals the card network did not take when the engine sent them (store and forward, as
-- jPOS's SAF keeps its advices): each kept until the network takes it, tried again by the
-- server's scheduler with a growing wait. One row per network reference (one per request key).
CREATE TABLE "network_reversal" (
  "ref" text PRIMARY KEY,
  "kept_at" timestamptz NOT NULL,
  "attempts" integer NOT NULL DEFAULT 0,
  "next_attempt_at" timestamptz NOT NULL,
  "reversed_at" timestamptz,
  CONSTRAINT "network_reversal_attempts" CHECK ("attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX "network_reversal_due" ON "network_reversal" ("next_attempt_at")
  WHERE "reversed_at" IS NULL;
