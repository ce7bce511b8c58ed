-- Merchant self-service: support tickets (客服工单) and their messages, and at most one open
-- terminal application (replacement or return) per terminal.
CREATE TABLE "support_ticket" (
  "id" uuid PRIMARY KEY,
  "ticket_no" text NOT NULL UNIQUE,
  "merchant_id" uuid NOT NULL REFERENCES "merchant"("id"),
  "subject" text NOT NULL,
  "status" text NOT NULL,
  "transaction_id" uuid REFERENCES "transactions"("id"),
  "terminal_id" text,
  "created_at" timestamp with time zone NOT NULL,
  "closed_at" timestamp with time zone,
  CONSTRAINT "support_ticket_status_known" CHECK ("status" IN ('open', 'answered', 'closed')),
  CONSTRAINT "support_ticket_closed_at" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL)),
  CONSTRAINT "support_ticket_subject_length" CHECK (char_length("subject") BETWEEN 1 AND 200),
  -- A linked terminal is the ticket's merchant's own.
  CONSTRAINT "support_ticket_terminal_fk" FOREIGN KEY ("terminal_id", "merchant_id")
    REFERENCES "terminal"("terminal_id", "merchant_id")
);
--> statement-breakpoint
CREATE INDEX "support_ticket_merchant_idx" ON "support_ticket" ("merchant_id", "created_at");
--> statement-breakpoint
CREATE INDEX "support_ticket_queue_idx" ON "support_ticket" ("status", "created_at");
--> statement-breakpoint
-- The conversation of a ticket, oldest first; the author's name is kept as it was when written.
CREATE TABLE "ticket_message" (
  "id" uuid PRIMARY KEY,
  "ticket_id" uuid NOT NULL REFERENCES "support_ticket"("id"),
  "merchant_id" uuid NOT NULL REFERENCES "merchant"("id"),
  "author_kind" text NOT NULL,
  "author_id" uuid NOT NULL,
  "author_name" text NOT NULL,
  "body" text NOT NULL,
  "at" timestamp with time zone NOT NULL,
  CONSTRAINT "ticket_message_author_kind_known" CHECK (
    "author_kind" IN ('merchant_user', 'staff')),
  CONSTRAINT "ticket_message_body_length" CHECK (char_length("body") BETWEEN 1 AND 4000)
);
--> statement-breakpoint
CREATE INDEX "ticket_message_ticket_idx" ON "ticket_message" ("ticket_id", "at");
--> statement-breakpoint
-- 工单编号 sequence: the ticket number is `T`, the business date and this.
CREATE SEQUENCE "ticket_no_seq" START WITH 1 MAXVALUE 999999 CYCLE;
--> statement-breakpoint
-- One open terminal application per terminal: a replacement and a return of the same terminal
-- cannot both be under review.
CREATE UNIQUE INDEX "application_one_open_terminal_change" ON "application"
  ("merchant_id", ("payload"->>'terminalId'))
  WHERE "kind" IN ('terminal_replacement', 'terminal_return')
    AND "status" IN ('submitted', 'approved');
