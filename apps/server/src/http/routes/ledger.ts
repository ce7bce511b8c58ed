// The ledger check from the ops console (对账检查): the engine's check that `shoudan ledger check`
// prints (entries balance, the ledger sums to zero, every approved transaction has its entry,
// every balance matches the business records), run by finance, ops or admin, and audited.
import { ErrorBody, LedgerCheckBody } from '@shoudan/contracts';
import { audit } from '../audit.ts';
import { staffOf } from '../auth/principal.ts';
import type { RegisterRoutes } from './index.ts';

export const registerLedgerRoutes: RegisterRoutes = (app, deps) => {
  app.post(
    '/v1/ops/ledger/checks',
    {
      schema: {
        tags: ['ledger'],
        summary: 'Check the ledger now; the answer lists every balance that does not match',
        response: { 200: LedgerCheckBody, 403: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, ['finance', 'ops']);
      const checkedAt = deps.services.clock.now();
      const report = await deps.services.engine.checkLedger();
      if (!report.ok) {
        request.log.warn({
          event: 'ledger.check_failed',
          mismatches: report.mismatches.length,
          unbalancedEntries: report.unbalancedEntryIds.length,
          transactionsWithoutEntry: report.transactionsWithoutEntry,
        });
      }
      await deps.services.db.transaction((tx) =>
        audit(deps, tx, request, {
          action: 'ledger.checked',
          objectType: 'ledger',
          objectId: 'ledger',
          merchantId: null,
          detail: {
            ok: report.ok,
            accountsChecked: report.accountsChecked,
            entriesChecked: report.entryCount,
            mismatches: report.mismatches.length,
          },
        }),
      );
      return {
        checkedAt: checkedAt.toISOString(),
        ok: report.ok,
        accountsChecked: report.accountsChecked,
        entriesChecked: report.entryCount,
        linesChecked: report.lineCount,
        totalFen: String(report.totalFen),
        unbalancedEntryIds: [...report.unbalancedEntryIds],
        transactionsWithoutEntry: report.transactionsWithoutEntry,
        mismatches: report.mismatches.map((m) => ({
          account: m.account,
          merchantId: m.merchantId,
          expectedFen: String(m.expectedFen),
          actualFen: String(m.ledgerFen),
        })),
      };
    },
  );
};
