-- Payments a merchant's own system makes through the API (QR payment codes scanned at its till)
-- go through a virtual terminal of the merchant, whose voucher numbers the API hands out here,
-- as a POS keeps its own. And the order audit rows were written in.
CREATE TABLE "api_terminal" (
  "merchant_id" uuid PRIMARY KEY REFERENCES "merchant"("id"),
  "terminal_id" text NOT NULL UNIQUE REFERENCES "terminal"("terminal_id"),
  "next_voucher_no" integer NOT NULL,
  CONSTRAINT "api_terminal_voucher_range" CHECK ("next_voucher_no" BETWEEN 1 AND 999999)
);
--> statement-breakpoint
-- Virtual terminal ids: `V` and seven digits.
CREATE SEQUENCE "api_terminal_seq" START WITH 1 MAXVALUE 9999999 NO CYCLE;
--> statement-breakpoint
-- Audit rows in the order they were written: several rows of one change share an instant, and
-- ids of one millisecond are not ordered.
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint GENERATED ALWAYS AS IDENTITY;
