// Strings of terminal search (终端查询).
import type { Bundle } from '../../i18n/index.ts';

const zh = {
  menu: '终端',
  title: '终端',
  search: '终端号、序列号或商户号',
  searchPlaceholder: '输入终端号前缀、序列号片段或商户号前缀',
  status: '状态',
  terminalId: '终端号',
  serialNo: '机身序列号',
  merchant: '商户',
  empty: '没有符合条件的终端',
};

const en: typeof zh = {
  menu: 'Terminals',
  title: 'Terminals',
  search: 'Terminal ID, serial or merchant number',
  searchPlaceholder: 'A terminal ID prefix, part of a serial number, or a merchant number prefix',
  status: 'Status',
  terminalId: 'Terminal ID',
  serialNo: 'Serial number',
  merchant: 'Merchant',
  empty: 'No terminal matches',
};

const bundle: Bundle = { 'zh-CN': zh, en };

export default bundle;
