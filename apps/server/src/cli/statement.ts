// `shoudan statement`: a merchant's settlement statement (结算对账单) of one business date as CSV
// with a UTF-8 BOM, to stdout or a file.
import { writeFile } from 'node:fs/promises';
import {
  businessDateOption,
  merchantNoOption,
  openRequest,
  withServices,
  type CliContext,
  type RootCommand,
  type RunState,
} from './context.ts';
import { EXIT, print, printError, write } from './output.ts';
import { findMerchantByNo } from '../queries.ts';

export function registerStatementCommand(
  program: RootCommand,
  ctx: CliContext,
  run: RunState,
): void {
  program
    .command('statement')
    .description('print the settlement statement of a merchant for a business date (CSV)')
    .requiredOption(
      '--merchant <merchantNo>',
      '15-digit merchant number (商户号)',
      merchantNoOption,
    )
    .requiredOption('--date <YYYY-MM-DD>', 'business date', businessDateOption)
    .option('--out <file>', 'write the CSV to this file instead of stdout')
    .action(async (opts, cmd) => {
      run.code = await withServices(ctx, openRequest(cmd.optsWithGlobals(), false), async (o) => {
        const merchant = await findMerchantByNo(o.services.db, opts.merchant);
        if (!merchant) {
          printError(`No merchant with number ${opts.merchant}.`);
          return EXIT.failed;
        }
        const csv = await o.services.engine.statementCsv(merchant.id, opts.date);
        if (csv === undefined) {
          printError(`Merchant ${opts.merchant} has no settlement for ${opts.date}.`);
          return EXIT.failed;
        }
        if (!opts.out) {
          write(csv);
          return EXIT.ok;
        }
        await writeFile(opts.out, csv);
        print(`Statement of ${opts.merchant} ${merchant.name} for ${opts.date}: ${opts.out}`);
        return EXIT.ok;
      });
    });
}
