// Checks that a correction starts from the rejected application's data, except the masked numbers.
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../shared/fields.ts';
import { prefillOf } from './prefill.ts';

describe('prefill', () => {
  it('fills what the payload keeps whole and hints the masked numbers', () => {
    const payload = {
      merchantType: 'individual',
      name: '张三',
      idCardNo: '1101**********002X',
      phone: '139****5678',
      bankCardNo: '622202******2230',
      businessName: '张三小吃店',
      services: ['card_debit'],
      shippingAddress: { recipient: '张三', phone: '13912345678', address: '上海市世纪大道100号' },
    };
    const { values, masked } = prefillOf(payload, fieldsOf('individual'));
    expect(values).toEqual({
      name: '张三',
      businessName: '张三小吃店',
      services: ['card_debit'],
      shippingAddress: { recipient: '张三', phone: '13912345678', address: '上海市世纪大道100号' },
    });
    expect(masked).toEqual({
      idCardNo: '1101**********002X',
      phone: '139****5678',
      bankCardNo: '622202******2230',
    });
  });
});
