-- A refund in two round trips, as a sale or a void: open_refund reads under its locks what a
-- refund's rules need; the writes go with COMMIT.
--
-- Opens a refund of the merchant's sale with RRN p_rrn. NULL for an unknown terminal; else
-- {ctx} and, as they apply: existing (the request key's transaction); or businessDate (the
-- first open date from p_date, held against the cutoff), original (the sale, locked), closed
-- (sale_cycle_closed of the original) and an RRN reserved for the refund.
CREATE FUNCTION open_refund(p_terminal text, p_batch integer, p_voucher integer, p_rrn text,
  p_date date)
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
  SELECT * INTO original FROM transactions
    WHERE merchant_id = (ctx->>'merchantId')::uuid AND rrn = p_rrn AND kind = 'sale'
    FOR UPDATE;
  has_original := FOUND;
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
