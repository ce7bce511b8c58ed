// Strings of the application form: its steps, sections, help lines, the messages that name a
// field whose value the API would refuse, and the end of the application.
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': {
    title: { individual: '个体/个人申请POS', enterprise: '企业申请POS' },
    correction: '更正并重新提交',
    steps: { details: '填写资料', documents: '上传证件', done: '完成' },
    section: {
      owner: '经营者信息',
      company: '企业信息',
      contact: '联系人',
      settlement: '结算账户',
      business: '经营信息',
      shipping: 'POS机收货地址',
    },
    help: {
      areaCode: '4位地区码，如 3100（上海）、1000（北京）',
      services: '可多选；审核通过后即可使用',
      phone: '审核通过后用作商户平台的登录账号',
      bankCardNo: '本人名下的银行卡，用于收取结算款',
      businessLicenceNo: '营业执照上的18位统一社会信用代码',
      shippingAddress: '审核通过后POS机将寄送到此地址',
    },
    masked: '原申请为 {{value}}，出于隐私保护未保留原号码，请重新填写',
    invalid: {
      text: '{{field}}应为 {{min}}–{{max}} 个字',
      idCard: '{{field}}无效：应为18位居民身份证号码，出生日期和校验位正确',
      bankCard: '{{field}}无效：应为13–19位银行卡号，校验位正确',
      mobile: '{{field}}无效：应为11位中国大陆手机号',
      areaCode: '{{field}}应为4位数字，首位不为0，如 3100',
      creditCode: '{{field}}无效：应为18位统一社会信用代码，校验位正确',
      accountNo: '{{field}}应为 6–32 位数字',
      services: '请至少选择一项{{field}}',
    },
    submit: '提交申请',
    resubmit: '提交更正',
    correcting:
      '您正在更正被驳回的申请 {{no}}。提交后将生成新的申请和新的访问令牌，原令牌只能查看原申请。',
    reviewComment: '审核意见：{{comment}}',
    notCorrectable: '该申请当前不能更正（只有已驳回且尚未更正的申请可以更正）。',
    previousMissing: '更正链接无效或已过期，请在申请进度页输入申请 ID 和访问令牌。',
    documentsIntro:
      '申请已提交。请上传以下证件，审核员会据此核实您的资料；也可以稍后在申请进度页继续上传（审核前）。',
    missingDocs: '还缺少：{{kinds}}。缺少证件的申请可能会被驳回。',
    next: '完成',
    doneTitle: '申请已提交，等待审核',
    doneHint:
      '审核结果请在申请进度页查看：需要申请 ID 和访问令牌。审核通过后，请在进度页设置商户平台登录密码。',
    followNow: '查看申请进度',
    comma: '、',
  },
  en: {
    title: {
      individual: 'Apply for a POS as an individual',
      enterprise: 'Apply for a POS as an enterprise',
    },
    correction: 'Correct and resubmit',
    steps: { details: 'Details', documents: 'Documents', done: 'Done' },
    section: {
      owner: 'Owner',
      company: 'Company',
      contact: 'Contact person',
      settlement: 'Settlement account',
      business: 'Business',
      shipping: 'Where to send the POS terminal',
    },
    help: {
      areaCode: '4 digits, e.g. 3100 (Shanghai), 1000 (Beijing)',
      services: 'Choose one or more: usable once approved',
      phone: 'Signs in to the merchant portal once approved',
      bankCardNo: 'A card in your own name: settlements are paid to it',
      businessLicenceNo: 'The 18 characters on the business licence',
      shippingAddress: 'The POS terminal is sent here once approved',
    },
    masked:
      'The previous application had {{value}}: the full number is not kept, please type it again',
    invalid: {
      text: '{{field}} must be {{min}} to {{max}} characters',
      idCard: '{{field}} is not valid: 18 characters with a real birth date and check character',
      bankCard: '{{field}} is not valid: 13 to 19 digits with a correct check digit',
      mobile: '{{field}} is not valid: an 11-digit mainland mobile number',
      areaCode: '{{field}} must be 4 digits, not starting with 0, e.g. 3100',
      creditCode: '{{field}} is not valid: 18 characters with a correct check character',
      accountNo: '{{field}} must be 6 to 32 digits',
      services: 'Choose at least one of the {{field}}',
    },
    submit: 'Submit the application',
    resubmit: 'Submit the correction',
    correcting:
      'You are correcting the rejected application {{no}}. Submitting makes a new application ' +
      'with a new access token; the old token only shows the old application.',
    reviewComment: "Reviewer's comment: {{comment}}",
    notCorrectable:
      'This application cannot be corrected now (only a rejected application not yet ' +
      'corrected can).',
    previousMissing:
      'The correction link is not valid: enter the application ID and access token on the ' +
      'follow page.',
    documentsIntro:
      'The application is in. Upload the documents below for the reviewer to check your ' +
      'details; you can also upload them later on the follow page (before the review).',
    missingDocs: 'Still missing: {{kinds}}. An application without them may be rejected.',
    next: 'Finish',
    doneTitle: 'Application submitted: awaiting review',
    doneHint:
      'Follow the review on the follow page with the application ID and the access token. Once ' +
      'approved, set the merchant portal password there.',
    followNow: 'Follow the application',
    comma: ', ',
  },
};

export default bundle;
