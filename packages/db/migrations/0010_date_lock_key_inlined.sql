-- The same keys as 0003, from immutable parts: to_char is only stable, so the function could
-- not be inlined and was parsed and planned again on every call (every payment holds a date).
CREATE OR REPLACE FUNCTION business_date_lock_key(d date) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT x'534400000000'::bigint
    + (extract(year FROM d) * 10000 + extract(month FROM d) * 100 + extract(day FROM d))::bigint
$$;
