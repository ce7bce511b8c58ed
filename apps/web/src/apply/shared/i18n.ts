// Strings the applicant pages share: the frame, the two kinds, the form's field names (the form
// and the status page both show them), services, statuses, documents and the access token.
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': {
    area: '申请POS',
    home: '首页',
    follow: '查看申请进度',
    followShort: '查进度',
    kind: { individual: '个体/个人', enterprise: '企业' },
    field: {
      name: '姓名',
      idCardNo: '身份证号码',
      bankCardNo: '结算银行卡号',
      phone: '手机号（登录账号）',
      businessName: '经营名称（店铺名称）',
      areaCode: '地区码',
      businessAddress: '经营地址',
      services: '开通服务',
      shippingAddress: { recipient: '收件人', phone: '收件人手机号', address: '收货地址' },
      businessLicenceNo: '统一社会信用代码',
      legalPersonName: '法定代表人姓名',
      legalPersonIdCardNo: '法定代表人身份证号码',
      corporateAccount: { bankName: '开户银行', accountNo: '对公账号' },
      contactName: '联系人姓名',
      contactPhone: '联系人手机号（登录账号）',
    },
    service: {
      card_debit: '借记卡收款',
      card_credit: '信用卡收款',
      unionpay_qr: '银联二维码',
      wechat_pay: '微信支付',
      alipay: '支付宝',
      d0_settlement: 'D0 当日结算',
      pre_authorization: '预授权',
    },
    status: {
      submitted: '待审核',
      approved: '已批准',
      rejected: '已驳回',
      withdrawn: '已撤回',
      executed: '已开通',
    },
    documentKind: {
      id_card_front: '身份证人像面',
      id_card_back: '身份证国徽面',
      business_licence: '营业执照',
      bank_card: '银行卡正面',
      shop_photo: '门头照片',
    },
    documents: {
      title: '证件资料',
      hint: '支持 JPEG、PNG、PDF，每个文件不超过 5 MB，每个申请最多 {{max}} 个文件。',
      kind: '证件类型',
      choose: '选择文件并上传',
      uploading: '正在上传…',
      uploaded: '已上传',
      missing: '未上传',
      required: '必需',
      optional: '可选',
      done: '{{kind}}已上传',
      full: '已达到每个申请 {{max}} 个文件的上限',
      closed: '申请已审核或撤回，不能再上传证件',
      carried:
        '此申请已驳回，不能再上传证件。更正并重新提交时，这些证件会带到新申请，可在新申请中补充。',
      problem: {
        empty: '“{{file}}”是空文件',
        too_large: '“{{file}}”超过 5 MB，请压缩后再上传',
        type_not_allowed: '“{{file}}”不是 JPEG、PNG 或 PDF 文件',
        type_mismatch: '“{{file}}”的内容与文件类型不符，请上传原始的 JPEG、PNG 或 PDF 文件',
      },
    },
    token: {
      title: '请保存您的访问令牌',
      warning:
        '访问令牌只显示这一次，我们不保存它的原文。查看申请进度、上传证件、撤回或更正申请、' +
        '审核通过后设置登录密码，都需要申请 ID 和访问令牌。请立即复制并妥善保管，不要告诉他人。',
      applicationNo: '申请编号',
      applicationId: '申请 ID',
      token: '访问令牌',
      link: '进度链接（含令牌，请勿分享）',
    },
  },
  en: {
    area: 'Apply for a POS',
    home: 'Home',
    follow: 'Follow an application',
    followShort: 'Follow',
    kind: { individual: 'Individual', enterprise: 'Enterprise' },
    field: {
      name: 'Full name',
      idCardNo: 'ID card number',
      bankCardNo: 'Settlement bank card number',
      phone: 'Mobile number (sign-in)',
      businessName: 'Business name (shop name)',
      areaCode: 'Area code',
      businessAddress: 'Business address',
      services: 'Services',
      shippingAddress: {
        recipient: 'Recipient',
        phone: "Recipient's mobile number",
        address: 'Shipping address',
      },
      businessLicenceNo: 'Unified social credit code',
      legalPersonName: 'Legal representative',
      legalPersonIdCardNo: "Legal representative's ID card number",
      corporateAccount: { bankName: 'Bank', accountNo: 'Corporate account number' },
      contactName: 'Contact person',
      contactPhone: "Contact's mobile number (sign-in)",
    },
    service: {
      card_debit: 'Debit cards',
      card_credit: 'Credit cards',
      unionpay_qr: 'UnionPay QR',
      wechat_pay: 'WeChat Pay',
      alipay: 'Alipay',
      d0_settlement: 'D0 same-day settlement',
      pre_authorization: 'Pre-authorization',
    },
    status: {
      submitted: 'Awaiting review',
      approved: 'Approved',
      rejected: 'Rejected',
      withdrawn: 'Withdrawn',
      executed: 'Opened',
    },
    documentKind: {
      id_card_front: 'ID card (photo side)',
      id_card_back: 'ID card (emblem side)',
      business_licence: 'Business licence',
      bank_card: 'Bank card (front)',
      shop_photo: 'Shop front photo',
    },
    documents: {
      title: 'Documents',
      hint: 'JPEG, PNG or PDF, at most 5 MB each and {{max}} files per application.',
      kind: 'Document',
      choose: 'Choose a file and upload',
      uploading: 'Uploading…',
      uploaded: 'Uploaded',
      missing: 'Missing',
      required: 'Required',
      optional: 'Optional',
      done: '{{kind}} uploaded',
      full: 'This application already has the most files allowed ({{max}})',
      closed: 'The application has been reviewed or withdrawn: no more uploads',
      carried:
        'This application was rejected: no more uploads here. When you correct and resubmit it, ' +
        'these documents come along to the new application, where you can add more.',
      problem: {
        empty: '"{{file}}" is empty',
        too_large: '"{{file}}" is larger than 5 MB: please make it smaller',
        type_not_allowed: '"{{file}}" is not a JPEG, PNG or PDF file',
        type_mismatch:
          '"{{file}}" does not hold what its type says: upload the original JPEG, PNG or PDF',
      },
    },
    token: {
      title: 'Keep your access token',
      warning:
        'The access token is shown only this once and we do not keep it. You need the ' +
        'application ID and the token to follow the application, upload documents, withdraw or ' +
        "correct it, and set the owner's password once approved. Copy it now, keep it safe and " +
        'share it with no one.',
      applicationNo: 'Application number',
      applicationId: 'Application ID',
      token: 'Access token',
      link: 'Follow link (holds the token: do not share)',
    },
  },
};

export default bundle;
