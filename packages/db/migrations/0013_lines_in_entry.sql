-- A journal entry keeps its lines in its own row: line i is (line_accounts[i],
-- line_merchant_ids[i], line_amounts_fen[i]). A sale wrote five rows (its transaction, its entry
-- and three lines) with sixteen index entries, three foreign-key checks of the lines and a
-- deferred trigger that summed them at commit; it now writes two rows with eight index entries,
-- and the entry is checked whole when it is written, by a CHECK.
--
-- What the CHECK guarantees is what the trigger and the lines' constraints did: at least two
-- lines, none zero, every account known, the lines sum to zero. It adds that a line belongs to
-- the entry's merchant or to the acquirer (no merchant), which every entry the engine posts
-- already obeys, so that a merchant's balance reads only that merchant's entries.
CREATE FUNCTION journal_lines_valid(p_merchant uuid, p_accounts text[], p_merchants uuid[],
  p_amounts bigint[]) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
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
          'merchant_pending', 'merchant_payable', 'fee_income', 'settlement_payout')
        OR (p_merchants[i] IS NOT NULL AND p_merchants[i] IS DISTINCT FROM p_merchant) THEN
      RETURN false;
    END IF;
    total := total + p_amounts[i];
  END LOOP;
  RETURN total = 0;
END;
$$;
--> statement-breakpoint
ALTER TABLE "journal_entry" ADD COLUMN "line_accounts" text[];--> statement-breakpoint
ALTER TABLE "journal_entry" ADD COLUMN "line_merchant_ids" uuid[];--> statement-breakpoint
ALTER TABLE "journal_entry" ADD COLUMN "line_amounts_fen" bigint[];--> statement-breakpoint
-- The posted lines move into their entries, in the order they were written. The entries are
-- immutable to everyone else; this one move is the schema's own.
ALTER TABLE "journal_entry" DISABLE TRIGGER "journal_entry_immutable";--> statement-breakpoint
UPDATE "journal_entry" e SET
  "line_accounts" = l.accounts, "line_merchant_ids" = l.merchants, "line_amounts_fen" = l.amounts
FROM (
  SELECT entry_id, array_agg(account ORDER BY id) AS accounts,
    array_agg(merchant_id ORDER BY id) AS merchants, array_agg(amount_fen ORDER BY id) AS amounts
  FROM journal_line GROUP BY entry_id) l
WHERE l.entry_id = e.id;--> statement-breakpoint
ALTER TABLE "journal_entry" ENABLE TRIGGER "journal_entry_immutable";--> statement-breakpoint
ALTER TABLE "journal_entry" ALTER COLUMN "line_accounts" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entry" ALTER COLUMN "line_merchant_ids" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entry" ALTER COLUMN "line_amounts_fen" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_entry" ADD CONSTRAINT "journal_entry_lines_valid" CHECK (journal_lines_valid("journal_entry"."merchant_id", "journal_entry"."line_accounts", "journal_entry"."line_merchant_ids", "journal_entry"."line_amounts_fen"));--> statement-breakpoint
CREATE INDEX "journal_entry_merchant_idx" ON "journal_entry" USING btree ("merchant_id");--> statement-breakpoint
DROP TRIGGER "journal_entry_balanced" ON "journal_entry";--> statement-breakpoint
DROP FUNCTION journal_entry_balances();--> statement-breakpoint
DROP TABLE "journal_line";--> statement-breakpoint
-- As 0005, the entries with their lines in the row: the lines come as three arrays per entry.
CREATE OR REPLACE FUNCTION record_payments(p_transactions jsonb, p_entries jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO transactions (id, merchant_id, terminal_id, batch_no, voucher_no, kind, status,
    outcome_code, amount_fen, fee_fen, fee_rate_bps, service, payment_method, pan_masked,
    card_org, rrn, auth_code, original_id, refunded_fen, business_date, request_hash, created_at,
    closed_at)
  SELECT id, merchant_id, terminal_id, batch_no, voucher_no, kind, status, outcome_code,
    amount_fen, fee_fen, fee_rate_bps, service, payment_method, pan_masked, card_org, rrn,
    auth_code, original_id, refunded_fen, business_date, request_hash, created_at, closed_at
  FROM jsonb_to_recordset(p_transactions) AS t(id uuid, merchant_id uuid, terminal_id text,
    batch_no integer, voucher_no integer, kind text, status text, outcome_code text,
    amount_fen bigint, fee_fen bigint, fee_rate_bps integer, service text, payment_method text,
    pan_masked text, card_org text, rrn text, auth_code text, original_id uuid,
    refunded_fen bigint, business_date date, request_hash text, created_at timestamptz,
    closed_at timestamptz);
  INSERT INTO journal_entry (id, kind, merchant_id, transaction_id, settlement_id, business_date,
    created_at, line_accounts, line_merchant_ids, line_amounts_fen)
  SELECT id, kind, merchant_id, transaction_id, settlement_id, business_date, created_at,
    line_accounts, line_merchant_ids, line_amounts_fen
  FROM jsonb_to_recordset(p_entries) AS e(id uuid, kind text, merchant_id uuid,
    transaction_id uuid, settlement_id uuid, business_date date, created_at timestamptz,
    line_accounts text[], line_merchant_ids uuid[], line_amounts_fen bigint[]);
END;
$$;
--> statement-breakpoint
-- As 0009, the original's lines read from its entry's row, in their order.
CREATE OR REPLACE FUNCTION open_void(p_terminal text, p_batch integer, p_voucher integer,
  p_orig_batch integer, p_orig_voucher integer)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb;
  earlier transactions;
  original transactions;
  closed text;
  lines jsonb;
BEGIN
  ctx := lock_terminal_context(p_terminal, p_batch);
  IF ctx IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT * INTO earlier FROM transactions
    WHERE terminal_id = p_terminal AND batch_no = p_batch AND voucher_no = p_voucher;
  IF FOUND THEN
    RETURN jsonb_build_object('ctx', ctx, 'existing', transaction_json(earlier));
  END IF;
  SELECT * INTO original FROM transactions
    WHERE terminal_id = p_terminal AND batch_no = p_orig_batch AND voucher_no = p_orig_voucher
    FOR UPDATE;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('ctx', ctx, 'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
  END IF;
  IF original.kind = 'sale' THEN
    closed := sale_cycle_closed(original);
    SELECT jsonb_agg(jsonb_build_object('account', l.account, 'merchantId', l.merchant_id,
        'amountFen', l.amount_fen::text) ORDER BY e.created_at, e.id, l.n)
      INTO lines
      FROM journal_entry e
      CROSS JOIN LATERAL unnest(e.line_accounts, e.line_merchant_ids, e.line_amounts_fen)
        WITH ORDINALITY AS l(account, merchant_id, amount_fen, n)
      WHERE e.transaction_id = original.id AND e.kind <> 'reversal';
  END IF;
  RETURN jsonb_build_object('ctx', ctx, 'original', transaction_json(original),
    'closed', closed, 'lines', coalesce(lines, '[]'::jsonb),
    'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
END;
$$;
