// The virtual POS (虚拟POS) for a signed-in merchant user (owner or cashier) on a terminal of
// their own merchant: the screen's state and its operations, through the bridge. A decline is a
// 200 answer with approved false; 4xx is for bad input, a foreign terminal or no session.
import {
  ErrorBody,
  VirtualPosParams,
  VirtualPosRefundRequest,
  VirtualPosResult,
  VirtualPosSaleRequest,
  VirtualPosScreen,
  VirtualPosTerminalList,
  VirtualPosVoidRequest,
} from '@shoudan/contracts';
import type { FastifyRequest } from 'fastify';
import { merchantOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { languageOf, OutcomeError } from '../errors.ts';
import type { VirtualPosBridge } from '../../virtual-pos/bridge.ts';
import { merchantPosTerminal, type PosTerminalRow } from '../../virtual-pos/queries.ts';
import type { App, RegisterRoutes } from './index.ts';

const BASE = '/v1/merchant/virtual-pos/terminals';
const TAGS = ['virtual-pos'];
const REFUSALS = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Merchant users only (no secret keys): the terminal must be the caller's merchant's. */
async function ownTerminal(
  deps: HttpDeps,
  request: FastifyRequest,
  terminalId: string,
): Promise<PosTerminalRow> {
  const me = merchantOf(request, { apiKeys: false });
  const row = await merchantPosTerminal(deps.services.db, me.merchantId, terminalId);
  if (row === undefined) throw new OutcomeError({ code: 'terminal_not_found' });
  return row;
}

/** A terminal still in the post is not switched on here (its first sign-in activates it). */
async function usableTerminal(deps: HttpDeps, request: FastifyRequest, terminalId: string) {
  const row = await ownTerminal(deps, request, terminalId);
  if (row.status === 'pending_activation') {
    throw new OutcomeError({ code: 'terminal_not_active' });
  }
  return row;
}

function found<T>(answer: T | undefined): T {
  if (answer === undefined) throw new OutcomeError({ code: 'terminal_not_found' });
  return answer;
}

export const registerVirtualPosRoutes: RegisterRoutes = (app, deps) => {
  const bridge = deps.virtualPos;
  // VIRTUAL_POS=off (or no gateway in this process): the routes do not exist.
  if (bridge === undefined) return;
  app.get(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: "The merchant's terminals to use on the virtual POS, with their state",
        response: { 200: VirtualPosTerminalList, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantOf(request, { apiKeys: false });
      return { data: await bridge.terminals(me.merchantId) };
    },
  );
  app.get(
    `${BASE}/:terminalId`,
    {
      schema: {
        tags: TAGS,
        summary: 'The POS screen: signed in or not, batch, the open batch for a void by time',
        params: VirtualPosParams,
        response: { 200: VirtualPosScreen, ...REFUSALS },
      },
    },
    async (request) => {
      const row = await ownTerminal(deps, request, request.params.terminalId);
      return found(await bridge.screen(row));
    },
  );
  registerOperations(app, deps, bridge);
};

function registerOperations(app: App, deps: HttpDeps, bridge: VirtualPosBridge): void {
  const schema = (summary: string) => ({
    tags: TAGS,
    summary,
    params: VirtualPosParams,
    response: { 200: VirtualPosResult, ...REFUSALS },
  });
  app.post(`${BASE}/:terminalId/sign-in`, { schema: schema('签到: new working keys') }, async (r) =>
    found(await bridge.signIn(await usableTerminal(deps, r, r.params.terminalId), languageOf(r))),
  );
  app.post(`${BASE}/:terminalId/sign-off`, { schema: schema('签退') }, async (r) =>
    found(await bridge.signOff(await usableTerminal(deps, r, r.params.terminalId), languageOf(r))),
  );
  app.post(
    `${BASE}/:terminalId/sale`,
    {
      schema: {
        ...schema('消费: a card sale; a decline answers 200'),
        body: VirtualPosSaleRequest,
      },
    },
    async (r) => {
      const row = await usableTerminal(deps, r, r.params.terminalId);
      return found(await bridge.sale(row, r.body, languageOf(r)));
    },
  );
  app.post(
    `${BASE}/:terminalId/void`,
    {
      schema: {
        ...schema('撤销交易 by voucher number (主管密码 first)'),
        body: VirtualPosVoidRequest,
      },
    },
    async (r) => {
      const row = await usableTerminal(deps, r, r.params.terminalId);
      return found(await bridge.voidSale(row, r.body, languageOf(r)));
    },
  );
  app.post(
    `${BASE}/:terminalId/refund`,
    {
      schema: {
        ...schema('退货 of a settled sale by its RRN and date'),
        body: VirtualPosRefundRequest,
      },
    },
    async (r) => {
      const row = await usableTerminal(deps, r, r.params.terminalId);
      return found(await bridge.refund(row, r.body, languageOf(r)));
    },
  );
  app.post(
    `${BASE}/:terminalId/settle`,
    { schema: schema('结算: settlement with batch upload, then the next batch') },
    async (r) =>
      found(await bridge.settle(await usableTerminal(deps, r, r.params.terminalId), languageOf(r))),
  );
}
