// Which terminal actions the page offers, by status and open applications: the UI's side of the
// API's refusals (terminal_deactivated, application_already_open). Pure, no DOM.
import type { ApplicationBody } from '@shoudan/contracts';
import { describe, expect, it } from 'vitest';
import { actionsFor, openChanges } from './terminal-actions.ts';

function application(status: ApplicationBody['status'], terminalId: string): ApplicationBody {
  return {
    id: `${status}-${terminalId}`,
    applicationNo: 'TR202612050001',
    kind: 'terminal_return',
    merchantId: 'm',
    status,
    reason: 'closing a branch',
    payload: { terminalId },
    submittedAt: '2026-12-05T01:00:00.000Z',
    submittedBy: { kind: 'merchant_user', id: 'u' },
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
    withdrawnAt: null,
    executedAt: null,
    result: null,
  };
}

describe('actionsFor', () => {
  it('offers everything on an active or pending terminal with nothing open', () => {
    const all = { reportLost: true, replacement: true, return: true };
    expect(actionsFor({ status: 'active', frozenReason: null }, false)).toEqual(all);
    expect(actionsFor({ status: 'pending_activation', frozenReason: null }, false)).toEqual(all);
  });

  it('offers nothing on a deactivated terminal', () => {
    const none = { reportLost: false, replacement: false, return: false };
    expect(actionsFor({ status: 'deactivated', frozenReason: null }, false)).toEqual(none);
  });

  it('does not report a lost terminal twice, but lets one frozen for another reason be', () => {
    expect(actionsFor({ status: 'frozen', frozenReason: 'lost' }, false)).toEqual({
      reportLost: false,
      replacement: true,
      return: true,
    });
    expect(actionsFor({ status: 'frozen', frozenReason: 'risk' }, false).reportLost).toBe(true);
  });

  it('waits with a replacement or return while one is open', () => {
    expect(actionsFor({ status: 'active', frozenReason: null }, true)).toEqual({
      reportLost: true,
      replacement: false,
      return: false,
    });
  });
});

describe('openChanges', () => {
  it('keeps submitted and approved applications by terminal, the newest first', () => {
    const open = openChanges([
      application('rejected', '31000101'),
      application('submitted', '31000102'),
      application('approved', '31000102'),
      application('executed', '31000103'),
      application('approved', '31000104'),
    ]);
    expect([...open.keys()]).toEqual(['31000102', '31000104']);
    expect(open.get('31000102')?.status).toBe('submitted');
  });
});
