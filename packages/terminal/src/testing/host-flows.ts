// The test host's answers: sign-in with working keys, sign-off, settlement totals, batch upload,
// and sale, void, refund and reversal against a list of records, the way a CUP host decides.
import {
  type CupMessage,
  readSettlementTotals,
  startResponse,
  type UnpackedFrame,
  writeSettlementTotals,
  type SettlementTotals,
  type CardTotals,
} from '@shoudan/iso8583';
import type { Behaviour, HostState, Reply } from './test-host.ts';

export interface HostRecord {
  readonly kind: 'sale' | 'void' | 'refund';
  readonly terminalId: string;
  readonly batchNo: string;
  readonly voucherNo: string;
  readonly amountFen: bigint;
  readonly rrn: string;
  readonly localDate: string;
  readonly cardOrganisation: string;
  readonly original?: HostRecord;
  voided: boolean;
  reversed: boolean;
  settled: boolean;
}

/** Test cards that are declined, with their code (as packages/core's TEST_CARDS). */
const DECLINED_CARDS: Readonly<Record<string, string>> = {
  '6222020000000051': '51',
  '6222020000000055': '55',
  '6222020000000005': '05',
};

function hostClock(state: HostState) {
  const now = state.options.now?.() ?? new Date('2026-11-25T06:30:52Z');
  const local = new Date(now.getTime() + 8 * 3_600_000).toISOString();
  const localDate = `${local.slice(5, 7)}${local.slice(8, 10)}`;
  const localTime = `${local.slice(11, 13)}${local.slice(14, 16)}${local.slice(17, 19)}`;
  return { localDate, localTime, settlementDate: localDate };
}

function respond(state: HostState, request: CupMessage, fields: Partial<CupMessage>): CupMessage {
  const started = startResponse(request);
  if (!started.ok) throw new Error('test host: not a request');
  return { ...started.value, ...hostClock(state), ...fields };
}

function panOf(request: CupMessage): string {
  return request.pan ?? request.track2?.split('=')[0] ?? '';
}

function organisationOf(pan: string): string {
  if (pan.startsWith('4')) return 'VIS';
  if (pan.startsWith('5')) return 'MCC';
  return 'CUP';
}

export function answerManagement(
  state: HostState,
  request: CupMessage,
  behaviour: Behaviour,
): Reply {
  const terminalId = request.terminalId ?? '';
  if (request.mti === '0800') return signIn(state, request, behaviour);
  if (request.mti === '0820') {
    state.makByTerminal.delete(terminalId);
    return { message: respond(state, request, { responseCode: '00' }), processingRequest: '0' };
  }
  if (request.mti === '0500') return settlement(state, request);
  const code = behaviour.responseCode ?? '00';
  return { message: respond(state, request, { responseCode: code }), processingRequest: '0' };
}

function signIn(state: HostState, request: CupMessage, behaviour: Behaviour): Reply {
  const code = request.networkManagementCode ?? '';
  const issued = state.hsm.issueWorkingKeys({
    tmkUnderLmk: state.tmk,
    networkManagementCode: code,
  });
  if (!issued.ok) {
    return { message: respond(state, request, { responseCode: '40' }), processingRequest: '0' };
  }
  state.makByTerminal.set(request.terminalId ?? '', issued.value.makUnderLmk);
  const field62 = Uint8Array.from(issued.value.field62);
  if (behaviour.corruptKeyCheck) {
    const pikBytes = field62.length === 24 ? 8 : 16;
    field62[pikBytes] = (field62[pikBytes] ?? 0) ^ 0xff;
  }
  const batchNo = state.options.signInBatchNo ?? request.batchNo ?? '000001';
  const message = respond(state, request, {
    rrn: `${hostClock(state).localTime}${request.stan ?? ''}`,
    responseCode: behaviour.responseCode ?? '00',
    workingKeys: field62,
    batchNo,
  });
  return { message, processingRequest: '0' };
}

function isDomestic(record: HostRecord): boolean {
  return (
    record.cardOrganisation === 'CUP' ||
    (record.kind === 'refund' && record.cardOrganisation === '000')
  );
}

function hostTotals(records: readonly HostRecord[]): SettlementTotals {
  const blocks = [true, false].map((domestic): CardTotals => {
    const mine = records.filter((record) => isDomestic(record) === domestic);
    const debit = mine.filter((record) => record.kind === 'sale');
    const credit = mine.filter((record) => record.kind !== 'sale');
    const sum = (list: HostRecord[]) => list.reduce((total, r) => total + r.amountFen, 0n);
    return {
      debitAmountFen: sum(debit),
      debitCount: debit.length,
      creditAmountFen: sum(credit),
      creditCount: credit.length,
      reconciliationCode: '0',
    };
  });
  return { domestic: blocks[0] as CardTotals, foreign: blocks[1] as CardTotals };
}

function same(a: CardTotals, b: CardTotals): boolean {
  return (
    a.debitAmountFen === b.debitAmountFen &&
    a.debitCount === b.debitCount &&
    a.creditAmountFen === b.creditAmountFen &&
    a.creditCount === b.creditCount
  );
}

function settlement(state: HostState, request: CupMessage): Reply {
  const batch = state.records.filter(
    (r) => r.terminalId === request.terminalId && r.batchNo === request.batchNo && !r.reversed,
  );
  const own = hostTotals(batch);
  const sent = readSettlementTotals(request.additionalData ?? '');
  const answerBlock = (mine: CardTotals, theirs: CardTotals | undefined): CardTotals =>
    theirs !== undefined && same(mine, theirs)
      ? { ...theirs, reconciliationCode: '1' }
      : { ...mine, reconciliationCode: '2' };
  const totals = writeSettlementTotals({
    domestic: answerBlock(own.domestic, sent.ok ? sent.value.domestic : undefined),
    foreign: answerBlock(own.foreign, sent.ok ? sent.value.foreign : undefined),
  });
  for (const record of batch) record.settled = true;
  const rrn = `${hostClock(state).localTime}${request.stan ?? ''}`;
  const additionalData = totals.ok ? totals.value : '';
  return { message: respond(state, request, { rrn, additionalData }), processingRequest: '0' };
}

type Decision = Partial<CupMessage>;

function decline(code: string, organisation: string, text?: string): Decision {
  return {
    responseCode: code,
    ...(text === undefined ? {} : { cardOrganisation: organisation, responseText: text }),
  };
}

function approve(state: HostState, request: CupMessage, record: Omit<HostRecord, 'rrn'>): Decision {
  const rrn = `${hostClock(state).localTime}${request.stan ?? ''}`;
  state.records.push({ ...record, rrn });
  return {
    rrn,
    authorisationCode: `A${(request.stan ?? '').slice(1)}`,
    responseCode: '00',
    cardOrganisation: record.cardOrganisation,
  };
}

function recordOf(state: HostState, request: CupMessage, kind: HostRecord['kind']) {
  return {
    kind,
    terminalId: request.terminalId ?? '',
    batchNo: request.batchNo ?? '',
    voucherNo: request.stan ?? '',
    amountFen: request.amountFen ?? 0n,
    localDate: hostClock(state).localDate,
    cardOrganisation: organisationOf(panOf(request)),
    voided: false,
    reversed: false,
    settled: false,
  };
}

function sale(state: HostState, request: CupMessage): Decision {
  const pan = panOf(request);
  const declined = DECLINED_CARDS[pan];
  if (declined !== undefined) return decline(declined, organisationOf(pan));
  return approve(state, request, recordOf(state, request, 'sale'));
}

function voidSale(state: HostState, request: CupMessage): Decision {
  const original = state.records.find(
    (r) =>
      r.kind === 'sale' &&
      !r.reversed &&
      r.terminalId === request.terminalId &&
      r.batchNo === request.originalBatchNo &&
      r.voucherNo === request.originalVoucherNo,
  );
  const organisation = organisationOf(panOf(request));
  if (original === undefined) return decline('25', organisation);
  // Several refusals share 12; the terminal explains from its journal.
  if (original.settled) return decline('12', organisation);
  if (original.voided) return decline('12', organisation, '原交易已撤销');
  if (original.amountFen !== request.amountFen) return decline('64', organisation);
  const decided = approve(state, request, { ...recordOf(state, request, 'void'), original });
  original.voided = true;
  return decided;
}

function refund(state: HostState, request: CupMessage): Decision {
  const original = state.records.find(
    (r) => r.kind === 'sale' && !r.reversed && r.rrn === request.rrn,
  );
  const organisation = organisationOf(panOf(request));
  if (original === undefined || original.localDate !== request.originalDate) {
    return decline('25', organisation);
  }
  const refunded = state.records
    .filter((r) => r.kind === 'refund' && !r.reversed && r.original === original)
    .reduce((total, r) => total + r.amountFen, 0n);
  if (refunded + (request.amountFen ?? 0n) > original.amountFen) return decline('61', organisation);
  // Refunds of domestic cards are answered `000`, as many hosts do.
  const cardOrganisation = organisation === 'CUP' ? '000' : organisation;
  const record = { ...recordOf(state, request, 'refund'), original, cardOrganisation };
  return approve(state, request, record);
}

function reverse(state: HostState, request: CupMessage): Decision {
  const original = state.records.find(
    (r) =>
      r.terminalId === request.terminalId &&
      r.voucherNo === request.stan &&
      r.batchNo === request.batchNo &&
      r.kind !== 'refund',
  );
  if (original !== undefined && !original.reversed) {
    original.reversed = true;
    if (original.kind === 'void' && original.original !== undefined) {
      original.original.voided = false;
    }
  }
  // A reversal is answered 00 whether or not the original was known (§4).
  return { responseCode: '00' };
}

function decide(state: HostState, request: CupMessage): Decision {
  if (request.mti === '0400') return reverse(state, request);
  if (request.mti === '0220') return refund(state, request);
  if (request.mti === '0200' && request.processingCode === '200000') {
    return voidSale(state, request);
  }
  if (request.mti === '0200') return sale(state, request);
  return { responseCode: '40' };
}

export function answerFinancial(
  state: HostState,
  frame: UnpackedFrame,
  behaviour: Behaviour,
): Reply {
  const request = frame.message;
  const makUnderLmk = state.makByTerminal.get(request.terminalId ?? '');
  if (makUnderLmk === undefined) {
    // Not signed in: A0 with 处理要求 3, and no MAC (the host has no key for the terminal).
    return { message: respond(state, request, { responseCode: 'A0' }), processingRequest: '3' };
  }
  const algorithm = state.options.macAlgorithm ?? 'cup-ecb';
  const { macInput } = frame;
  const mac = request.mac;
  const valid =
    macInput !== undefined &&
    mac !== undefined &&
    state.hsm.verifyMac({ makUnderLmk, algorithm, data: macInput, mac });
  if (!valid) state.macFailures += 1;
  const organisation = organisationOf(panOf(request));
  const decision = !valid
    ? decline('A0', organisation)
    : behaviour.responseCode !== undefined
      ? decline(behaviour.responseCode, organisation, behaviour.responseText)
      : decide(state, request);
  const message = respond(state, request, decision);
  return { message, processingRequest: '0', macKey: makUnderLmk };
}
