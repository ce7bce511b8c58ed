// Strings of the merchant's secret keys (API密钥): list, create (the secret shown once), revoke.
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': {
    menu: 'API密钥',
    title: 'API密钥',
    intro: '您的服务器用密钥调用收单API（Authorization: Bearer sk_…）。密钥只在创建时显示一次。',
    ownerOnly: 'API密钥仅店主可管理',
    create: '创建密钥',
    empty: '还没有密钥',
    name: '名称',
    nameRequired: '请填写名称',
    nameTooLong: '名称最多64字',
    namePlaceholder: '例如：收银系统',
    column: {
      name: '名称',
      key: '密钥',
      createdAt: '创建时间',
      lastUsedAt: '最近使用',
      status: '状态',
      actions: '操作',
    },
    active: '有效',
    revoked: '已吊销（{{time}}）',
    never: '从未使用',
    revoke: '吊销',
    revokeConfirm: '吊销密钥“{{name}}”？使用它的调用将立即失败，且不能恢复。',
    revokedDone: '密钥“{{name}}”已吊销',
    createdTitle: '密钥已创建',
    createdWarning: '请立即复制并妥善保存：关闭此窗口后将无法再次查看。',
    secret: '密钥',
    done: '我已保存',
  },
  en: {
    menu: 'API keys',
    title: 'API keys',
    intro:
      'Your servers call the acquiring API with a secret key (Authorization: Bearer sk_…). ' +
      'A secret is shown only once, when it is created.',
    ownerOnly: 'Only the owner can manage API keys',
    create: 'Create a key',
    empty: 'No keys yet',
    name: 'Name',
    nameRequired: 'Please enter a name',
    nameTooLong: 'At most 64 characters',
    namePlaceholder: 'e.g. till system',
    column: {
      name: 'Name',
      key: 'Key',
      createdAt: 'Created',
      lastUsedAt: 'Last used',
      status: 'Status',
      actions: 'Actions',
    },
    active: 'Active',
    revoked: 'Revoked ({{time}})',
    never: 'Never',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke the key "{{name}}"? Calls with it fail at once; this cannot be undone.',
    revokedDone: 'The key "{{name}}" was revoked',
    createdTitle: 'Key created',
    createdWarning: 'Copy it now and keep it safe: it cannot be shown again once you close this.',
    secret: 'Secret key',
    done: 'I have saved it',
  },
};

export default bundle;
