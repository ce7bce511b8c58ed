-- A void in two round trips, as a sale: open_void reads under its locks what a void's rules need
-- (the terminal, an earlier use of the request key, the original sale locked, whether its cycle
-- is closed with its business date held, and the lines it posted); the writes go with COMMIT.
--
-- A transaction as JSON for the store to read back: amounts as strings of digits.
CREATE FUNCTION transaction_json(t transactions) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('id', t.id, 'merchantId', t.merchant_id,
    'terminalId', t.terminal_id, 'batchNo', t.batch_no, 'voucherNo', t.voucher_no,
    'kind', t.kind, 'status', t.status, 'outcomeCode', t.outcome_code,
    'amountFen', t.amount_fen::text, 'feeFen', t.fee_fen::text, 'feeRateBps', t.fee_rate_bps,
    'service', t.service, 'paymentMethod', t.payment_method, 'panMasked', t.pan_masked,
    'cardOrg', t.card_org, 'rrn', t.rrn, 'authCode', t.auth_code, 'originalId', t.original_id,
    'refundedFen', t.refunded_fen::text, 'businessDate', t.business_date,
    'requestHash', t.request_hash, 'createdAt', t.created_at, 'closedAt', t.closed_at)
$$;
--> statement-breakpoint
-- Why a sale's settlement cycle is closed ('batch_settled' or 'cut_off'), or NULL while it is
-- open. Holds the sale's business date against the cutoff until commit and reads its status
-- after the lock (a fresh snapshot). A sale's date row exists from its sale on, so none is
-- created: a refused void or refund must not add a date for the cutoff to find.
CREATE FUNCTION sale_cycle_closed(s transactions) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  batch_status text;
  date_status text;
BEGIN
  SELECT b.status INTO batch_status FROM terminal_batch b
    WHERE b.terminal_id = s.terminal_id AND b.batch_no = s.batch_no;
  IF batch_status IS DISTINCT FROM 'open' THEN
    RETURN 'batch_settled';
  END IF;
  PERFORM pg_advisory_xact_lock_shared(business_date_lock_key(s.business_date));
  SELECT status INTO date_status FROM business_date WHERE business_date = s.business_date;
  RETURN CASE WHEN coalesce(date_status, 'open') <> 'open' THEN 'cut_off' END;
END;
$$;
--> statement-breakpoint
-- Opens a void of the sale (p_orig_batch, p_orig_voucher) on the same terminal. NULL for an
-- unknown terminal; else {ctx} and, as they apply: existing (the request key's transaction),
-- original (locked), closed (batch_settled | cut_off | null, for a sale), lines (the sale's
-- posting, not its reversal's, in order) and an RRN reserved for the void.
CREATE FUNCTION open_void(p_terminal text, p_batch integer, p_voucher integer,
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
        'amountFen', l.amount_fen::text) ORDER BY l.id)
      INTO lines
      FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
      WHERE e.transaction_id = original.id AND e.kind <> 'reversal';
  END IF;
  RETURN jsonb_build_object('ctx', ctx, 'original', transaction_json(original),
    'closed', closed, 'lines', coalesce(lines, '[]'::jsonb),
    'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
END;
$$;
