-- A void of a sale the engine recorded a moment ago asks the card network first and is then
-- recorded in one round trip, as an expected sale is (0016): record_expected_voids takes the locks
-- open_void takes (the terminal, then the original), reads the same facts, and records a void only
-- when its terminal's context is still what the engine decided on, its request key is unused, the
-- original is still the approved sale the engine knew, and the original's cycle is open (its date
-- held against the cutoff); else it records nothing of that void, which then opens as any other.
--
-- p_voids: [{terminalId, batchNo, voucherNo, at, ctx, original: {batchNo, voucherNo, id, status,
-- refundedFen}, transaction, entry}] (the void's row without its RRN; its entry, or null for a
-- decline). Answers in their order: {"rrn"} recorded, {"changed": true}, {"busy": true} (the
-- terminal or the original held by another transaction, or the terminal by a void before it in
-- p_voids), null for an unknown terminal.
CREATE FUNCTION record_expected_voids(p_voids jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  locked text[];
  v record;
  ctx jsonb;
  seen boolean;
  rate jsonb;
  original transactions;
  rrn text;
  taken text[] := '{}';
  rows jsonb[] := '{}';
  entries jsonb[] := '{}';
  answers jsonb[] := '{}';
BEGIN
  locked := lock_terminals(
    ARRAY(SELECT r->>'terminalId' FROM jsonb_array_elements(p_voids) r), false);
  FOR v IN SELECT * FROM jsonb_to_recordset(p_voids) AS r("terminalId" text, "batchNo" integer,
      "voucherNo" integer, "at" timestamptz, ctx jsonb, original jsonb, "transaction" jsonb,
      entry jsonb) LOOP
    IF NOT v."terminalId" = ANY (locked) OR v."terminalId" = ANY (taken) THEN
      answers := answers || terminal_not_locked(v."terminalId");
      CONTINUE;
    END IF;
    taken := taken || v."terminalId";
    SELECT f.ctx, f.seen, f.rate INTO ctx, seen, rate
      FROM sale_facts(v."terminalId", v."batchNo", v."voucherNo", NULL, v."at") f;
    IF seen OR ctx IS DISTINCT FROM v.ctx THEN
      answers := answers || '{"changed": true}'::jsonb;
      CONTINUE;
    END IF;
    SELECT * INTO original FROM transactions
      WHERE terminal_id = v."terminalId" AND batch_no = (v.original->>'batchNo')::integer
        AND voucher_no = (v.original->>'voucherNo')::integer
      FOR UPDATE SKIP LOCKED;
    IF NOT FOUND THEN
      answers := answers || CASE
        WHEN EXISTS (SELECT 1 FROM transactions WHERE terminal_id = v."terminalId"
          AND batch_no = (v.original->>'batchNo')::integer
          AND voucher_no = (v.original->>'voucherNo')::integer)
          THEN '{"busy": true}'::jsonb
        ELSE '{"changed": true}'::jsonb END;
      CONTINUE;
    END IF;
    IF original.id::text <> v.original->>'id' OR original.status <> v.original->>'status'
        OR original.refunded_fen::text <> v.original->>'refundedFen'
        OR sale_cycle_closed(original) IS NOT NULL THEN
      answers := answers || '{"changed": true}'::jsonb;
      CONTINUE;
    END IF;
    rrn := lpad(nextval('rrn_seq')::text, 12, '0');
    rows := rows || jsonb_set(v."transaction", '{rrn}', to_jsonb(rrn));
    IF jsonb_typeof(v.entry) = 'object' THEN
      entries := entries || v.entry;
      UPDATE transactions SET status = 'voided', closed_at = v."at" WHERE id = original.id;
    END IF;
    answers := answers || jsonb_build_object('rrn', rrn);
  END LOOP;
  IF cardinality(rows) > 0 THEN
    PERFORM record_payments(to_jsonb(rows), to_jsonb(entries));
  END IF;
  RETURN to_jsonb(answers);
END;
$$;
