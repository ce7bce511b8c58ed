// The documents an applicant uploads, checked in the browser as the API checks them (type, size,
// and the first bytes agreeing with the type), so a file the API would refuse is never sent.
import type { DocumentKind } from '@shoudan/contracts';

export type MerchantType = 'individual' | 'enterprise';

/** The API's limits (apps/server/src/http/onboarding/documents.ts). */
export const DOCUMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_BYTES_MAX = 5 * 1024 * 1024;
export const DOCUMENTS_PER_APPLICATION_MAX = 12;
/** What the file picker offers (the extensions the three types go by). */
export const DOCUMENT_ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

export type DocumentProblem = 'empty' | 'too_large' | 'type_not_allowed' | 'type_mismatch';

/** The kinds each applicant is asked for; reviewers expect the required ones. */
export const DOCUMENT_KINDS: Record<
  MerchantType,
  readonly { readonly kind: DocumentKind; readonly required: boolean }[]
> = {
  individual: [
    { kind: 'id_card_front', required: true },
    { kind: 'id_card_back', required: true },
    { kind: 'bank_card', required: true },
    { kind: 'shop_photo', required: false },
  ],
  enterprise: [
    { kind: 'business_licence', required: true },
    { kind: 'id_card_front', required: true },
    { kind: 'id_card_back', required: true },
    { kind: 'shop_photo', required: false },
  ],
};

/** The type the first bytes are (JPEG SOI, PNG header, `%PDF-`), as the API sniffs it. */
export function sniffDocumentType(head: Uint8Array): DocumentType | undefined {
  const starts = (signature: number[]) => signature.every((b, i) => head[i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return undefined;
}

/** Why the API would refuse this file, if it would: `head` is its first 8 bytes or more. */
export function documentProblem(
  file: { readonly type: string; readonly size: number },
  head: Uint8Array,
): DocumentProblem | undefined {
  if (file.size === 0) return 'empty';
  if (file.size > DOCUMENT_BYTES_MAX) return 'too_large';
  if (!(DOCUMENT_TYPES as readonly string[]).includes(file.type)) return 'type_not_allowed';
  // The API refuses a file whose declared type and bytes disagree (a PDF named .png).
  if (sniffDocumentType(head) !== file.type) return 'type_mismatch';
  return undefined;
}

/** Reads the first bytes of a chosen file and checks it. */
export async function checkDocument(file: File): Promise<DocumentProblem | undefined> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return documentProblem(file, head);
}

/** The required kinds of `merchantType` not among `uploaded`. */
export function missingKinds(
  merchantType: MerchantType,
  uploaded: readonly string[],
): DocumentKind[] {
  return DOCUMENT_KINDS[merchantType]
    .filter((k) => k.required && !uploaded.includes(k.kind))
    .map((k) => k.kind);
}

/** The kind to offer next: the first required one missing, else the first not uploaded. */
export function nextKind(merchantType: MerchantType, uploaded: readonly string[]): DocumentKind {
  const kinds = DOCUMENT_KINDS[merchantType];
  const first = kinds[0]?.kind ?? 'id_card_front';
  return (
    missingKinds(merchantType, uploaded)[0] ??
    kinds.find((k) => !uploaded.includes(k.kind))?.kind ??
    first
  );
}

/** A size for people: `69 B`, `12.3 KB`, `4.5 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
