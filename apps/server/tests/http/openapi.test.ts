// Goal: the OpenAPI document is valid and covers every route the API serves. Method: build the
// app, validate `app.swagger()` against the OpenAPI 3.0 schema (@seriousme/openapi-schema-
// validator), and compare its paths with Fastify's own route table.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ merchants: 1, terminalsPerMerchant: 1 });
});
afterAll(() => h.close());

/** Fastify's `:id` is OpenAPI's `{id}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      h.app.swagger() as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route, with its method', () => {
    const doc = h.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const served: string[] = [];
    for (const line of h.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /(\/\S*) \(([A-Z, ]+)\)/.exec(line.replace(/^[\s│├└─]+/, ''));
      if (!match?.[1] || !match[2]) continue;
      for (const method of match[2].split(', ')) {
        if (method === 'HEAD' || !match[1].startsWith('/v1/')) continue;
        served.push(`${method.toLowerCase()} ${openApiPath(match[1])}`);
      }
    }
    expect(served.length).toBeGreaterThan(10);
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    expect(served.filter((route) => !documented.includes(route))).toEqual([]);
  });
});
