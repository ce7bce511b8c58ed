-- Account deregistration (注销账户): the charges a merchant paid (terminal deposits and prepaid
-- service fees) with their refund at closure, the closure record of each closed merchant, and the
-- ledger accounts that hold charges until they are refunded or earned.
CREATE TABLE "merchant_charge" (
  "id" uuid PRIMARY KEY,
  "merchant_id" uuid NOT NULL REFERENCES "merchant"("id"),
  "kind" text NOT NULL,
  "service" text,
  "amount_fen" bigint NOT NULL,
  "paid_at" timestamp with time zone NOT NULL,
  "covers_from" date,
  "covers_until" date,
  -- The entry that received it, and the one that closed it out (refund and earned part).
  "entry_id" uuid NOT NULL REFERENCES "journal_entry"("id"),
  "refund_fen" bigint,
  "refunded_at" timestamp with time zone,
  "refund_entry_id" uuid REFERENCES "journal_entry"("id"),
  CONSTRAINT "merchant_charge_kind_known" CHECK ("kind" IN ('deposit', 'service_fee')),
  CONSTRAINT "merchant_charge_amount_positive" CHECK ("amount_fen" > 0),
  -- A fee covers a period (both days included); a deposit does not.
  CONSTRAINT "merchant_charge_period" CHECK (
    CASE "kind" WHEN 'service_fee'
      THEN "covers_from" IS NOT NULL AND "covers_until" IS NOT NULL
        AND "covers_from" <= "covers_until"
      ELSE "covers_from" IS NULL AND "covers_until" IS NULL END),
  -- Closed out once, whole: refund, instant and entry together; never more than was paid.
  CONSTRAINT "merchant_charge_close_out" CHECK (
    ("refund_fen" IS NULL) = ("refunded_at" IS NULL)
    AND ("refunded_at" IS NULL) = ("refund_entry_id" IS NULL)
    AND ("refund_fen" IS NULL OR "refund_fen" BETWEEN 0 AND "amount_fen"))
);
--> statement-breakpoint
CREATE INDEX "merchant_charge_merchant_idx" ON "merchant_charge" ("merchant_id", "paid_at");
--> statement-breakpoint
-- A closed merchant's closure: once per merchant, by one approved deregistration application.
CREATE TABLE "merchant_closure" (
  "merchant_id" uuid PRIMARY KEY REFERENCES "merchant"("id"),
  "application_id" uuid NOT NULL UNIQUE REFERENCES "application"("id"),
  "closed_at" timestamp with time zone NOT NULL,
  "closed_by" uuid NOT NULL,
  "deposit_refund_fen" bigint NOT NULL,
  "fee_refund_fen" bigint NOT NULL,
  "fee_earned_fen" bigint NOT NULL,
  "journal_entry_ids" uuid[] NOT NULL,
  "summary" jsonb NOT NULL,
  CONSTRAINT "merchant_closure_amounts" CHECK (
    "deposit_refund_fen" >= 0 AND "fee_refund_fen" >= 0 AND "fee_earned_fen" >= 0)
);
--> statement-breakpoint
-- As 0013, with the accounts of charges: charge_receipts, merchant_deposit, prepaid_fee.
CREATE OR REPLACE FUNCTION journal_lines_valid(p_merchant uuid, p_accounts text[],
  p_merchants uuid[], p_amounts bigint[]) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  n integer := cardinality(p_amounts);
  total numeric := 0;
BEGIN
  IF n < 2 OR array_ndims(p_amounts) <> 1 OR array_ndims(p_accounts) <> 1
      OR array_ndims(p_merchants) <> 1 OR cardinality(p_accounts) <> n
      OR cardinality(p_merchants) <> n THEN
    RETURN false;
  END IF;
  FOR i IN 1 .. n LOOP
    IF p_amounts[i] IS NULL OR p_amounts[i] = 0
        OR p_accounts[i] IS NULL OR p_accounts[i] NOT IN ('network_receivable',
          'merchant_pending', 'merchant_payable', 'fee_income', 'settlement_payout',
          'charge_receipts', 'merchant_deposit', 'prepaid_fee')
        OR (p_merchants[i] IS NOT NULL AND p_merchants[i] IS DISTINCT FROM p_merchant) THEN
      RETURN false;
    END IF;
    total := total + p_amounts[i];
  END LOOP;
  RETURN total = 0;
END;
$$;
