// Applications seen by their merchant (list, one with its timeline, withdraw) and by staff
// (the review queues, one with its timeline, approve, reject, withdraw what they proposed).
// Each kind is submitted by its own route.
import {
  ApplicationBody,
  ApplicationFilter,
  ApplicationList,
  ApplicationWithTimeline,
  ApproveRequest,
  ErrorBody,
  IdParams,
  RejectRequest,
  ReviewQueueFilter,
  StaffRole,
} from '@shoudan/contracts';
import { platform } from '@shoudan/db';
import { applicationBody, timelineOf } from '../applications/body.ts';
import {
  approveApplication,
  rejectApplication,
  withdrawApplication,
} from '../applications/review.ts';
import { merchantOf, staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import type { App, RegisterRoutes } from './index.ts';

const REVIEW_ROLES = ['reviewer', 'ops', 'finance', 'support'] as const;
/** Any staff member: only the one who proposed a change withdraws it. */
const STAFF_ROLES = StaffRole.options;

export const registerApplicationRoutes: RegisterRoutes = (app, deps) => {
  registerMerchantSide(app, deps);
  registerStaffSide(app, deps);
};

function registerMerchantSide(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/merchant/applications',
    {
      schema: {
        tags: ['applications'],
        summary: "The merchant's applications, newest first",
        querystring: ApplicationFilter,
        response: { 200: ApplicationList },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      const { kind, status, limit } = request.query;
      const rows = await platform.applications.listApplications(deps.services.db, {
        merchantId: me.merchantId,
        ...(kind ? { kinds: [kind] } : {}),
        ...(status ? { statuses: [status] } : {}),
        limit,
      });
      return { data: rows.map(applicationBody) };
    },
  );
  app.get(
    '/v1/merchant/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'One application with its timeline',
        params: IdParams,
        response: { 200: ApplicationWithTimeline, 404: ErrorBody },
      },
    },
    async (request) => {
      const me = merchantOf(request);
      const db = deps.services.db;
      const row = await platform.applications.findApplication(db, request.params.id, me.merchantId);
      if (!row) throw new OutcomeError({ code: 'not_found', param: 'id' });
      return { ...applicationBody(row), timeline: await timelineOf(db, row.id) };
    },
  );
  app.post(
    '/v1/merchant/applications/:id/withdraw',
    {
      schema: {
        tags: ['applications'],
        summary: 'Withdraw a submitted application',
        params: IdParams,
        response: { 200: ApplicationBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const merchant = merchantOf(request, { roles: ['owner'] });
      const by = { kind: 'merchant', merchant } as const;
      const row = await withdrawApplication(deps, request, { id: request.params.id, by });
      return applicationBody(row);
    },
  );
}

function registerStaffSide(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/ops/applications',
    {
      schema: {
        tags: ['review'],
        summary: 'Review queue: applications by kind and status, newest first',
        querystring: ReviewQueueFilter,
        response: { 200: ApplicationList },
      },
    },
    async (request) => {
      staffOf(request, REVIEW_ROLES);
      const { kind, status, limit, merchantId } = request.query;
      const rows = await platform.applications.listApplications(deps.services.db, {
        ...(merchantId ? { merchantId } : {}),
        ...(kind ? { kinds: [kind] } : {}),
        ...(status ? { statuses: [status] } : {}),
        limit,
      });
      return { data: rows.map(applicationBody) };
    },
  );
  app.get(
    '/v1/ops/applications/:id',
    {
      schema: {
        tags: ['review'],
        summary: 'One application with its timeline',
        params: IdParams,
        response: { 200: ApplicationWithTimeline, 404: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, REVIEW_ROLES);
      const db = deps.services.db;
      const row = await platform.applications.findApplication(db, request.params.id);
      if (!row) throw new OutcomeError({ code: 'not_found', param: 'id' });
      return { ...applicationBody(row), timeline: await timelineOf(db, row.id) };
    },
  );
  registerReviewActions(app, deps);
}

function registerReviewActions(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/ops/applications/:id/approve',
    {
      schema: {
        tags: ['review'],
        summary: 'Approve, re-check and carry out an application (never your own)',
        params: IdParams,
        body: ApproveRequest,
        response: { 200: ApplicationBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const reviewer = staffOf(request, REVIEW_ROLES);
      const comment = request.body.comment ?? null;
      const row = await approveApplication(deps, request, {
        id: request.params.id,
        reviewer,
        comment,
      });
      return applicationBody(row);
    },
  );
  app.post(
    '/v1/ops/applications/:id/withdraw',
    {
      schema: {
        tags: ['review'],
        summary: 'Withdraw a change you proposed (a rate change) before it is reviewed',
        params: IdParams,
        response: { 200: ApplicationBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const staff = staffOf(request, STAFF_ROLES);
      const by = { kind: 'staff', staff } as const;
      const row = await withdrawApplication(deps, request, { id: request.params.id, by });
      return applicationBody(row);
    },
  );
  app.post(
    '/v1/ops/applications/:id/reject',
    {
      schema: {
        tags: ['review'],
        summary: 'Reject an application with the reason the applicant will read',
        params: IdParams,
        body: RejectRequest,
        response: { 200: ApplicationBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const reviewer = staffOf(request, REVIEW_ROLES);
      const { comment } = request.body;
      const row = await rejectApplication(deps, request, {
        id: request.params.id,
        reviewer,
        comment,
      });
      return applicationBody(row);
    },
  );
}
