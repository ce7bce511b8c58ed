// `shoudan seed`: writes the demo world (merchants, terminals and a few days of activity) into an
// empty database; a database that already has merchants is left as it is.
import { DEMO_LIMITS, seedDemo, type DemoSummary } from '../seed/demo.ts';
import { seedDemoInventory } from '../seed/demo-inventory.ts';
import { DEMO_PASSWORD, seedDemoUsers } from '../seed/demo-users.ts';
import { requireKeys, type Services } from '../services.ts';
import {
  openRequest,
  wholeNumberOption,
  withServices,
  type CliContext,
  type RootCommand,
  type RunState,
} from './context.ts';
import { EXIT, print, progressBar } from './output.ts';

export function registerSeedCommand(program: RootCommand, ctx: CliContext, run: RunState): void {
  program
    .command('seed')
    .description('seed demo data into an empty database (skipped when merchants exist)')
    .option(
      '--days <n>',
      'past business days of activity (default 3)',
      wholeNumberOption(DEMO_LIMITS.daysMin, DEMO_LIMITS.daysMax, 'days'),
    )
    .option(
      '--merchants <n>',
      'number of merchants (default 6)',
      wholeNumberOption(DEMO_LIMITS.merchantsMin, DEMO_LIMITS.merchantsMax, 'merchants'),
    )
    .option('--seed <n>', 'random seed (default 1)', wholeNumberOption(0, 2 ** 31 - 1, 'seed'))
    .action(async (opts, cmd) => {
      const request = { ...openRequest(cmd.optsWithGlobals(), true), keys: true };
      run.code = await withServices(ctx, request, async (o) => {
        const summary = await seedWithProgress(o.services, opts);
        printSeedSummary(summary);
        return EXIT.ok;
      });
    });
}

type SeedOptions = {
  readonly days?: number;
  readonly merchants?: number;
  readonly seed?: number;
};

export async function seedWithProgress(
  services: Services,
  options: SeedOptions,
): Promise<DemoSummary> {
  const bar = progressBar('Seeding demo data');
  return seedDemoData(services, {
    ...options,
    onProgress: (done, total) => bar.update(done, total),
  }).finally(() => bar.stop());
}

/** The demo data, users and inventory, as `serve` and `seed` write them (quietly). */
export async function seedDemoData(
  services: Services,
  options: SeedOptions & { readonly onProgress?: (done: number, total: number) => void },
): Promise<DemoSummary> {
  const { hsm, resolved } = requireKeys(services);
  const keys = { hsm, store: services.terminalKeys, keyLoadingFile: resolved.keyLoadingFile };
  const summary = await seedDemo(services.db, {
    ...options,
    keys,
    now: services.clock.now(),
    rules: services.rules,
  });
  if (!summary.skipped) {
    await seedDemoUsers(services.db, {
      merchants: summary.merchants,
      at: services.clock.now(),
      ids: services.ids,
      log2N: services.config.passwordScryptLog2N,
    });
    await seedDemoInventory(services.db, { at: services.clock.now() });
    services.logger.info({
      event: 'seed.completed',
      merchants: summary.merchants.length,
      terminals: summary.terminals,
      transactions: summary.transactions,
      settledDates: summary.settledDates,
      openDate: summary.openDate,
    });
  }
  return summary;
}

export function printSeedSummary(summary: DemoSummary): void {
  if (summary.skipped) {
    print('The database already has merchants: demo seed skipped, nothing written.');
    return;
  }
  print(
    `Demo data: ${summary.merchants.length} merchants, ${summary.terminals} terminals, ` +
      `${summary.transactions} transactions (${summary.approved} sales approved, ` +
      `${summary.declined} declined, ${summary.voids} voids, ${summary.refunds} refunds).`,
  );
  print(`  settled business dates ${summary.settledDates.join(', ') || '(none)'}`);
  print(`  open business date     ${summary.openDate} (today: its sales can still be voided)`);
  printKeyLoading(summary);
  print(`  demo sign-ins          see \`npm start\`'s banner; password ${DEMO_PASSWORD}`);
  if (summary.unbalancedBatches > 0) {
    print(`  unbalanced terminal batches ${summary.unbalancedBatches}`);
  }
}

/** Where the demo terminals' master keys went: the stand-in for the key-injection ceremony. */
export function printKeyLoading(summary: DemoSummary): void {
  if (summary.terminalKeys === 0) return;
  const where = summary.keyLoadingFile ?? '(no file: the keys live only in this process)';
  print(`  terminal master keys   ${summary.terminalKeys} loaded; key-loading file ${where}`);
  if (summary.keyLoadingFile !== null) {
    print(
      '    demo only: it holds the clear TMKs that `shoudan pos` loads (mode 0600, keep secret)',
    );
  }
}
