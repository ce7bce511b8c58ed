// Strings of the terminal inventory and shipping (库存与物流).
import type { Bundle } from '../../i18n/index.ts';

const zh = {
  menu: '库存与物流',
  title: '库存与物流',
  statuses: { in_stock: '在库', allocated: '已分配待发货', shipped: '已发货', delivered: '已签收' },
  serialNo: '机身序列号',
  model: '机型',
  status: '状态',
  terminal: '终端号',
  merchant: '商户',
  application: '入网申请',
  openApplication: '查看申请',
  shipping: '物流',
  addedAt: '入库时间',
  add: '添加设备',
  addTitle: '添加设备入库',
  serialNoRule: '4–32位字母、数字或连字符',
  modelRule: '请填写机型',
  ship: '发货',
  shipTitle: '发货：{{serialNo}}',
  shipHint: '发往终端 {{terminalId}}；发货后商户会收到运单号通知。',
  carrier: '承运商',
  carrierRule: '请填写承运商',
  trackingNo: '运单号',
  trackingNoRule: '6–40位字母、数字或连字符',
  added: '已添加设备 {{serialNo}}',
  shipped: '已发货，运单号 {{trackingNo}}',
  empty: '没有设备',
};

const en: typeof zh = {
  menu: 'Inventory & shipping',
  title: 'Inventory & shipping',
  statuses: {
    in_stock: 'In stock',
    allocated: 'Allocated, to ship',
    shipped: 'Shipped',
    delivered: 'Delivered',
  },
  serialNo: 'Serial number',
  model: 'Model',
  status: 'Status',
  terminal: 'Terminal ID',
  merchant: 'Merchant',
  application: 'Onboarding',
  openApplication: 'Open the application',
  shipping: 'Shipping',
  addedAt: 'Added',
  add: 'Add a device',
  addTitle: 'Add a device to stock',
  serialNoRule: '4 to 32 letters, digits or dashes',
  modelRule: 'Enter the model',
  ship: 'Ship',
  shipTitle: 'Ship {{serialNo}}',
  shipHint: 'For terminal {{terminalId}}; the merchant is told the tracking number.',
  carrier: 'Carrier',
  carrierRule: 'Enter the carrier',
  trackingNo: 'Tracking number',
  trackingNoRule: '6 to 40 letters, digits or dashes',
  added: 'Device {{serialNo}} added',
  shipped: 'Shipped, tracking number {{trackingNo}}',
  empty: 'No device',
};

const bundle: Bundle = { 'zh-CN': zh, en };

export default bundle;
