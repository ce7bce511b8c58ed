-- A sale whose facts the engine read before (its terminal's context, its fee rate in force, its
-- business date open) asks the card network first and is then recorded in one round trip:
-- record_expected_sales takes the locks open_sales takes, reads the same facts, and records a sale
-- only when they are still what the engine decided on and its request key is unused; else it
-- records nothing of that sale, which then opens as any other. The facts are read by one
-- definition, sale_facts, which open_sales now uses too, so that both compare equal.
--
-- The terminals of `p_ids`, locked in their order (so that two groups never wait for each other
-- in a cycle): waiting for each with p_wait, else skipping those another transaction holds.
-- Returns the ids locked.
CREATE FUNCTION lock_terminals(p_ids text[], p_wait boolean) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
  locked text[];
BEGIN
  IF p_wait THEN
    SELECT coalesce(array_agg(s.terminal_id), '{}') INTO locked FROM (
      SELECT t.terminal_id FROM terminal t WHERE t.terminal_id = ANY (p_ids)
      ORDER BY t.terminal_id FOR UPDATE) s;
  ELSE
    SELECT coalesce(array_agg(s.terminal_id), '{}') INTO locked FROM (
      SELECT t.terminal_id FROM terminal t WHERE t.terminal_id = ANY (p_ids)
      ORDER BY t.terminal_id FOR UPDATE SKIP LOCKED) s;
  END IF;
  RETURN locked;
END;
$$;
--> statement-breakpoint
-- The answer for a payment whose terminal was not locked: {"busy": true} when the terminal exists
-- (another transaction holds it: the payment goes alone, waiting), null when it does not.
CREATE FUNCTION terminal_not_locked(p_terminal text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM terminal WHERE terminal_id = p_terminal)
    THEN '{"busy": true}'::jsonb ELSE 'null'::jsonb END
$$;
--> statement-breakpoint
-- What a sale's decision rests on, read under its terminal's lock: the terminal's context for the
-- batch the request names (services in their order, so that two readings compare equal), whether
-- the request key was used, and the fee rate in force for the service at the sale's instant (the
-- merchant's own rate before its plan's, the latest first; as fee_rate_in_force). A SQL function
-- of one SELECT, so that PostgreSQL plans it in line with the statement that calls it.
CREATE FUNCTION sale_facts(p_terminal text, p_batch integer, p_voucher integer, p_service text,
  p_at timestamptz)
RETURNS TABLE (ctx jsonb, seen boolean, rate jsonb) LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
      'terminalId', t.terminal_id, 'merchantId', t.merchant_id, 'merchantNo', m.merchant_no,
      'merchantStatus', m.status, 'terminalStatus', t.status,
      'currentBatchNo', t.current_batch_no,
      'signedIn', t.signed_in_at IS NOT NULL
        AND (t.signed_off_at IS NULL OR t.signed_off_at < t.signed_in_at),
      'batchStatus', (SELECT b.status FROM terminal_batch b
        WHERE b.terminal_id = t.terminal_id AND b.batch_no = p_batch),
      'services', coalesce((SELECT jsonb_agg(s.service ORDER BY s.service) FROM merchant_service s
        WHERE s.merchant_id = t.merchant_id AND s.status = 'active'), '[]'::jsonb)),
    EXISTS (SELECT 1 FROM transactions x WHERE x.terminal_id = t.terminal_id
      AND x.batch_no = p_batch AND x.voucher_no = p_voucher),
    (SELECT jsonb_build_object('rateBps', f.rate_bps, 'capFen', f.cap_fen::text)
      FROM fee_rate f
      WHERE f.service = p_service AND f.effective_from <= p_at
        AND (f.merchant_id = t.merchant_id OR f.fee_plan_id = m.fee_plan_id)
      ORDER BY (f.merchant_id IS NOT NULL) DESC, f.effective_from DESC
      LIMIT 1)
  FROM terminal t JOIN merchant m ON m.id = t.merchant_id
  WHERE t.terminal_id = p_terminal
$$;
--> statement-breakpoint
-- As 0015, the facts read by sale_facts and the terminals locked by lock_terminals.
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
BEGIN
  locked := lock_terminals(
    ARRAY(SELECT r->>'terminalId' FROM jsonb_array_elements(p_requests) r), p_wait);
  FOR req IN SELECT * FROM jsonb_to_recordset(p_requests) AS r("terminalId" text,
      "batchNo" integer, "voucherNo" integer, "date" date, service text, "at" timestamptz) LOOP
    IF NOT req."terminalId" = ANY (locked) THEN
      answers := answers || terminal_not_locked(req."terminalId");
      CONTINUE;
    END IF;
    SELECT f.ctx, f.seen, f.rate INTO ctx, seen, rate
      FROM sale_facts(req."terminalId", req."batchNo", req."voucherNo", req.service, req."at") f;
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
--> statement-breakpoint
-- Records the sales of p_sales ([{terminalId, batchNo, voucherNo, service, at, date, ctx, rate,
-- transaction, entry}]: the transaction row without its RRN, the journal entry or null for a
-- decline) whose facts are still ctx and rate, whose key is unused and whose date is still open;
-- answers in their order: {"rrn"} for a sale recorded (the RRN it was given), {"changed": true}
-- for one whose facts changed or whose key was used, {"busy": true} for one whose terminal another
-- transaction holds (or that a sale before it in p_sales holds), null for an unknown terminal.
CREATE FUNCTION record_expected_sales(p_sales jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  locked text[];
  s record;
  ctx jsonb;
  seen boolean;
  rate jsonb;
  held jsonb := '{}'::jsonb;
  d text;
  rrn text;
  taken text[] := '{}';
  rows jsonb[] := '{}';
  entries jsonb[] := '{}';
  answers jsonb[] := '{}';
BEGIN
  locked := lock_terminals(
    ARRAY(SELECT r->>'terminalId' FROM jsonb_array_elements(p_sales) r), false);
  FOR s IN SELECT * FROM jsonb_to_recordset(p_sales) AS r("terminalId" text, "batchNo" integer,
      "voucherNo" integer, service text, "at" timestamptz, "date" date, ctx jsonb, rate jsonb,
      "transaction" jsonb, entry jsonb) LOOP
    IF NOT s."terminalId" = ANY (locked) OR s."terminalId" = ANY (taken) THEN
      answers := answers || terminal_not_locked(s."terminalId");
      CONTINUE;
    END IF;
    taken := taken || s."terminalId";
    SELECT f.ctx, f.seen, f.rate INTO ctx, seen, rate
      FROM sale_facts(s."terminalId", s."batchNo", s."voucherNo", s.service, s."at") f;
    IF seen OR ctx IS DISTINCT FROM s.ctx OR rate IS DISTINCT FROM s.rate THEN
      answers := answers || '{"changed": true}'::jsonb;
      CONTINUE;
    END IF;
    d := s."date"::text;
    IF NOT held ? d THEN
      held := held || jsonb_build_object(d, hold_open_business_date(s."date"));
    END IF;
    IF held->>d <> d THEN
      answers := answers || '{"changed": true}'::jsonb;
      CONTINUE;
    END IF;
    rrn := lpad(nextval('rrn_seq')::text, 12, '0');
    rows := rows || jsonb_set(s."transaction", '{rrn}', to_jsonb(rrn));
    IF jsonb_typeof(s.entry) = 'object' THEN
      entries := entries || s.entry;
    END IF;
    answers := answers || jsonb_build_object('rrn', rrn);
  END LOOP;
  IF cardinality(rows) > 0 THEN
    PERFORM record_payments(to_jsonb(rows), to_jsonb(entries));
  END IF;
  RETURN to_jsonb(answers);
END;
$$;
