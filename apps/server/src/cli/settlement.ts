// `shoudan cutoff --date` and `shoudan settle --date`: close a business date (日切) and settle its
// merchants, by hand (the running server does both on its own at the cutoff time).
import { formatYuan } from '@shoudan/core';
import {
  businessDateOption,
  openRequest,
  withServices,
  type CliContext,
  type RootCommand,
  type RunState,
} from './context.ts';
import { EXIT, print, printOutcome, progressBar } from './output.ts';

export function registerSettlementCommands(
  program: RootCommand,
  ctx: CliContext,
  run: RunState,
): void {
  program
    .command('cutoff')
    .description('cut off a business date (日切) once its cutoff time has passed')
    .requiredOption('--date <YYYY-MM-DD>', 'business date', businessDateOption)
    .action(async (opts, cmd) => {
      run.code = await withServices(ctx, openRequest(cmd.optsWithGlobals(), false), async (o) => {
        const result = await o.services.engine.cutoff({ businessDate: opts.date });
        if (!result.ok) {
          printOutcome(result.outcome);
          return EXIT.failed;
        }
        const c = result.value;
        const when = c.already ? 'was already cut off' : `cut off at ${c.cutOffAt.toISOString()}`;
        print(`Business date ${c.businessDate} ${when}.`);
        print(`  approved transactions ${c.summary.approvedCount}`);
        print(`  approved sales        ${formatYuan(c.summary.approvedSalesFen)} yuan`);
        return EXIT.ok;
      });
    });
  program
    .command('settle')
    .description('settle the merchants of a business date that has been cut off')
    .requiredOption('--date <YYYY-MM-DD>', 'business date', businessDateOption)
    .action(async (opts, cmd) => {
      run.code = await withServices(ctx, openRequest(cmd.optsWithGlobals(), false), async (o) => {
        const bar = progressBar(`Settling ${opts.date}`);
        const result = await o.services.engine
          .settleMerchants({
            businessDate: opts.date,
            chunkSize: o.services.config.settlementChunkSize,
            onProgress: (done, total) => bar.update(done, total),
          })
          .finally(() => bar.stop());
        if (!result.ok) {
          printOutcome(result.outcome);
          return EXIT.failed;
        }
        const s = result.value;
        print(`Business date ${s.businessDate} ${s.already ? 'was already settled' : 'settled'}.`);
        print(`  merchants ${s.merchants}`);
        print(`  gross     ${formatYuan(s.grossFen)} yuan`);
        print(`  fees      ${formatYuan(s.feeFen)} yuan`);
        print(`  refunds   ${formatYuan(s.refundFen)} yuan`);
        print(`  payouts   ${formatYuan(s.payoutFen)} yuan`);
        return EXIT.ok;
      });
    });
}
