-- As 0011, with one statement per sale where there were three and two nested calls: the sale's
-- terminal context, whether its request key was seen and the fee rate in force are read by one
-- query, after the terminals' locks (a statement of its own: it sees what committed before the
-- locks were granted). The terminal is not locked again: the first statement holds it. The
-- terminals are found through their key (= ANY of an array, where a semi-join over the JSON
-- could scan them all), the requests read once as typed rows, and the answers gathered in an
-- array. Same answers as 0011, in the same order.
CREATE OR REPLACE FUNCTION open_sales(p_requests jsonb, p_wait boolean DEFAULT false) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  locked text[];
  req record;
  ctx jsonb;
  seen boolean;
  rate jsonb;
  held jsonb := '{}'::jsonb;
  d text;
  answers jsonb[] := '{}';
  ids text[] := ARRAY(SELECT r->>'terminalId' FROM jsonb_array_elements(p_requests) r);
BEGIN
  IF p_wait THEN
    SELECT coalesce(array_agg(s.terminal_id), '{}') INTO locked FROM (
      SELECT t.terminal_id FROM terminal t
      WHERE t.terminal_id = ANY (ids)
      ORDER BY t.terminal_id
      FOR UPDATE) s;
  ELSE
    SELECT coalesce(array_agg(s.terminal_id), '{}') INTO locked FROM (
      SELECT t.terminal_id FROM terminal t
      WHERE t.terminal_id = ANY (ids)
      ORDER BY t.terminal_id
      FOR UPDATE SKIP LOCKED) s;
  END IF;
  FOR req IN SELECT * FROM jsonb_to_recordset(p_requests) AS r("terminalId" text,
      "batchNo" integer, "voucherNo" integer, "date" date, service text, "at" timestamptz) LOOP
    IF NOT req."terminalId" = ANY (locked) THEN
      answers := answers || CASE
        WHEN EXISTS (SELECT 1 FROM terminal WHERE terminal_id = req."terminalId")
          THEN '{"busy": true}'::jsonb
        ELSE 'null'::jsonb END;
      CONTINUE;
    END IF;
    SELECT jsonb_build_object(
        'terminalId', t.terminal_id, 'merchantId', t.merchant_id, 'merchantNo', m.merchant_no,
        'merchantStatus', m.status, 'terminalStatus', t.status,
        'currentBatchNo', t.current_batch_no,
        'signedIn', t.signed_in_at IS NOT NULL
          AND (t.signed_off_at IS NULL OR t.signed_off_at < t.signed_in_at),
        'batchStatus', (SELECT b.status FROM terminal_batch b
          WHERE b.terminal_id = t.terminal_id AND b.batch_no = req."batchNo"),
        'services', coalesce((SELECT jsonb_agg(s.service) FROM merchant_service s
          WHERE s.merchant_id = t.merchant_id AND s.status = 'active'), '[]'::jsonb)),
      EXISTS (SELECT 1 FROM transactions x WHERE x.terminal_id = t.terminal_id
        AND x.batch_no = req."batchNo" AND x.voucher_no = req."voucherNo"),
      -- As fee_rate_in_force: the merchant's own rate before its plan's, the latest first.
      (SELECT jsonb_build_object('rateBps', f.rate_bps, 'capFen', f.cap_fen::text)
        FROM fee_rate f
        WHERE f.service = req.service AND f.effective_from <= req."at"
          AND (f.merchant_id = t.merchant_id OR f.fee_plan_id = m.fee_plan_id)
        ORDER BY (f.merchant_id IS NOT NULL) DESC, f.effective_from DESC
        LIMIT 1)
    INTO ctx, seen, rate
    FROM terminal t JOIN merchant m ON m.id = t.merchant_id
    WHERE t.terminal_id = req."terminalId";
    IF seen THEN
      answers := answers || jsonb_build_object('ctx', ctx, 'seen', true);
      CONTINUE;
    END IF;
    d := req."date"::text;
    IF NOT held ? d THEN
      held := held || jsonb_build_object(d, hold_open_business_date(req."date"));
    END IF;
    answers := answers || jsonb_build_object('ctx', ctx, 'seen', false,
      'businessDate', held->d, 'rate', rate,
      'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
  END LOOP;
  RETURN to_jsonb(answers);
END;
$$;
