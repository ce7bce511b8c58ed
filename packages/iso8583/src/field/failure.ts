// The internal failure thrown inside a field read or write and turned into a CodecError at the
// message boundary; `structural` says whether reading can go on past the field.
import type { CodecErrorReason } from '../codec-error.ts';

export class Failure {
  readonly reason: CodecErrorReason;
  readonly detail: string;
  /** True when the field's extent is unknown, so no later field can be read. */
  readonly structural: boolean;
  readonly path: readonly string[];

  constructor(
    reason: CodecErrorReason,
    detail: string,
    structural: boolean,
    path: readonly string[] = [],
  ) {
    this.reason = reason;
    this.detail = detail;
    this.structural = structural;
    this.path = path;
  }
}

/** A failure after which the read position is still right (the field was skipped whole). */
export function contentFailure(reason: CodecErrorReason, detail: string, path?: string[]): Failure {
  return new Failure(reason, detail, false, path);
}

/** A failure after which nothing further can be read. */
export function structuralFailure(reason: CodecErrorReason, detail: string): Failure {
  return new Failure(reason, detail, true);
}
