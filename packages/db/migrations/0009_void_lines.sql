-- As 0006, but the original's journal lines are read entry by entry through the line's entry
-- index (a subquery the planner keeps apart): the generic plan made while the ledger was small
-- hash-joined every line of the ledger, on every void.
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
        'amountFen', l.amount_fen::text) ORDER BY l.id)
      INTO lines
      FROM journal_entry e
      CROSS JOIN LATERAL (SELECT * FROM journal_line x WHERE x.entry_id = e.id OFFSET 0) l
      WHERE e.transaction_id = original.id AND e.kind <> 'reversal';
  END IF;
  RETURN jsonb_build_object('ctx', ctx, 'original', transaction_json(original),
    'closed', closed, 'lines', coalesce(lines, '[]'::jsonb),
    'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
END;
$$;
