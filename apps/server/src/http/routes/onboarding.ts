// Applying for a POS (办理 / 进件) without an account: the application, following it with its access
// token, uploading documents, correcting and resubmitting it after a rejection, and setting the
// new owner's password once approved; reviewers list and download the documents. The review goes
// through the generic routes with the handler registered here.
import { fastifyMultipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  AccessTokenQuery,
  DocumentList,
  DocumentParams,
  DocumentUploadQuery,
  ErrorBody,
  IdParams,
  NoContent,
  OnboardingForm,
  OnboardingStatus,
  OnboardingSubmission,
  OwnerPasswordRequest,
  DocumentBody,
} from '@shoudan/contracts';
import { type Db, platform } from '@shoudan/db';
import { registerApplicationHandler } from '../applications/handlers.ts';
import { withdrawApplication } from '../applications/review.ts';
import { audit } from '../audit.ts';
import { hashPassword } from '../auth/passwords.ts';
import { staffOf } from '../auth/principal.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { inTransaction, type OnceShown } from '../idempotency.ts';
import { applicationOfToken, newAccessToken, type ApplicantRow } from '../onboarding/access.ts';
import { submitOnboarding, resubmitOnboarding, type Submitted } from '../onboarding/apply.ts';
import { executeOnboarding, recheckOnboarding } from '../onboarding/approve.ts';
import {
  DOCUMENT_BYTES_MAX,
  documentBody,
  readDocument,
  storeDocument,
} from '../onboarding/documents.ts';
import { onboardingStatus } from '../onboarding/status.ts';
import type { App, RegisterRoutes } from './index.ts';

registerApplicationHandler('onboarding', {
  reviewers: ['reviewer'],
  recheck: recheckOnboarding,
  execute: executeOnboarding,
});

/** Requests per minute per address on each public route that writes. */
const PUBLIC_WRITES_PER_MINUTE = 60;
const DOCUMENT_READERS = ['reviewer'] as const;

function submissionBody(
  submitted: Submitted,
  previousApplicationId: string | null,
): OnboardingSubmission {
  const { application, accessToken } = submitted;
  return {
    id: application.id,
    applicationNo: application.applicationNo,
    status: application.status,
    accessToken,
    previousApplicationId,
  };
}

/**
 * The access token is shown once and only its digest is kept: the Idempotency-Key's copy of the
 * answer keeps no token, and a replay shows a new one in its place (the one before stops working;
 * a client that sends again did not get, or will not use, the first answer).
 */
const ACCESS_TOKEN_ONCE: OnceShown = {
  kept: (answer) => ({ ...answer, body: { ...(answer.body as object), accessToken: null } }),
  replayed: async (tx, kept) => {
    const body = kept.body as OnboardingSubmission;
    const { token, tokenHash } = newAccessToken();
    await platform.onboarding.replaceTokenHash(tx, { applicationId: body.id, tokenHash });
    return { ...kept, body: { ...body, accessToken: token } };
  },
};

export const registerOnboardingRoutes: RegisterRoutes = (app, deps) => {
  registerApply(app, deps);
  registerFollow(app, deps);
  registerWithdraw(app, deps);
  registerOwnerPassword(app, deps);
  registerDocumentReads(app, deps);
  void app.register(async (scope) => {
    // Multipart only where documents are uploaded; every other route stays JSON only.
    await scope.register(fastifyMultipart, {
      limits: { fileSize: DOCUMENT_BYTES_MAX, files: 1, fields: 0, parts: 1 },
      throwFileSizeLimit: true,
    });
    registerUpload(scope as unknown as App, deps);
  });
};

function registerApply(app: App, deps: HttpDeps): void {
  const rateLimit = { max: PUBLIC_WRITES_PER_MINUTE, timeWindow: 60_000 };
  app.post(
    '/v1/applications/onboarding',
    {
      config: { rateLimit },
      schema: {
        tags: ['onboarding'],
        summary: 'Apply for a POS (办理): the access token to follow it is shown this once',
        body: OnboardingForm,
        response: { 201: OnboardingSubmission, 400: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      inTransaction(
        deps,
        request,
        reply,
        async (tx) => {
          const form = request.body;
          const submitted = await submitOnboarding(deps, tx, request, { form, previous: null });
          return { status: 201, body: submissionBody(submitted, null) };
        },
        ACCESS_TOKEN_ONCE,
      ),
  );
  app.post(
    '/v1/applications/onboarding/:id/resubmit',
    {
      config: { rateLimit },
      schema: {
        tags: ['onboarding'],
        summary: 'Correct a rejected application: a new one, linked to it, with its own token',
        params: IdParams,
        querystring: AccessTokenQuery,
        body: OnboardingForm,
        response: { 201: OnboardingSubmission, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      inTransaction(
        deps,
        request,
        reply,
        async (tx) => {
          const { id } = request.params;
          const found = await applicationOfToken(tx, {
            id,
            token: request.query.token,
            lock: true,
          });
          const submitted = await resubmitOnboarding(deps, tx, request, {
            form: request.body,
            previous: found.application,
            applicant: found.applicant,
          });
          return { status: 201, body: submissionBody(submitted, id) };
        },
        ACCESS_TOKEN_ONCE,
      ),
  );
}

function registerFollow(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/applications/onboarding/:id',
    {
      schema: {
        tags: ['onboarding'],
        summary: 'Follow an application with its access token',
        params: IdParams,
        querystring: AccessTokenQuery,
        response: { 200: OnboardingStatus, 404: ErrorBody },
      },
    },
    async (request) => {
      const db = deps.services.db;
      const { id } = request.params;
      const found = await applicationOfToken(db, { id, token: request.query.token });
      return onboardingStatus(db, found.application, found.applicant);
    },
  );
}

function registerWithdraw(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/applications/onboarding/:id/withdraw',
    {
      config: { rateLimit: { max: PUBLIC_WRITES_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['onboarding'],
        summary: 'Withdraw the application (撤回) while it waits for review, with its access token',
        params: IdParams,
        querystring: AccessTokenQuery,
        response: { 200: OnboardingStatus, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const { db } = deps.services;
      const { id } = request.params;
      const { token } = request.query;
      // The applicant's row as the token check read it: withdrawing does not change it.
      let applicant: ApplicantRow | undefined;
      const proves = async (tx: Db) => {
        ({ applicant } = await applicationOfToken(tx, { id, token, lock: true }));
      };
      const withdrawn = await withdrawApplication(deps, request, {
        id,
        by: { kind: 'applicant', proves },
      });
      if (!applicant) throw new Error('withdrawn without its applicant');
      return onboardingStatus(db, withdrawn, applicant);
    },
  );
}

function registerOwnerPassword(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/applications/onboarding/:id/owner-password',
    {
      config: { rateLimit: { max: PUBLIC_WRITES_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['onboarding'],
        summary: "Once approved: set the new owner's password (once) with the access token",
        params: IdParams,
        querystring: AccessTokenQuery,
        body: OwnerPasswordRequest,
        response: { 204: NoContent, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { config, clock, db } = deps.services;
      const passwordHash = await hashPassword(request.body.password, config.passwordScryptLog2N);
      await db.transaction(async (tx) => {
        const { id } = request.params;
        const found = await applicationOfToken(tx, { id, token: request.query.token, lock: true });
        await setOwnerPassword(deps, request, { ...found, tx, passwordHash, at: clock.now() });
      });
      return reply.code(204).send(null);
    },
  );
}

/** Outcomes: `application_not_pending` (not carried out yet), `owner_password_already_set`. */
async function setOwnerPassword(
  deps: HttpDeps,
  request: FastifyRequest,
  input: Awaited<ReturnType<typeof applicationOfToken>> & {
    readonly tx: Db;
    readonly passwordHash: string;
    readonly at: Date;
  },
): Promise<void> {
  const { application, applicant, tx } = input;
  if (application.status !== 'executed' || !applicant.ownerUserId) {
    throw new OutcomeError({
      code: 'application_not_pending',
      detail: { status: application.status, action: 'set_owner_password' },
    });
  }
  const set = await platform.onboarding.setOwnerPassword(tx, {
    applicationId: application.id,
    ownerUserId: applicant.ownerUserId,
    passwordHash: input.passwordHash,
    at: input.at,
  });
  if (!set) throw new OutcomeError({ code: 'owner_password_already_set' });
  await audit(deps, tx, request, {
    action: 'merchant_user.password_set',
    objectType: 'merchant_user',
    objectId: applicant.ownerUserId,
    merchantId: applicant.merchantId,
    detail: { applicationNo: application.applicationNo },
  });
}

function registerUpload(app: App, deps: HttpDeps): void {
  app.post(
    '/v1/applications/onboarding/:id/documents',
    {
      config: { rateLimit: { max: PUBLIC_WRITES_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['onboarding'],
        summary: 'Upload a document (JPEG, PNG or PDF, at most 5 MB) as multipart field `file`',
        consumes: ['multipart/form-data'],
        params: IdParams,
        querystring: DocumentUploadQuery,
        response: { 201: DocumentBody, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { token, kind } = request.query;
      // The token first, so that nothing is read for an application the caller cannot reach.
      await applicationOfToken(deps.services.db, { id, token });
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part) {
        const message = 'file: send one file as multipart/form-data field `file`';
        throw new OutcomeError({ code: 'validation_failed', param: 'file', message });
      }
      const bytes = await part.toBuffer().catch((error: unknown) => {
        if ((error as { statusCode?: number }).statusCode !== 413) throw error;
        throw new OutcomeError({
          code: 'document_too_large',
          param: 'file',
          detail: { maxBytes: DOCUMENT_BYTES_MAX },
        });
      });
      const upload = { id, token, kind, declaredType: part.mimetype, bytes };
      return reply.code(201).send(await storeDocument(deps, request, upload));
    },
  );
}

function registerDocumentReads(app: App, deps: HttpDeps): void {
  app.get(
    '/v1/ops/applications/:id/documents',
    {
      schema: {
        tags: ['review'],
        summary: "An application's documents (reviewers)",
        params: IdParams,
        response: { 200: DocumentList, 404: ErrorBody },
      },
    },
    async (request) => {
      staffOf(request, DOCUMENT_READERS);
      const db = deps.services.db;
      const application = await platform.applications.findApplication(db, request.params.id);
      if (!application) throw new OutcomeError({ code: 'not_found', param: 'id' });
      const rows = await platform.onboarding.listDocuments(db, application.id);
      return { data: rows.map(documentBody) };
    },
  );
  app.get(
    '/v1/ops/applications/:id/documents/:documentId',
    {
      schema: {
        tags: ['review'],
        summary: 'Download one document (reviewers); the body is the file itself',
        params: DocumentParams,
      },
    },
    async (request, reply) => {
      staffOf(request, DOCUMENT_READERS);
      const { id, documentId } = request.params;
      const db = deps.services.db;
      const row = await platform.onboarding.findDocument(db, { applicationId: id, documentId });
      if (!row) throw new OutcomeError({ code: 'not_found', param: 'documentId' });
      const { bytes, fileName } = await readDocument(deps, row);
      return reply
        .type(row.contentType)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );
}
