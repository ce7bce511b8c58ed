// The CUP POS message as a plain object: every field by meaning, amounts in fen as bigint,
// binary fields as bytes. Field numbers live only in the spec table (cup.ts).

export interface CupMessage {
  /** Message type identifier, 4 digits: `0200`. */
  readonly mti: string;
  /** Primary account number, up to 19 digits. Never stored or logged in clear. */
  readonly pan?: string;
  /** 6 digits: `000000` purchase, `200000` void/refund, `310000` balance, `030000` pre-auth. */
  readonly processingCode?: string;
  /** Transaction amount in fen (n12 on the wire). */
  readonly amountFen?: bigint;
  /** System trace / voucher number, 6 digits. */
  readonly stan?: string;
  /** Local time hhmmss (host, responses). */
  readonly localTime?: string;
  /** Local date MMDD (host, responses). */
  readonly localDate?: string;
  /** Card expiry YYMM. */
  readonly expiryDate?: string;
  /** Business date MMDD the transaction belongs to (host, responses). */
  readonly settlementDate?: string;
  /** POS entry mode, 3 digits: how the card was read (2) + PIN capability (1), e.g. `051`. */
  readonly entryMode?: string;
  /** Card sequence number, 3 digits (chip cards). */
  readonly cardSequenceNo?: string;
  /** POS condition code, 2 digits: `00` normal, `06` pre-authorisation. */
  readonly conditionCode?: string;
  /** PIN capture code (max PIN length), 2 digits: `12` or `06`. */
  readonly pinCaptureCode?: string;
  /** A vendor's fixed 8-byte field the platform skips (ans8), kept as bytes. */
  readonly vendorFixedData?: Uint8Array;
  /** Acquiring institution id, up to 11 digits. */
  readonly acquirerId?: string;
  /** Track 2: digits with `=` as separator (nibble D). Never stored or logged. */
  readonly track2?: string;
  /** Track 3: digits with `=` as separator. Never stored or logged. */
  readonly track3?: string;
  /** Retrieval reference number, 12 characters. */
  readonly rrn?: string;
  /** Authorisation code, up to 6 characters. */
  readonly authorisationCode?: string;
  /** Response code, 2 characters (in a 0400: the reversal reason). */
  readonly responseCode?: string;
  /** A vendor's variable text field the platform skips (ans LLLVAR), kept as bytes. */
  readonly vendorTextData?: Uint8Array;
  /** Card acceptor terminal id, 8 characters. */
  readonly terminalId?: string;
  /** Card acceptor (merchant) id, 15 characters. */
  readonly merchantNo?: string;
  /** Additional response data: issuer id + acquirer id, up to 25 characters. */
  readonly additionalResponse?: string;
  /** Private additional data: settlement totals, batch upload records (digits). */
  readonly additionalData?: string;
  /** Currency code, 3 characters: `156` (CNY). */
  readonly currencyCode?: string;
  /** PIN block, 8 bytes. Never logged. */
  readonly pinBlock?: Uint8Array;
  /** Security control information, 16 digits: PIN format, algorithm, track encryption. */
  readonly securityControl?: string;
  /** Balance (additional amounts) text, up to 20 characters. */
  readonly balance?: string;
  /** Chip data: EMV TLV bytes (read them with `readTlv`). */
  readonly chipData?: Uint8Array;
  /** A vendor's variable binary field the platform skips (b LLLVAR). */
  readonly vendorBinaryData?: Uint8Array;
  /** A vendor's variable field the platform skips (ans LLLVAR), kept as bytes. */
  readonly vendorExtraData?: Uint8Array;
  /** 2 digits: `22` sale, `23` void, `25` refund, `00` management/settlement … */
  readonly transactionTypeCode?: string;
  /** Batch number, 6 digits. */
  readonly batchNo?: string;
  /** Network management code, 3 digits: `000` financial, `001`/`003`/`004` sign-in … */
  readonly networkManagementCode?: string;
  /** Terminal read capability, 1 digit: `5` chip + magstripe, `6` contactless. */
  readonly terminalCapability?: string;
  /** Chip condition code, 1 digit: `0` normal, `2` fallback after a chip failure. */
  readonly chipConditionCode?: string;
  /** Partial approval / balance return support, 1 digit. */
  readonly partialApprovalFlag?: string;
  /** Loyalty account type, 3 digits. */
  readonly loyaltyAccountType?: string;
  /** Digits of the reserved field after its last whole sub-field (kept so it writes back). */
  readonly reservedTail?: string;
  /** Original batch number, 6 digits (void, refund, reversal). */
  readonly originalBatchNo?: string;
  /** Original voucher number, 6 digits. */
  readonly originalVoucherNo?: string;
  /** Original transaction date MMDD (refunds, pre-auth family). */
  readonly originalDate?: string;
  /** Digits of the original-message field after the original date (or a cut-short field). */
  readonly originalTail?: string;
  /** Working keys of a sign-in answer (read them with `readWorkingKeys`). Never logged. */
  readonly workingKeys?: Uint8Array;
  /** Terminal information a sign-in request may carry (serial number …). */
  readonly terminalInfo?: Uint8Array;
  /** The reserved binary field in other messages. */
  readonly privateBinary?: Uint8Array;
  /** Operator number in management and settlement messages (`01 `, `001`). */
  readonly operatorNo?: string;
  /** Card organisation in financial messages, up to 3 characters: `CUP`, `VIS`, `000` … */
  readonly cardOrganisation?: string;
  /** Answer text after the card organisation (GBK on the wire, so Chinese is fine). */
  readonly responseText?: string;
  /** Message authentication code, 8 bytes. */
  readonly mac?: Uint8Array;
}

/** What the codec could read of a message it could not read whole, to answer it `30`. */
export type CupPartialMessage = Partial<
  Pick<CupMessage, 'mti' | 'processingCode' | 'amountFen' | 'stan' | 'terminalId' | 'merchantNo'>
>;

export const cupPartialKeys: readonly (keyof CupPartialMessage)[] = [
  'mti',
  'processingCode',
  'amountFen',
  'stan',
  'terminalId',
  'merchantNo',
];
