-- One body opens sales, alone or in a group: open_sale (a sale alone, or one whose terminal was
-- busy) is open_sales of one request that waits for its terminal's lock. Within a group the
-- business date is held once per date its sales name, where 0005 called open_sale, and with it
-- hold_open_business_date, sale by sale.
DROP FUNCTION open_sales(jsonb);
--> statement-breakpoint
-- Opens the sales of p_requests ([{terminalId, batchNo, voucherNo, date, service, at}]); answers
-- in their order. The terminals are locked in their order: with p_wait, waiting for each; else
-- skipping those another transaction holds, answered {"busy": true} (the caller opens them
-- alone, waiting). An unknown terminal is null; else {ctx, seen}, and for a request key not seen
-- before also businessDate (held against the cutoff), rate and rrn (reserved).
CREATE FUNCTION open_sales(p_requests jsonb, p_wait boolean DEFAULT false) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  locked text[];
  req jsonb;
  ctx jsonb;
  held jsonb := '{}'::jsonb;
  d text;
  answers jsonb := '[]'::jsonb;
BEGIN
  IF p_wait THEN
    SELECT coalesce(array_agg(s.terminal_id), '{}') INTO locked FROM (
      SELECT t.terminal_id FROM terminal t
      WHERE t.terminal_id IN (SELECT r->>'terminalId' FROM jsonb_array_elements(p_requests) r)
      ORDER BY t.terminal_id
      FOR UPDATE) s;
  ELSE
    SELECT coalesce(array_agg(s.terminal_id), '{}') INTO locked FROM (
      SELECT t.terminal_id FROM terminal t
      WHERE t.terminal_id IN (SELECT r->>'terminalId' FROM jsonb_array_elements(p_requests) r)
      ORDER BY t.terminal_id
      FOR UPDATE SKIP LOCKED) s;
  END IF;
  FOR req IN SELECT r FROM jsonb_array_elements(p_requests) r LOOP
    IF NOT (req->>'terminalId') = ANY (locked) THEN
      answers := answers || CASE
        WHEN EXISTS (SELECT 1 FROM terminal WHERE terminal_id = req->>'terminalId')
          THEN jsonb_build_array(jsonb_build_object('busy', true))
        ELSE jsonb_build_array('null'::jsonb) END;
      CONTINUE;
    END IF;
    -- Statements after the locks: they see what committed before them (an original its
    -- retransmission raced, a terminal frozen meanwhile).
    ctx := lock_terminal_context(req->>'terminalId', (req->>'batchNo')::integer);
    IF EXISTS (SELECT 1 FROM transactions WHERE terminal_id = req->>'terminalId'
        AND batch_no = (req->>'batchNo')::integer
        AND voucher_no = (req->>'voucherNo')::integer) THEN
      answers := answers || jsonb_build_array(jsonb_build_object('ctx', ctx, 'seen', true));
      CONTINUE;
    END IF;
    d := req->>'date';
    IF NOT held ? d THEN
      held := held || jsonb_build_object(d, hold_open_business_date(d::date));
    END IF;
    answers := answers || jsonb_build_array(jsonb_build_object('ctx', ctx, 'seen', false,
      'businessDate', held->d,
      'rate', fee_rate_in_force((ctx->>'merchantId')::uuid, req->>'service',
        (req->>'at')::timestamptz),
      'rrn', lpad(nextval('rrn_seq')::text, 12, '0')));
  END LOOP;
  RETURN answers;
END;
$$;
--> statement-breakpoint
-- As 0003 answers: NULL for an unknown terminal.
CREATE OR REPLACE FUNCTION open_sale(p_terminal text, p_batch integer, p_voucher integer,
  p_date date, p_service text, p_at timestamptz)
RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  RETURN nullif(open_sales(jsonb_build_array(jsonb_build_object('terminalId', p_terminal,
    'batchNo', p_batch, 'voucherNo', p_voucher, 'date', p_date, 'service', p_service,
    'at', p_at)), true)->0, 'null'::jsonb);
END;
$$;
