// Strings of /apply: the two kinds of applicant and what each needs, and how an application goes.
import type { Bundle } from '../../i18n/index.ts';

const bundle: Bundle = {
  'zh-CN': {
    title: '申请POS收单服务',
    intro: '无需注册账号，在线填写资料、上传证件即可申请。提交后会得到一个访问令牌，用它查看进度。',
    individual: {
      title: '个体/个人',
      hint: '个体工商户、小商户、个人经营者',
      needs: ['本人居民身份证号码', '本人名下的银行卡（结算用）', '本人手机号（登录账号）'],
      documents: '证件：身份证人像面、国徽面，银行卡正面；门头照片可选',
      go: '以个人身份申请',
    },
    enterprise: {
      title: '企业',
      hint: '有营业执照和对公账户的企业',
      needs: [
        '营业执照上的统一社会信用代码',
        '法定代表人姓名和身份证号码',
        '对公账户（开户银行、账号）',
        '联系人姓名和手机号（登录账号）',
      ],
      documents: '证件：营业执照，法定代表人身份证人像面、国徽面；门头照片可选',
      go: '以企业身份申请',
    },
    both: '两者都需要：经营名称、地区码、经营地址、要开通的服务、POS机收货地址。',
    howTitle: '办理流程',
    how: ['填写资料', '上传证件', '审核', '寄送POS机', '设置密码并登录'],
    already: '已经提交过申请？',
  },
  en: {
    title: 'Apply for card acquiring',
    intro:
      'No account needed: fill in your details and upload your documents online. You get an ' +
      'access token when you apply: follow the application with it.',
    individual: {
      title: 'Individual',
      hint: 'Sole traders, small shops, self-employed people',
      needs: [
        'Your resident ID card number',
        'A bank card in your own name (for settlements)',
        'Your mobile number (to sign in)',
      ],
      documents: 'Documents: both sides of the ID card, the bank card; a shop photo if you like',
      go: 'Apply as an individual',
    },
    enterprise: {
      title: 'Enterprise',
      hint: 'Companies with a business licence and a corporate account',
      needs: [
        'The unified social credit code on the business licence',
        "The legal representative's name and ID card number",
        'The corporate account (bank and account number)',
        "A contact person's name and mobile number (to sign in)",
      ],
      documents:
        "Documents: the business licence, both sides of the legal representative's ID card; " +
        'a shop photo if you like',
      go: 'Apply as an enterprise',
    },
    both:
      'Both: the business name, area code and address, the services to open, and where to ' +
      'send the POS terminal.',
    howTitle: 'How it goes',
    how: ['Details', 'Documents', 'Review', 'Terminal shipped', 'Set a password and sign in'],
    already: 'Applied already?',
  },
};

export default bundle;
