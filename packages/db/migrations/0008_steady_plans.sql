-- Plans that cost the same on the first sale and the millionth. A function's statements keep a
-- generic plan made once per connection, often while the tables are still small and the planner
-- sees every index as equally good. The duplicate check of a request could then walk the
-- terminal's whole history through (terminal_id, created_at), filtering on the voucher number,
-- and a refund's original the merchant's through (merchant_id, business_date). Each lookup now
-- has one index that can serve it: the request key, the RRN, the primary key.
--
-- The terminal-and-time index goes: its two readers (sign-in's last voucher number, the void
-- lookup by time) now start from the terminal's batches, through the request key; a payment
-- writes one index entry less.
DROP INDEX "transactions_terminal_time_idx";--> statement-breakpoint
-- PL/pgSQL keeps the plan of its statement for the connection; an SQL function not inlined is
-- parsed and planned again on every call.
CREATE OR REPLACE FUNCTION fee_rate_in_force(p_merchant uuid, p_service text, p_at timestamptz)
RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
DECLARE
  rate jsonb;
BEGIN
  SELECT jsonb_build_object('rateBps', r.rate_bps, 'capFen', r.cap_fen::text) INTO rate
  FROM fee_rate r
  WHERE r.service = p_service AND r.effective_from <= p_at
    AND (r.merchant_id = p_merchant
      OR r.fee_plan_id = (SELECT fee_plan_id FROM merchant WHERE id = p_merchant))
  ORDER BY (r.merchant_id IS NOT NULL) DESC, r.effective_from DESC
  LIMIT 1;
  RETURN rate;
END;
$$;
--> statement-breakpoint
-- As 0007, but the original is found by its RRN alone (unique), then checked to be a sale of
-- the merchant: a sale of another merchant is no original of this one.
CREATE OR REPLACE FUNCTION open_refund(p_terminal text, p_batch integer, p_voucher integer,
  p_rrn text, p_date date)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb;
  earlier transactions;
  original transactions;
  has_original boolean;
  held date;
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
  SELECT * INTO original FROM transactions WHERE rrn = p_rrn FOR UPDATE;
  has_original := FOUND AND original.kind = 'sale'
    AND original.merchant_id = (ctx->>'merchantId')::uuid;
  held := hold_open_business_date(p_date);
  IF NOT has_original THEN
    RETURN jsonb_build_object('ctx', ctx, 'businessDate', held,
      'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
  END IF;
  RETURN jsonb_build_object('ctx', ctx, 'businessDate', held,
    'original', transaction_json(original), 'closed', sale_cycle_closed(original),
    'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
END;
$$;
