// The HTTP API of the merchant platform and the ops console (Fastify + zod + OpenAPI at /docs),
// with /health and /status. Every route validates its input with zod (400 naming the field),
// answers expected outcomes through errors.ts, and never shows a defect's detail.
import { fastifyCookie } from '@fastify/cookie';
import { fastifyRateLimit } from '@fastify/rate-limit';
import { fastifySwagger } from '@fastify/swagger';
import { fastifySwaggerUi } from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { identify } from './auth/principal.ts';
import type { HttpDeps } from './context.ts';
import { errorBody, HTTP_STATUS, OutcomeError } from './errors.ts';
import { ROUTES, type App } from './routes/index.ts';
import { isPageRequest, registerWeb, sendApp } from './web.ts';

export type { App };

export type HttpAppOptions = {
  /** Shown in /status: where the data is (never with credentials). */
  readonly databaseDescription: string;
  readonly version?: string;
  /** The built web app to serve on the same port (apps/web/dist); none when not given. */
  readonly webRoot?: string;
};

/** Explicit limits rather than Fastify's defaults. */
const BODY_LIMIT_BYTES = 1_048_576;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** Requests per minute per address on the sign-in routes (lockout per account is separate). */
const LOGIN_RATE_PER_MINUTE = 20;

export async function createHttpApp(deps: HttpDeps, options: HttpAppOptions): Promise<App> {
  let requests = 0;
  const app = Fastify({
    loggerInstance: deps.services.logger.child({ part: 'http' }) as FastifyBaseLogger,
    // One line per answer (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    genReqId: () => `req_${deps.ids.next()}`,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerPlugins(app, options);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    requests += 1;
    if (!request.url.startsWith('/v1/')) return;
    request.principal = await identify(deps, request);
    refuseWrongSide(request);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({
      event: 'http.answered',
      requestId: request.id,
      method: request.method,
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    });
  });
  app.setErrorHandler(answerError);
  const webBuilt = options.webRoot !== undefined && (await registerWeb(app, options.webRoot));
  app.setNotFoundHandler((request, reply) => {
    // A page of the web app, opened or reloaded at its own address.
    if (options.webRoot !== undefined && isPageRequest(request)) {
      return sendApp(request, reply, webBuilt);
    }
    return reply.code(404).send({
      code: 'route_not_found',
      message: `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`,
      requestId: request.id,
    });
  });
  const routeOptions = {
    ...options,
    loginRatePerMinute: LOGIN_RATE_PER_MINUTE,
    requests: () => requests,
  };
  for (const register of ROUTES) register(app, deps, routeOptions);
  await app.ready();
  return app;
}

async function registerPlugins(app: App, options: HttpAppOptions): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Shoudan API',
        description: 'Merchant platform (商户平台) and ops console (运营后台) of Shoudan',
        version: options.version ?? '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'shoudan_session' },
          secretKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
}

/**
 * Expected outcomes get their status and body; bad input a 400 naming the field; a defect a 500
 * without detail, logged at error level.
 */
function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof OutcomeError) {
    return reply.code(statusOf(error)).send(errorBody(request, error.outcome));
  }
  if (error.validation && error.validation.length > 0) {
    const issue = error.validation[0];
    const where = error.validationContext ?? 'body';
    const path = (issue?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const param = path === '' ? where : path;
    const message = `${param}: ${issue?.message ?? 'invalid'}`;
    return reply
      .code(400)
      .send({ code: 'validation_failed', message, param, requestId: request.id });
  }
  if (error.statusCode === 429) {
    return reply.code(429).send({
      code: 'account_locked',
      message: 'Too many requests: try again later',
      requestId: request.id,
    });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own refusals: a body that is not JSON, too large, a wrong content type.
    return reply.code(error.statusCode).send({
      code: 'validation_failed',
      message: error.message,
      param: 'body',
      requestId: request.id,
    });
  }
  // The route, not the URL: a query string may carry an applicant's access token.
  const route = request.routeOptions.url ?? null;
  request.log.error({ event: 'http.request_failed', err: error, requestId: request.id, route });
  return reply.code(500).send({
    code: 'internal_error',
    message: 'Internal error',
    requestId: request.id,
  });
}

/**
 * Before the body is validated: a merchant route needs a merchant caller and an ops route a staff
 * member, so a stranger learns nothing of a route's fields. Each route still checks its roles.
 */
function refuseWrongSide(request: FastifyRequest): void {
  const path = request.url;
  const principal = request.principal;
  const merchantSide = path.startsWith('/v1/merchant/') && !path.startsWith('/v1/merchant/session');
  const staffSide = path.startsWith('/v1/ops/');
  if (!merchantSide && !staffSide) return;
  if (!principal) throw new OutcomeError({ code: 'unauthenticated' });
  if ((principal.kind === 'staff') !== staffSide) throw new OutcomeError({ code: 'forbidden' });
}

function statusOf(error: OutcomeError): number {
  return HTTP_STATUS[error.outcome.code];
}

export type HttpServer = {
  /** Base URL, with the port actually bound (useful with port 0). */
  readonly url: string;
  readonly app: App;
  close(): Promise<void>;
};

export async function startHttpServer(
  deps: HttpDeps,
  options: HttpAppOptions & { readonly host: string; readonly port: number },
): Promise<HttpServer> {
  const app = await createHttpApp(deps, options);
  const address = await app.listen({ host: options.host, port: options.port });
  return { url: address, app, close: () => app.close() };
}
