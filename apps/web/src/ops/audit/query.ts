// The audit search as the API takes it: the form's fields trimmed, empty ones left out, and a
// range of dates turned into instants from the first day's 00:00 to the last day's end, Beijing
// time.

export type AuditForm = {
  readonly action?: string | undefined;
  readonly objectType?: string | undefined;
  readonly objectId?: string | undefined;
  readonly merchantId?: string | undefined;
  readonly actorId?: string | undefined;
  /** 'YYYY-MM-DD' of the first and last day. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
};

export type AuditQuery = Record<string, string | number>;

export function auditQuery(form: AuditForm, limit: number): AuditQuery {
  const query: AuditQuery = { limit };
  for (const key of ['action', 'objectType', 'objectId', 'merchantId', 'actorId'] as const) {
    const value = form[key]?.trim();
    if (value) query[key] = value;
  }
  if (form.from) query['from'] = `${form.from}T00:00:00+08:00`;
  if (form.to) query['to'] = `${form.to}T23:59:59.999+08:00`;
  return query;
}
