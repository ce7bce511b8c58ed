-- Onboarding (进件) and terminal inventory: the applicant's private part of an onboarding
-- application (the digest of the token they follow it with, and the full numbers its payload
-- shows masked), the documents they upload, and the devices in stock, allocated, shipped and
-- delivered. Merchant numbers and terminal ids given at approval come from sequences.
CREATE TABLE "onboarding_applicant" (
  "application_id" uuid PRIMARY KEY REFERENCES "application"("id"),
  "token_hash" text NOT NULL,
  "phone" text NOT NULL,
  "id_card_no" text NOT NULL,
  "settlement_account_no" text NOT NULL,
  "merchant_id" uuid REFERENCES "merchant"("id"),
  "owner_user_id" uuid REFERENCES "merchant_user"("id"),
  "password_set_at" timestamp with time zone,
  "resubmitted_as" uuid REFERENCES "application"("id"),
  "created_at" timestamp with time zone NOT NULL,
  CONSTRAINT "onboarding_applicant_token_hash_format" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
  CONSTRAINT "onboarding_applicant_phone_format" CHECK ("phone" ~ '^1[3-9][0-9]{9}$'),
  -- The owner's password can only be set once the merchant and its owner exist.
  CONSTRAINT "onboarding_applicant_password_after_owner" CHECK (
    "password_set_at" IS NULL OR "owner_user_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "onboarding_document" (
  "id" uuid PRIMARY KEY,
  "application_id" uuid NOT NULL REFERENCES "application"("id"),
  "kind" text NOT NULL,
  "content_type" text NOT NULL,
  "size_bytes" integer NOT NULL,
  "sha256" text NOT NULL,
  "stored_path" text NOT NULL,
  "uploaded_at" timestamp with time zone NOT NULL,
  CONSTRAINT "onboarding_document_kind_known" CHECK ("kind" IN (
    'id_card_front', 'id_card_back', 'business_licence', 'bank_card', 'shop_photo')),
  CONSTRAINT "onboarding_document_type_known" CHECK (
    "content_type" IN ('image/jpeg', 'image/png', 'application/pdf')),
  CONSTRAINT "onboarding_document_size_positive" CHECK ("size_bytes" > 0),
  CONSTRAINT "onboarding_document_sha256_format" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "onboarding_document_application_idx" ON "onboarding_document"
  ("application_id", "uploaded_at");
--> statement-breakpoint
-- A device (POS机) by its serial number: in stock, allocated to a new merchant's terminal at the
-- approval of its onboarding, shipped with a carrier's tracking number, delivered when the
-- terminal first signs in.
CREATE TABLE "terminal_inventory" (
  "serial_no" text PRIMARY KEY,
  "model" text NOT NULL,
  "status" text NOT NULL,
  "terminal_id" text UNIQUE REFERENCES "terminal"("terminal_id"),
  "merchant_id" uuid REFERENCES "merchant"("id"),
  "application_id" uuid REFERENCES "application"("id"),
  "carrier" text,
  "tracking_no" text,
  "added_at" timestamp with time zone NOT NULL,
  "allocated_at" timestamp with time zone,
  "shipped_at" timestamp with time zone,
  "delivered_at" timestamp with time zone,
  CONSTRAINT "terminal_inventory_status_known" CHECK (
    "status" IN ('in_stock', 'allocated', 'shipped', 'delivered')),
  CONSTRAINT "terminal_inventory_serial_format" CHECK ("serial_no" ~ '^[0-9A-Za-z-]{4,32}$'),
  CONSTRAINT "terminal_inventory_allocated" CHECK (
    ("status" = 'in_stock') = ("terminal_id" IS NULL)
    AND ("terminal_id" IS NULL) = ("merchant_id" IS NULL)
    AND ("terminal_id" IS NULL) = ("allocated_at" IS NULL)),
  CONSTRAINT "terminal_inventory_shipped" CHECK (
    ("status" IN ('shipped', 'delivered')) = ("shipped_at" IS NOT NULL)
    AND ("shipped_at" IS NULL) = ("carrier" IS NULL)
    AND ("shipped_at" IS NULL) = ("tracking_no" IS NULL)),
  CONSTRAINT "terminal_inventory_delivered" CHECK (
    ("status" = 'delivered') = ("delivered_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "terminal_inventory_status_idx" ON "terminal_inventory" ("status", "added_at");
--> statement-breakpoint
CREATE INDEX "terminal_inventory_application_idx" ON "terminal_inventory" ("application_id");
--> statement-breakpoint
-- The 8 digits after the area code of a merchant number given at approval; numbers already
-- taken (the demo's, a migrated merchant's) are skipped.
CREATE SEQUENCE "merchant_no_seq" START WITH 1 MAXVALUE 99999999;
--> statement-breakpoint
-- The 6 digits after the area's first two of a terminal id given at allocation.
CREATE SEQUENCE "terminal_id_seq" START WITH 1 MAXVALUE 999999;
--> statement-breakpoint
-- A shipped device is delivered when its terminal first signs in: the sign-in that sets
-- signed_in_at for the first time marks it, at that sign-in's instant (the engine's clock).
CREATE FUNCTION terminal_inventory_delivered() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "terminal_inventory"
    SET "status" = 'delivered', "delivered_at" = NEW."signed_in_at"
    WHERE "terminal_id" = NEW."terminal_id" AND "status" = 'shipped';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "terminal_inventory_delivered" AFTER UPDATE OF "signed_in_at" ON "terminal"
  FOR EACH ROW WHEN (OLD."signed_in_at" IS NULL AND NEW."signed_in_at" IS NOT NULL)
  EXECUTE FUNCTION terminal_inventory_delivered();
