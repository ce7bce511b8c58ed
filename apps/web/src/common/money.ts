// Money at the web edge: the API speaks integer fen; people read yuan with two decimals.

/** 12345 fen → "¥123.45" (negative amounts keep their sign). */
export function formatFen(fen: number | bigint | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const value = typeof fen === 'bigint' ? fen : BigInt(Math.trunc(fen));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = (abs / 100n).toLocaleString('en-US');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** "123.45" or "123" (yuan, as typed) → 12345 fen; undefined when it is not an amount. */
export function parseYuan(text: string): number | undefined {
  const match = /^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$/.exec(text);
  if (!match) return undefined;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** A rate in basis points → "0.60%". */
export function formatBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(2)}%`;
}
