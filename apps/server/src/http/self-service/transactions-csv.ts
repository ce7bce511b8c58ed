// The transactions download (交易明细) as CSV for Excel in zh-CN: a UTF-8 BOM, Chinese headers,
// amounts in yuan with two decimals (from fen in bigint, never a float). Written page by page as
// it is read, so a long range never sits in memory whole.
import { Readable, pipeline, type Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import { formatYuan } from '@shoudan/core';
import { type Db, platform } from '@shoudan/db';
import { shanghaiDateTime } from './formats.ts';
import { sixDigits } from './transaction-body.ts';

type TransactionRow = platform.transactions.TransactionRow;

export const CSV_HEADERS = [
  '交易时间',
  '终端号',
  '批次号',
  '凭证号',
  '交易类型',
  '状态',
  '金额(元)',
  '手续费(元)',
  '卡号',
  '参考号',
  '授权码',
  '清算日期',
] as const;

const KIND_ZH: Record<string, string> = { sale: '消费', void: '消费撤销', refund: '退货' };
const STATUS_ZH: Record<string, string> = {
  approved: '成功',
  declined: '失败',
  voided: '已撤销',
  reversed: '已冲正',
};

/** Rows read from the database per page. */
const CSV_PAGE_ROWS = 1_000;

export function csvRecord(row: TransactionRow): string[] {
  return [
    shanghaiDateTime(row.createdAt),
    row.terminalId,
    sixDigits(row.batchNo),
    sixDigits(row.voucherNo),
    KIND_ZH[row.kind] ?? row.kind,
    STATUS_ZH[row.status] ?? row.status,
    formatYuan(row.amountFen),
    formatYuan(row.feeFen),
    row.panMasked ?? '',
    row.rrn,
    row.authCode ?? '',
    row.businessDate,
  ];
}

async function* records(
  db: Db,
  filter: platform.transactions.TransactionFilter,
): AsyncGenerator<readonly string[]> {
  yield CSV_HEADERS;
  let afterId: string | undefined;
  for (;;) {
    const page = await platform.transactions.listTransactions(db, filter, {
      limit: CSV_PAGE_ROWS,
      ...(afterId ? { afterId } : {}),
    });
    for (const row of page) yield csvRecord(row);
    const last = page.at(-1);
    if (page.length < CSV_PAGE_ROWS || !last) return;
    afterId = last.id;
  }
}

/**
 * The CSV of the merchant's transactions that `filter` picks, newest first, as a stream; a read
 * that fails midway ends the stream with the error (`onError` logs it).
 */
export function transactionsCsv(
  db: Db,
  filter: platform.transactions.TransactionFilter,
  onError: (error: Error) => void,
): Transform {
  const csv = stringify({ bom: true });
  pipeline(Readable.from(records(db, filter)), csv, (error) => {
    if (error) onError(error);
  });
  return csv;
}
