// `shoudan ledger check`: proves the books: every entry balances, the ledger sums to zero, every
// approved transaction has its entry and every balance matches the business records.
import { formatYuan, type LedgerReport } from '@shoudan/core';
import {
  openRequest,
  withServices,
  type CliContext,
  type RootCommand,
  type RunState,
} from './context.ts';
import { EXIT, print, printError } from './output.ts';

/** Mismatches listed in full; the rest are counted. */
const MISMATCHES_SHOWN_MAX = 20;

export function registerLedgerCommands(program: RootCommand, ctx: CliContext, run: RunState): void {
  const ledger = program.command('ledger').description('ledger checks');
  ledger
    .command('check')
    .description('check the ledger; exit code 1 when it is not consistent')
    .action(async (_opts, cmd) => {
      run.code = await withServices(ctx, openRequest(cmd.optsWithGlobals(), false), async (o) => {
        const report = await o.services.engine.checkLedger();
        printReport(report);
        return report.ok ? EXIT.ok : EXIT.failed;
      });
    });
}

function printReport(report: LedgerReport): void {
  print(`Ledger check: ${report.ok ? 'ok' : 'FAILED'}`);
  print(`  journal entries            ${report.entryCount}`);
  print(`  journal lines              ${report.lineCount}`);
  print(`  sum of all lines           ${formatYuan(report.totalFen)}`);
  print(`  unbalanced entries         ${report.unbalancedEntryIds.length}`);
  print(`  transactions without entry ${report.transactionsWithoutEntry}`);
  print(`  balance mismatches         ${report.mismatches.length}`);
  for (const id of report.unbalancedEntryIds.slice(0, MISMATCHES_SHOWN_MAX)) {
    printError(`  unbalanced entry ${id}`);
  }
  for (const m of report.mismatches.slice(0, MISMATCHES_SHOWN_MAX)) {
    const owner = m.merchantId ?? 'acquirer';
    printError(
      `  ${m.account} of ${owner}: ledger ${formatYuan(m.ledgerFen)}, ` +
        `expected ${formatYuan(m.expectedFen)}`,
    );
  }
}
