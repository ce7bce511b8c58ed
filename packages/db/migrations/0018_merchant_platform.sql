-- The merchant platform and ops console: who may sign in (merchant users, staff, merchant API
-- keys), their sessions, Stripe-style idempotency keys, the append-only audit log, the one table
-- of applications every reviewed change goes through, and the merchant's in-app notifications.
CREATE TABLE "merchant_user" (
  "id" uuid PRIMARY KEY,
  "merchant_id" uuid NOT NULL REFERENCES "merchant"("id"),
  "phone" text NOT NULL,
  "name" text NOT NULL,
  "role" text NOT NULL,
  "password_hash" text NOT NULL,
  "status" text NOT NULL,
  "failed_logins" integer DEFAULT 0 NOT NULL,
  "locked_until" timestamp with time zone,
  "created_at" timestamp with time zone NOT NULL,
  CONSTRAINT "merchant_user_phone_format" CHECK ("phone" ~ '^1[0-9]{10}$'),
  CONSTRAINT "merchant_user_role_known" CHECK ("role" IN ('owner', 'cashier')),
  CONSTRAINT "merchant_user_status_known" CHECK ("status" IN ('active', 'disabled'))
);
--> statement-breakpoint
-- A phone signs in to one merchant at a time; a closed merchant's users are disabled, so the same
-- person can apply again as a new merchant with the same phone.
CREATE UNIQUE INDEX "merchant_user_phone_active" ON "merchant_user" ("phone")
  WHERE "status" = 'active';
--> statement-breakpoint
CREATE INDEX "merchant_user_merchant_idx" ON "merchant_user" ("merchant_id");
--> statement-breakpoint
CREATE TABLE "staff_user" (
  "id" uuid PRIMARY KEY,
  "username" text NOT NULL UNIQUE,
  "name" text NOT NULL,
  "roles" text[] NOT NULL,
  "password_hash" text NOT NULL,
  "status" text NOT NULL,
  "failed_logins" integer DEFAULT 0 NOT NULL,
  "locked_until" timestamp with time zone,
  "created_at" timestamp with time zone NOT NULL,
  CONSTRAINT "staff_user_roles_known" CHECK (
    cardinality("roles") > 0
    AND "roles" <@ ARRAY['reviewer', 'support', 'ops', 'finance', 'admin']::text[]),
  CONSTRAINT "staff_user_status_known" CHECK ("status" IN ('active', 'disabled'))
);
--> statement-breakpoint
-- A session is found by the SHA-256 of its cookie's token; the token itself is never stored.
CREATE TABLE "user_session" (
  "token_hash" text PRIMARY KEY,
  "user_kind" text NOT NULL,
  "user_id" uuid NOT NULL,
  "merchant_id" uuid REFERENCES "merchant"("id"),
  "csrf_token" text NOT NULL,
  "ip" text,
  "created_at" timestamp with time zone NOT NULL,
  "last_seen_at" timestamp with time zone NOT NULL,
  "expires_at" timestamp with time zone NOT NULL,
  CONSTRAINT "user_session_kind_known" CHECK ("user_kind" IN ('merchant', 'staff')),
  CONSTRAINT "user_session_merchant" CHECK (("user_kind" = 'merchant') = ("merchant_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "user_session_user_idx" ON "user_session" ("user_kind", "user_id");
--> statement-breakpoint
-- A merchant's secret key for server-to-server calls: `sk_<prefix>_<secret>`; the SHA-256 of the
-- whole key is stored, the prefix finds it.
CREATE TABLE "api_key" (
  "id" uuid PRIMARY KEY,
  "merchant_id" uuid NOT NULL REFERENCES "merchant"("id"),
  "name" text NOT NULL,
  "prefix" text NOT NULL UNIQUE,
  "secret_hash" text NOT NULL,
  "created_at" timestamp with time zone NOT NULL,
  "last_used_at" timestamp with time zone,
  "revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "api_key_merchant_idx" ON "api_key" ("merchant_id");
--> statement-breakpoint
-- Stripe semantics: the first answer to (owner, key) is kept with the hash of its request; the
-- same key and body get that answer again, another body is refused.
CREATE TABLE "idempotency_key" (
  "owner" text NOT NULL,
  "key" text NOT NULL,
  "request_hash" text NOT NULL,
  "status_code" integer NOT NULL,
  "response_body" jsonb NOT NULL,
  "created_at" timestamp with time zone NOT NULL,
  PRIMARY KEY ("owner", "key")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
  "id" uuid PRIMARY KEY,
  "at" timestamp with time zone NOT NULL,
  "actor_kind" text NOT NULL,
  "actor_id" uuid,
  "actor_name" text NOT NULL,
  "merchant_id" uuid,
  "action" text NOT NULL,
  "object_type" text NOT NULL,
  "object_id" text NOT NULL,
  "ip" text,
  "detail" jsonb NOT NULL,
  CONSTRAINT "audit_actor_kind_known" CHECK (
    "actor_kind" IN ('merchant_user', 'staff', 'api_key', 'applicant', 'system'))
);
--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at");
--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" ("object_type", "object_id");
--> statement-breakpoint
CREATE INDEX "audit_log_merchant_idx" ON "audit_log" ("merchant_id", "at");
--> statement-breakpoint
CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = '23514';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- Every change a merchant or applicant asks for, and every staff change that needs a second
-- person: submitted → approved | rejected | withdrawn, approved → executed. The reviewer is never
-- the submitter.
CREATE TABLE "application" (
  "id" uuid PRIMARY KEY,
  "application_no" text NOT NULL UNIQUE,
  "kind" text NOT NULL,
  "merchant_id" uuid REFERENCES "merchant"("id"),
  "status" text NOT NULL,
  "reason" text NOT NULL,
  "payload" jsonb NOT NULL,
  "submitted_by_kind" text NOT NULL,
  "submitted_by" uuid,
  "submitted_at" timestamp with time zone NOT NULL,
  "reviewed_by" uuid,
  "reviewed_at" timestamp with time zone,
  "review_comment" text,
  "withdrawn_at" timestamp with time zone,
  "executed_at" timestamp with time zone,
  "result" jsonb,
  CONSTRAINT "application_kind_known" CHECK ("kind" IN (
    'onboarding', 'deregistration', 'service_revocation', 'service_activation',
    'terminal_replacement', 'terminal_return', 'rate_change')),
  CONSTRAINT "application_status_known" CHECK (
    "status" IN ('submitted', 'approved', 'rejected', 'withdrawn', 'executed')),
  CONSTRAINT "application_submitter_kind_known" CHECK (
    "submitted_by_kind" IN ('merchant_user', 'staff', 'api_key', 'applicant')),
  CONSTRAINT "application_reviewer_not_submitter" CHECK (
    "reviewed_by" IS NULL OR "submitted_by" IS NULL OR "reviewed_by" <> "submitted_by"),
  CONSTRAINT "application_reviewed" CHECK (
    ("status" IN ('approved', 'rejected', 'executed')) = ("reviewed_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "application_merchant_idx" ON "application" ("merchant_id", "submitted_at");
--> statement-breakpoint
CREATE INDEX "application_queue_idx" ON "application" ("kind", "status", "submitted_at");
--> statement-breakpoint
-- One open deregistration per merchant at a time.
CREATE UNIQUE INDEX "application_one_open_deregistration" ON "application" ("merchant_id")
  WHERE "kind" = 'deregistration' AND "status" IN ('submitted', 'approved');
--> statement-breakpoint
CREATE TABLE "notification" (
  "id" uuid PRIMARY KEY,
  "merchant_id" uuid NOT NULL REFERENCES "merchant"("id"),
  "at" timestamp with time zone NOT NULL,
  "kind" text NOT NULL,
  "title" text NOT NULL,
  "body" text NOT NULL,
  "detail" jsonb NOT NULL,
  "read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "notification_merchant_idx" ON "notification" ("merchant_id", "at");
--> statement-breakpoint
-- 申请编号 sequence: the application number is the kind's letter, the date and this.
CREATE SEQUENCE "application_no_seq" START WITH 1 MAXVALUE 999999 CYCLE;
