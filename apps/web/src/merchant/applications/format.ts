// Amounts and instants as the merchant's pages show them: the API's decimal strings of fen, and
// ISO instants in the browser's time zone.
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { formatFen } from '../../common/money.ts';

/** "12345" (fen, as the API writes it) → "¥123.45"; null or not a number → "—". */
export function fenText(fen: string | null | undefined): string {
  if (fen === null || fen === undefined || !/^-?\d{1,18}$/.test(fen)) return '—';
  return formatFen(BigInt(fen));
}

/** The sum of decimal strings of fen, as one. */
export function addFen(...amounts: readonly string[]): string {
  return amounts.reduce((sum, fen) => sum + BigInt(fen), 0n).toString();
}

/** An ISO instant → "2026-12-05 14:30"; null → "—". */
export function instantText(at: string | null | undefined): string {
  return at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—';
}

/** Props that give a table row (antd `onRow`) its test id and `data-*` attributes. */
export function testIdProps(
  testId: string,
  data: Readonly<Record<string, string>> = {},
): HTMLAttributes<HTMLElement> {
  const props: Record<string, string> = { 'data-testid': testId };
  for (const [name, value] of Object.entries(data)) props[`data-${name}`] = value;
  return props as HTMLAttributes<HTMLElement>;
}
