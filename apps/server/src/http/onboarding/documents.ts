// The documents of an onboarding application (ID card, business licence, bank card, shop photo):
// checked by their first bytes (a declared type alone proves nothing), kept as files under the
// data directory, `uploads/<applicationId>/<documentId>`, with a row that names and hashes them.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { DocumentBody, DocumentKind } from '@shoudan/contracts';
import { platform } from '@shoudan/db';
import { audit } from '../audit.ts';
import type { HttpDeps } from '../context.ts';
import { OutcomeError } from '../errors.ts';
import { applicationOfToken } from './access.ts';

export const DOCUMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Largest document accepted: a phone photo or a scanned PDF fits. */
export const DOCUMENT_BYTES_MAX = 5 * 1024 * 1024;
/** Documents at most per application: each kind, and a few taken again. */
export const DOCUMENTS_PER_APPLICATION_MAX = 12;

const EXTENSIONS: Record<DocumentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** The type the bytes are, by their signature (JPEG SOI, PNG header, `%PDF-`), if allowed. */
export function sniffDocumentType(bytes: Buffer): DocumentType | undefined {
  const starts = (signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return undefined;
}

export function documentBody(row: platform.onboarding.DocumentRow): DocumentBody {
  return {
    id: row.id,
    applicationId: row.applicationId,
    kind: row.kind,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export type Upload = {
  readonly id: string;
  readonly token: string;
  readonly kind: DocumentKind;
  readonly declaredType: string;
  readonly bytes: Buffer;
};

/**
 * Keeps an uploaded document of a submitted application: its row and audit entry in one
 * transaction, the file written before that commits (and removed if it does not). Outcomes:
 * `not_found`, `application_not_pending` (already reviewed), `document_type_not_allowed`,
 * `validation_failed` (empty, or too many documents).
 */
export async function storeDocument(
  deps: HttpDeps,
  request: FastifyRequest,
  upload: Upload,
): Promise<DocumentBody> {
  const contentType = checkedType(upload);
  const documentId = deps.ids.next();
  const storedPath = join('uploads', upload.id, documentId);
  const file = join(deps.services.config.dataDir, storedPath);
  try {
    return await deps.services.db.transaction(async (tx) => {
      const { application } = await applicationOfToken(tx, { ...upload, lock: true });
      if (application.status !== 'submitted') {
        throw new OutcomeError({
          code: 'application_not_pending',
          detail: { status: application.status, action: 'upload' },
        });
      }
      const kept = await platform.onboarding.listDocuments(tx, application.id);
      if (kept.length >= DOCUMENTS_PER_APPLICATION_MAX) {
        throw new OutcomeError({
          code: 'validation_failed',
          param: 'file',
          message: `file: at most ${DOCUMENTS_PER_APPLICATION_MAX} documents per application`,
        });
      }
      const row = {
        id: documentId,
        applicationId: application.id,
        kind: upload.kind,
        contentType,
        sizeBytes: upload.bytes.length,
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        storedPath,
        uploadedAt: deps.services.clock.now(),
      };
      await platform.onboarding.insertDocument(tx, row);
      await audit(deps, tx, request, {
        action: 'application.document_uploaded',
        objectType: 'application',
        objectId: application.id,
        merchantId: application.merchantId,
        detail: { documentId, kind: row.kind, contentType, sizeBytes: row.sizeBytes },
      });
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, upload.bytes, { flag: 'wx', mode: 0o600 });
      return documentBody(row);
    });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

function checkedType(upload: Upload): DocumentType {
  if (upload.bytes.length === 0) {
    throw new OutcomeError({ code: 'validation_failed', param: 'file', message: 'file: empty' });
  }
  const sniffed = sniffDocumentType(upload.bytes);
  // The declared type must agree with the bytes: a PDF named image/png is refused too.
  if (!sniffed || sniffed !== upload.declaredType) {
    throw new OutcomeError({
      code: 'document_type_not_allowed',
      param: 'file',
      detail: { declared: upload.declaredType, allowed: DOCUMENT_TYPES.join(', ') },
    });
  }
  return sniffed;
}

/** The bytes of a kept document and a file name to save it under. */
export async function readDocument(
  deps: HttpDeps,
  row: platform.onboarding.DocumentRow,
): Promise<{ bytes: Buffer; fileName: string }> {
  const bytes = await readFile(join(deps.services.config.dataDir, row.storedPath));
  const extension = EXTENSIONS[row.contentType as DocumentType] ?? 'bin';
  return { bytes, fileName: `${row.kind}-${row.id}.${extension}` };
}
