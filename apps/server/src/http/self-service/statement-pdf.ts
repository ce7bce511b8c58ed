// The settlement statement (结算对账单) as an A4 PDF with Chinese text: pdfkit with a Noto CJK
// face (Debian's fonts-noto-cjk), of which only the glyphs used are embedded. The lines are the
// CSV's (core's statementLines), so both add up to the same net.
import { access } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { formatYuan, type MerchantSettlement, type StatementLine } from '@shoudan/core';

/** A .ttc holds several faces: the one to use is named by its PostScript name. */
const FONT_FACE = 'NotoSansCJKsc-Regular';

export type StatementPdfInput = {
  readonly merchant: { readonly merchantNo: string; readonly name: string };
  readonly settlement: MerchantSettlement;
  readonly lines: readonly StatementLine[];
  readonly fontFile: string;
};

const KIND_ZH: Record<StatementLine['kind'], string> = {
  sale: '消费',
  refund: '退货',
  d0_fee: 'D0手续费',
  carried_in: '上期结转',
};

/** Columns of the lines table: header, x position, width, right-aligned. */
const COLUMNS = [
  { title: '交易时间', x: 40, width: 110, right: false },
  { title: '终端号', x: 150, width: 60, right: false },
  { title: '凭证号', x: 210, width: 50, right: false },
  { title: '类型', x: 260, width: 55, right: false },
  { title: '金额(元)', x: 315, width: 75, right: true },
  { title: '手续费(元)', x: 390, width: 70, right: true },
  { title: '净额(元)', x: 460, width: 95, right: true },
] as const;

const ROW_HEIGHT = 16;
const PAGE_BOTTOM = 780;

/** True when the CJK font the PDF needs is installed. */
export async function statementFontAvailable(fontFile: string): Promise<boolean> {
  try {
    await access(fontFile);
    return true;
  } catch {
    return false;
  }
}

export function statementPdf(input: StatementPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: `结算对账单 ${input.settlement.businessDate}`, Author: 'Shoudan' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', input.fontFile, FONT_FACE);
  doc.font('cjk');
  summary(doc, input);
  table(doc, input.lines);
  doc.end();
  return done;
}

function summary(doc: PDFKit.PDFDocument, input: StatementPdfInput): void {
  const s = input.settlement;
  doc.fontSize(18).text('结算对账单', { align: 'center' });
  doc.moveDown(0.5).fontSize(10);
  const rows: [string, string][] = [
    ['商户名称', input.merchant.name],
    ['商户号', input.merchant.merchantNo],
    ['清算日期', s.businessDate],
    ['结算方式', s.settlementMode === 'd0' ? 'D0' : 'T+1'],
    ['消费笔数 / 金额(元)', `${s.saleCount} / ${formatYuan(s.grossFen)}`],
    ['手续费(元)', formatYuan(s.feeFen)],
    ['退货笔数 / 金额(元)', `${s.refundCount} / ${formatYuan(s.refundFen)}`],
    ['D0手续费(元)', formatYuan(s.d0FeeFen)],
    ['上期结转(元)', formatYuan(s.carriedInFen)],
    ['净额(元)', formatYuan(s.netFen)],
    ['结算金额(元)', formatYuan(s.payoutFen)],
    ['结转下期(元)', formatYuan(s.carriedOutFen)],
    ['结算日', s.payableDate],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, 40, y, { width: 150 });
    doc.text(value, 190, y, { width: 365 });
  }
  doc.moveDown();
}

function table(doc: PDFKit.PDFDocument, lines: readonly StatementLine[]): void {
  const header = () => {
    const y = doc.y;
    for (const c of COLUMNS) {
      doc.text(c.title, c.x, y, { width: c.width, align: c.right ? 'right' : 'left' });
    }
    doc
      .moveTo(40, y + ROW_HEIGHT - 3)
      .lineTo(555, y + ROW_HEIGHT - 3)
      .stroke();
    doc.y = y + ROW_HEIGHT;
  };
  doc.fontSize(9);
  header();
  for (const line of lines) {
    if (doc.y + ROW_HEIGHT > PAGE_BOTTOM) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    const cells = [
      line.at ? shanghaiTime(line.at) : '',
      line.terminalId,
      line.voucherNo,
      KIND_ZH[line.kind],
      line.amountFen === 0n ? '' : formatYuan(line.amountFen),
      line.feeFen === 0n ? '' : formatYuan(line.feeFen),
      formatYuan(line.netFen),
    ];
    COLUMNS.forEach((c, i) => {
      doc.text(cells[i] ?? '', c.x, y, { width: c.width, align: c.right ? 'right' : 'left' });
    });
    doc.y = y + ROW_HEIGHT;
  }
}

/** Asia/Shanghai is UTC+8 all year. */
function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
