// Checks the browser's document checks against the API's: type, size, first bytes, and which
// kinds are still missing.
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_BYTES_MAX,
  documentProblem,
  formatBytes,
  missingKinds,
  nextKind,
  sniffDocumentType,
} from './documents.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
const PDF = new TextEncoder().encode('%PDF-1.7');

describe('documents', () => {
  it('sniffs the three allowed types by their first bytes', () => {
    expect(sniffDocumentType(PNG)).toBe('image/png');
    expect(sniffDocumentType(JPEG)).toBe('image/jpeg');
    expect(sniffDocumentType(PDF)).toBe('application/pdf');
    expect(sniffDocumentType(new TextEncoder().encode('GIF89a'))).toBeUndefined();
  });

  it('refuses what the API refuses', () => {
    expect(documentProblem({ type: 'image/png', size: 69 }, PNG)).toBeUndefined();
    expect(documentProblem({ type: 'image/png', size: 0 }, PNG)).toBe('empty');
    expect(documentProblem({ type: 'image/png', size: DOCUMENT_BYTES_MAX + 1 }, PNG)).toBe(
      'too_large',
    );
    expect(documentProblem({ type: 'image/png', size: DOCUMENT_BYTES_MAX }, PNG)).toBeUndefined();
    expect(documentProblem({ type: 'image/gif', size: 10 }, PNG)).toBe('type_not_allowed');
    expect(documentProblem({ type: 'image/png', size: 10 }, PDF)).toBe('type_mismatch');
  });

  it('names the required kinds still missing and the next to offer', () => {
    expect(missingKinds('individual', ['id_card_front'])).toEqual(['id_card_back', 'bank_card']);
    expect(missingKinds('enterprise', [])).toEqual([
      'business_licence',
      'id_card_front',
      'id_card_back',
    ]);
    expect(nextKind('individual', ['id_card_front'])).toBe('id_card_back');
    expect(nextKind('individual', ['id_card_front', 'id_card_back', 'bank_card'])).toBe(
      'shop_photo',
    );
  });

  it('shows sizes for people', () => {
    expect(formatBytes(69)).toBe('69 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
