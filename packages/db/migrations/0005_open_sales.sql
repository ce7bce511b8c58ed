-- Group commit of sales: opens the sales of one group in one statement, and writes payments from
-- JSON in one call.
--
-- open_sales locks the terminals in their order, skipping those another transaction holds (a
-- void, a sign-in, another group): such a request is answered {"busy": true} and goes on in a
-- transaction of its own, where it waits for the lock. The others are opened as open_sale opens
-- one; an unknown terminal is null. Answers come in the order of the requests.
CREATE FUNCTION open_sales(p_requests jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  locked text[];
  req jsonb;
  answers jsonb := '[]'::jsonb;
BEGIN
  SELECT coalesce(array_agg(s.terminal_id), '{}') INTO locked FROM (
    SELECT t.terminal_id FROM terminal t
    WHERE t.terminal_id IN (SELECT r->>'terminalId' FROM jsonb_array_elements(p_requests) r)
    ORDER BY t.terminal_id
    FOR UPDATE SKIP LOCKED) s;
  FOR req IN SELECT r FROM jsonb_array_elements(p_requests) r LOOP
    IF (req->>'terminalId') = ANY (locked) THEN
      answers := answers || jsonb_build_array(open_sale(req->>'terminalId',
        (req->>'batchNo')::integer, (req->>'voucherNo')::integer, (req->>'date')::date,
        req->>'service', (req->>'at')::timestamptz));
    ELSIF EXISTS (SELECT 1 FROM terminal WHERE terminal_id = req->>'terminalId') THEN
      answers := answers || jsonb_build_array(jsonb_build_object('busy', true));
    ELSE
      answers := answers || jsonb_build_array('null'::jsonb);
    END IF;
  END LOOP;
  RETURN answers;
END;
$$;
--> statement-breakpoint
-- Writes payments and their journal entries from JSON, in three set-based INSERTs whose plans the
-- function keeps: one call for a group commit's sales, or for one payment. Amounts are strings of
-- digits (fen), read as bigint; lines keep their order within their entry.
CREATE FUNCTION record_payments(p_transactions jsonb, p_entries jsonb) RETURNS void
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
    created_at)
  SELECT id, kind, merchant_id, transaction_id, settlement_id, business_date, created_at
  FROM jsonb_to_recordset(p_entries) AS e(id uuid, kind text, merchant_id uuid,
    transaction_id uuid, settlement_id uuid, business_date date, created_at timestamptz);
  INSERT INTO journal_line (entry_id, account, merchant_id, amount_fen)
  SELECT (e.value->>'id')::uuid, l.value->>'account', (l.value->>'merchant_id')::uuid,
    (l.value->>'amount_fen')::bigint
  FROM jsonb_array_elements(p_entries) WITH ORDINALITY AS e(value, n)
  CROSS JOIN LATERAL jsonb_array_elements(e.value->'lines') WITH ORDINALITY AS l(value, m)
  ORDER BY e.n, l.m;
END;
$$;
