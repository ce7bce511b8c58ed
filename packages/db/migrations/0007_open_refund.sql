-- A refund in two round trips, as a sale or a void: open_refund reads under its locks what a
-- refund's rules need; the writes go with COMMIT.
--
-- Opens a refund of the merchant's sale with RRN p_rrn. NULL for an unknown terminal; else
-- {ctx} and, as they apply: existing (the request key's transaction); or businessDate (the
-- first open date from p_date, held against the cutoff), original (the sale, locked), closed
-- (for the original: batch_settled | cut_off, or null while its cycle is open; its date held,
-- not created) and an RRN reserved for the refund.
CREATE FUNCTION open_refund(p_terminal text, p_batch integer, p_voucher integer, p_rrn text,
  p_date date)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb;
  earlier transactions;
  original transactions;
  has_original boolean;
  held date;
  batch_status text;
  date_status text;
  closed text;
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
  SELECT b.status INTO batch_status FROM terminal_batch b
    WHERE b.terminal_id = original.terminal_id AND b.batch_no = original.batch_no;
  IF batch_status IS DISTINCT FROM 'open' THEN
    closed := 'batch_settled';
  ELSE
    PERFORM pg_advisory_xact_lock_shared(business_date_lock_key(original.business_date));
    SELECT status INTO date_status FROM business_date
      WHERE business_date = original.business_date;
    IF coalesce(date_status, 'open') <> 'open' THEN
      closed := 'cut_off';
    END IF;
  END IF;
  RETURN jsonb_build_object('ctx', ctx, 'businessDate', held,
    'original', transaction_json(original), 'closed', closed,
    'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
END;
$$;
