// Cutoff (日切) and settlement (结算) from the ops console: the business dates with where each
// stands, and runs started by staff that go on in the background while the console polls their
// progress. The runs live in a registry of this app (per server process: see run-registry.ts).
import {
  BusinessDateList,
  BusinessDateListQuery,
  type BusinessDateSummary,
  ErrorBody,
  IdParams,
  RunBody,
  RunList,
  RunListQuery,
  RunRequest,
  StaffRole,
} from '@shoudan/contracts';
import { businessDateOf, cutoffInstantOf } from '@shoudan/core';
import { platform } from '@shoudan/db';
import { audit } from '../audit.ts';
import { staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { languageOf, OutcomeError } from '../errors.ts';
import { inTransaction } from '../idempotency.ts';
import {
  createRunRegistry,
  type Run,
  type RunRegistry,
  type RunWork,
} from '../ops/run-registry.ts';
import { checkRunnable, runBody, workOf } from '../ops/runs.ts';
import type { App, RegisterRoutes } from './index.ts';

const ANY_STAFF = StaffRole.options;
/** Who may start a run (admin holds every role): finance settles too, only ops cut off. */
const RUN_ROLES = { cutoff: ['ops'], settlement: ['ops', 'finance'] } as const;

export const registerOpsRunRoutes: RegisterRoutes = (app, deps) => {
  const runs = createRunRegistry({ clock: deps.services.clock, logger: deps.services.logger });
  // Closing the app waits for the runs it started, so the database outlives them.
  app.addHook('onClose', () => runs.idle());
  registerBusinessDates(app, deps);
  registerStart(app, deps, runs);
  app.get(
    '/v1/ops/runs',
    {
      schema: {
        tags: ['settlement'],
        summary: 'Cutoff and settlement runs of this server process, newest first',
        querystring: RunListQuery,
        response: { 200: RunList },
      },
    },
    async (request) => {
      staffOf(request, ANY_STAFF);
      const language = languageOf(request);
      return { data: runs.list(request.query.limit).map((r) => runBody(r, language)) };
    },
  );
  app.get(
    '/v1/ops/runs/:id',
    {
      schema: {
        tags: ['settlement'],
        summary: 'One run with its progress (done of total)',
        params: IdParams,
        response: { 200: RunBody, 404: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, ANY_STAFF);
      const run = runs.find(request.params.id);
      if (!run) throw new OutcomeError({ code: 'not_found', param: 'id' });
      return runBody(run, languageOf(request));
    },
  );
};

function registerBusinessDates(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/ops/business-dates',
    {
      schema: {
        tags: ['settlement'],
        summary: 'Business dates newest first: open, due (past its cutoff time), cut off, settled',
        querystring: BusinessDateListQuery,
        response: { 200: BusinessDateList },
      },
    },
    async (request) => {
      staffOf(request, ANY_STAFF);
      const now = deps.services.clock.now();
      const cutoffTime = deps.services.rules.cutoffTime;
      const today = businessDateOf(now, cutoffTime);
      const rows = await platform.ops.businessDateOverview(deps.services.db, {
        today,
        limit: request.query.limit,
      });
      const data = rows.map((r): BusinessDateSummary => {
        const dueAt = cutoffInstantOf(r.businessDate, cutoffTime);
        return {
          businessDate: r.businessDate,
          status: r.status === 'open' && dueAt <= now ? 'due' : r.status,
          cutoffDueAt: dueAt.toISOString(),
          cutOffAt: r.cutOffAt?.toISOString() ?? null,
          settledAt: r.settledAt?.toISOString() ?? null,
          transactionCount: r.transactionCount,
          salesFen: String(r.salesFen),
          merchantsSettled: r.merchantsSettled,
          merchantsToSettle: r.merchantsToSettle,
        };
      });
      return { data };
    },
  );
}

/**
 * Starts a run, answering 202 with it at once; a refusal (too early, not cut off) is answered
 * here, before anything starts. While a run of the same kind and date goes on, that run is the
 * answer. Audited; an Idempotency-Key replays the first answer without starting another.
 */
function registerStart(app: App, deps: HttpDeps, runs: RunRegistry): void {
  app.post(
    '/v1/ops/runs',
    {
      schema: {
        tags: ['settlement'],
        summary: 'Start a cutoff or a settlement of a business date; it runs in the background',
        body: RunRequest,
        response: { 202: RunBody, 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { kind, businessDate } = request.body;
      const me = staffOf(request, RUN_ROLES[kind]);
      const language = languageOf(request);
      let started: { readonly run: Run; readonly work: RunWork } | undefined;
      try {
        const sent = await inTransaction(deps, request, reply, async (tx) => {
          const total = await checkRunnable(deps, tx, { kind, businessDate });
          // Checked and reserved with no await between: two requests never both start one.
          const going = runs.running(kind, businessDate);
          if (going) return { status: 202, body: runBody(going, language) };
          const id = deps.ids.next();
          const run = runs.reserve({ id, kind, businessDate, startedBy: me.name, total });
          started = { run, work: workOf(deps, kind, businessDate) };
          await audit(deps, tx, request, {
            action: `${kind}.run_started`,
            objectType: 'business_date',
            objectId: businessDate,
            merchantId: null,
            detail: { runId: id, kind, businessDate },
          });
          return { status: 202, body: runBody(run, language) };
        });
        // Only once the audit row is committed does the work begin.
        if (started) runs.launch(started.run, started.work);
        return sent;
      } catch (error) {
        if (started) runs.discard(started.run.id);
        throw error;
      }
    },
  );
}
