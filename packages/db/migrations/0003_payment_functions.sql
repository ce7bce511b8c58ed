-- Payment functions: what a payment needs to read under its locks, in one round trip.
-- The key of a business date's advisory lock: payments hold it shared, the cutoff alone.
CREATE FUNCTION business_date_lock_key(d date) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT x'534400000000'::bigint + to_char(d, 'YYYYMMDD')::bigint
$$;
--> statement-breakpoint
-- Locks a terminal's row until commit and returns what a payment checks: the terminal, its
-- merchant, the status of the batch the request names and the merchant's active services.
CREATE FUNCTION lock_terminal_context(p_terminal text, p_batch integer) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb;
BEGIN
  SELECT jsonb_build_object(
    'terminalId', t.terminal_id, 'merchantId', t.merchant_id, 'merchantNo', m.merchant_no,
    'merchantStatus', m.status, 'terminalStatus', t.status, 'currentBatchNo', t.current_batch_no,
    'signedIn', t.signed_in_at IS NOT NULL
      AND (t.signed_off_at IS NULL OR t.signed_off_at < t.signed_in_at),
    'batchStatus', (SELECT b.status FROM terminal_batch b
      WHERE b.terminal_id = t.terminal_id AND b.batch_no = p_batch),
    'services', coalesce((SELECT jsonb_agg(s.service) FROM merchant_service s
      WHERE s.merchant_id = t.merchant_id AND s.status = 'active'), '[]'::jsonb))
  INTO ctx
  FROM terminal t JOIN merchant m ON m.id = t.merchant_id
  WHERE t.terminal_id = p_terminal
  FOR UPDATE OF t;
  RETURN ctx;
END;
$$;
--> statement-breakpoint
-- Holds the first open business date from p_date on (shared advisory lock, until commit) and
-- returns it; creates the date open when it is new. Each statement of a volatile function reads
-- a fresh snapshot, so the status read after the lock sees a cutoff that committed meanwhile.
CREATE FUNCTION hold_open_business_date(p_date date) RETURNS date LANGUAGE plpgsql AS $$
DECLARE
  d date := p_date;
  st text;
BEGIN
  LOOP
    PERFORM pg_advisory_xact_lock_shared(business_date_lock_key(d));
    SELECT status INTO st FROM business_date WHERE business_date = d;
    IF st IS NULL THEN
      INSERT INTO business_date (business_date, status) VALUES (d, 'open') ON CONFLICT DO NOTHING;
      RETURN d;
    END IF;
    IF st = 'open' THEN
      RETURN d;
    END IF;
    d := d + 1;
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The fee rate in force for a merchant's service at an instant: the merchant's own rate before
-- its plan's, the latest effective one first.
CREATE FUNCTION fee_rate_in_force(p_merchant uuid, p_service text, p_at timestamptz)
RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('rateBps', r.rate_bps, 'capFen', r.cap_fen::text)
  FROM fee_rate r
  WHERE r.service = p_service AND r.effective_from <= p_at
    AND (r.merchant_id = p_merchant
      OR r.fee_plan_id = (SELECT fee_plan_id FROM merchant WHERE id = p_merchant))
  ORDER BY (r.merchant_id IS NOT NULL) DESC, r.effective_from DESC
  LIMIT 1
$$;
--> statement-breakpoint
-- Opens a sale: locks the terminal, tells whether the request key was seen before, holds the
-- business date, reads the fee rate in force and reserves an RRN. NULL for an unknown terminal.
CREATE FUNCTION open_sale(p_terminal text, p_batch integer, p_voucher integer, p_date date,
  p_service text, p_at timestamptz)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  ctx jsonb;
BEGIN
  ctx := lock_terminal_context(p_terminal, p_batch);
  IF ctx IS NULL THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM transactions WHERE terminal_id = p_terminal AND batch_no = p_batch
      AND voucher_no = p_voucher) THEN
    RETURN jsonb_build_object('ctx', ctx, 'seen', true);
  END IF;
  RETURN jsonb_build_object('ctx', ctx, 'seen', false,
    'businessDate', hold_open_business_date(p_date),
    'rate', fee_rate_in_force((ctx->>'merchantId')::uuid, p_service, p_at),
    'rrn', lpad(nextval('rrn_seq')::text, 12, '0'));
END;
$$;
