// Strings of /apply/status: finding an application by its id and access token, where it stands,
// withdrawing or correcting it, and setting the new owner's password once it is approved.
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': {
    title: '申请进度',
    lookup: {
      intro: '输入提交申请时得到的申请 ID 和访问令牌。',
      id: '申请 ID',
      token: '访问令牌',
      idInvalid: '{{field}}格式不正确：应为提交申请时显示的申请 ID（36 位，含 4 个短横线）',
      tokenInvalid: '{{field}}格式不正确：应为 16–128 个字符（以 oa_ 开头）',
      submit: '查询',
      notFound: '找不到这个申请：请检查申请 ID 和访问令牌（更正后的申请有新的令牌）。',
    },
    summary: {
      applicationNo: '申请编号',
      kind: '申请类型',
      businessName: '经营名称',
      status: '状态',
      submittedAt: '提交时间',
      reviewedAt: '审核时间',
      previous: '此申请更正了被驳回的申请 {{id}}',
    },
    state: {
      submitted: '申请正在等待审核。审核前可以继续上传证件，也可以撤回申请。',
      approved: '申请已通过审核，正在为您开通商户和终端。',
      executed: '商户已开通。请设置商户平台登录密码，POS机将按收货地址寄出。',
      executedReady: '商户已开通，POS机将按收货地址寄出。',
      rejected: '申请已被驳回',
      rejectedNoComment: '审核员未填写原因。',
      resubmitted: '此申请已更正并重新提交为新申请（ID：{{id}}）。请使用新申请的访问令牌查看进度。',
      withdrawn: '申请已撤回。如仍需办理，请重新申请。',
    },
    resubmit: '更正并重新提交',
    applyAgain: '重新申请',
    withdraw: {
      button: '撤回申请',
      title: '确认撤回申请？',
      content: '撤回后审核员将不再处理此申请，且不能恢复；如需办理需重新申请。',
      ok: '撤回',
      done: '申请已撤回',
    },
    progress: {
      title: '办理进度',
      submitted: '提交申请',
      review: '审核',
      approved: '审核通过',
      rejected: '已驳回',
      withdrawn: '已撤回',
      opened: '开通商户',
      password: '设置登录密码',
      shipped: '寄出POS机',
      delivered: '签收POS机',
      tracking: '{{carrier}} 运单号 {{trackingNo}}',
    },
    merchant: {
      title: '商户信息',
      merchantNo: '商户号',
      terminalId: '终端号',
      ownerLogin: '登录账号',
      serialNo: 'POS机序列号',
      shipment: '寄送状态',
      shipmentStatus: { allocated: '待寄出', shipped: '已寄出', delivered: '已签收' },
    },
    data: { title: '申请资料', note: '证件号码等只显示部分' },
    owner: {
      title: '设置商户平台登录密码',
      intro: '登录账号是申请时填写的手机号（{{login}}）。密码只能在这里设置一次，请牢记。',
      password: '新密码',
      confirm: '再次输入新密码',
      tooShort: '{{field}}至少 {{min}} 位',
      tooLong: '{{field}}最多 {{max}} 位',
      mismatch: '两次输入的密码不一致',
      strength: '密码强度：{{level}}',
      level: { too_short: '太短', weak: '弱', fair: '中', strong: '强' },
      advice: '建议至少 12 位，并混合大小写字母、数字和符号。',
      submit: '设置密码',
      done: '密码已设置',
      set: '登录密码已设置，请使用手机号 {{login}} 登录商户平台。',
      signIn: '登录商户平台',
    },
  },
  en: {
    title: 'Follow an application',
    lookup: {
      intro: 'Enter the application ID and access token you were given when you applied.',
      id: 'Application ID',
      token: 'Access token',
      idInvalid:
        '{{field}} is not valid: the ID shown when you applied (36 characters with 4 dashes)',
      tokenInvalid: '{{field}} is not valid: 16 to 128 characters (starting with oa_)',
      submit: 'Look up',
      notFound:
        'No application has this ID and access token: check both (a corrected application ' +
        'has a new token).',
    },
    summary: {
      applicationNo: 'Application number',
      kind: 'Applying as',
      businessName: 'Business name',
      status: 'Status',
      submittedAt: 'Submitted',
      reviewedAt: 'Reviewed',
      previous: 'This application corrects the rejected application {{id}}',
    },
    state: {
      submitted:
        'The application awaits review. Until then you can upload more documents, or withdraw it.',
      approved: 'The application is approved: your merchant and terminal are being opened.',
      executed:
        'Your merchant is open. Set the merchant portal password; the POS terminal will be sent ' +
        'to your shipping address.',
      executedReady:
        'Your merchant is open: the POS terminal will be sent to your shipping address.',
      rejected: 'The application was rejected',
      rejectedNoComment: 'The reviewer gave no reason.',
      resubmitted:
        'This application was corrected as a new one (ID {{id}}): follow that one with its own ' +
        'access token.',
      withdrawn: 'The application was withdrawn. Apply again if you still want a POS.',
    },
    resubmit: 'Correct and resubmit',
    applyAgain: 'Apply again',
    withdraw: {
      button: 'Withdraw the application',
      title: 'Withdraw the application?',
      content:
        'Reviewers will no longer handle it and it cannot be brought back: you would apply again.',
      ok: 'Withdraw',
      done: 'The application was withdrawn',
    },
    progress: {
      title: 'Progress',
      submitted: 'Submitted',
      review: 'Review',
      approved: 'Approved',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
      opened: 'Merchant opened',
      password: 'Password set',
      shipped: 'Terminal shipped',
      delivered: 'Terminal delivered',
      tracking: '{{carrier}} tracking number {{trackingNo}}',
    },
    merchant: {
      title: 'Your merchant',
      merchantNo: 'Merchant number',
      terminalId: 'Terminal ID',
      ownerLogin: 'Sign-in',
      serialNo: 'Terminal serial number',
      shipment: 'Shipping',
      shipmentStatus: { allocated: 'To be shipped', shipped: 'Shipped', delivered: 'Delivered' },
    },
    data: { title: 'Your application', note: 'Numbers are shown in part only' },
    owner: {
      title: 'Set the merchant portal password',
      intro:
        'You sign in with the mobile number you applied with ({{login}}). The password can be ' +
        'set here only once: remember it.',
      password: 'New password',
      confirm: 'New password again',
      tooShort: '{{field}} must be at least {{min}} characters',
      tooLong: '{{field}} must be at most {{max}} characters',
      mismatch: 'The two passwords differ',
      strength: 'Strength: {{level}}',
      level: { too_short: 'too short', weak: 'weak', fair: 'fair', strong: 'strong' },
      advice: 'Use 12 characters or more, mixing upper and lower case, digits and symbols.',
      submit: 'Set the password',
      done: 'The password is set',
      set: 'The password is set: sign in to the merchant portal with {{login}}.',
      signIn: 'Sign in to the merchant portal',
    },
  },
};

export default bundle;
