// Strings of the ledger check (账务核对).
import type { Bundle } from '../../i18n/index.ts';

const zh = {
  menu: '账务核对',
  title: '账务核对',
  hint: '检查账本：每笔分录借贷平衡、账本合计为零、每笔已批准交易都有分录、各账户余额与业务记录一致。',
  run: '立即核对',
  ok: '账务一致',
  notOk: '发现不一致',
  checkedAt: '核对时间',
  accountsChecked: '核对账户数',
  entriesChecked: '核对分录数',
  linesChecked: '核对分录行数',
  totalFen: '账本合计',
  unbalanced: '借贷不平的分录',
  withoutEntry: '缺少分录的交易',
  mismatches: '余额不一致',
  account: '账户',
  merchant: '商户',
  acquirer: '本机构',
  expected: '业务记录应为',
  actual: '账本余额',
  difference: '差额',
  none: '无',
};

const en: typeof zh = {
  menu: 'Ledger check',
  title: 'Ledger check',
  hint:
    'Checks the ledger: every entry balances, the ledger sums to zero, every ' +
    'approved transaction has its entry, and every balance matches the business ' +
    'records.',
  run: 'Check now',
  ok: 'The ledger agrees',
  notOk: 'Mismatches found',
  checkedAt: 'Checked at',
  accountsChecked: 'Accounts checked',
  entriesChecked: 'Entries checked',
  linesChecked: 'Lines checked',
  totalFen: 'Ledger total',
  unbalanced: 'Unbalanced entries',
  withoutEntry: 'Transactions without an entry',
  mismatches: 'Balance mismatches',
  account: 'Account',
  merchant: 'Merchant',
  acquirer: 'Acquirer',
  expected: 'Business records say',
  actual: 'Ledger says',
  difference: 'Difference',
  none: 'None',
};

const bundle: Bundle = { 'zh-CN': zh, en };

export default bundle;
