CREATE SEQUENCE "public"."rrn_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 999999999999 START WITH 1 CACHE 1 CYCLE;--> statement-breakpoint
CREATE TABLE "business_date" (
	"business_date" date PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"cut_off_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	CONSTRAINT "business_date_status_known" CHECK ("business_date"."status" in ('open', 'cut_off', 'settled'))
);
--> statement-breakpoint
CREATE TABLE "fee_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fee_plan_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "fee_rate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"fee_plan_id" uuid,
	"merchant_id" uuid,
	"service" text NOT NULL,
	"rate_bps" integer NOT NULL,
	"cap_fen" bigint,
	"effective_from" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fee_rate_owner" CHECK (("fee_rate"."fee_plan_id" is null) <> ("fee_rate"."merchant_id" is null)),
	CONSTRAINT "fee_rate_bounds" CHECK ("fee_rate"."rate_bps" >= 0 and "fee_rate"."rate_bps" <= 10000),
	CONSTRAINT "fee_cap_positive" CHECK ("fee_rate"."cap_fen" is null or "fee_rate"."cap_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "journal_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"merchant_id" uuid,
	"transaction_id" uuid,
	"settlement_id" uuid,
	"business_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_line" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journal_line_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" uuid NOT NULL,
	"account" text NOT NULL,
	"merchant_id" uuid,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "journal_line_nonzero" CHECK ("journal_line"."amount_fen" <> 0),
	CONSTRAINT "journal_line_account_known" CHECK ("journal_line"."account" in ('network_receivable', 'merchant_pending', 'merchant_payable',
        'fee_income', 'settlement_payout'))
);
--> statement-breakpoint
CREATE TABLE "merchant_service" (
	"merchant_id" uuid NOT NULL,
	"service" text NOT NULL,
	"status" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "merchant_service_merchant_id_service_pk" PRIMARY KEY("merchant_id","service"),
	CONSTRAINT "service_known" CHECK ("merchant_service"."service" in ('card_debit', 'card_credit', 'unionpay_qr', 'wechat_pay', 'alipay',
        'd0_settlement', 'pre_authorization')),
	CONSTRAINT "service_status_known" CHECK ("merchant_service"."status" in ('active', 'suspended', 'revoked'))
);
--> statement-breakpoint
CREATE TABLE "merchant_settlement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"sale_count" integer NOT NULL,
	"gross_fen" bigint NOT NULL,
	"fee_fen" bigint NOT NULL,
	"refund_count" integer NOT NULL,
	"refund_fen" bigint NOT NULL,
	"d0_fee_fen" bigint NOT NULL,
	"carried_in_fen" bigint NOT NULL,
	"net_fen" bigint NOT NULL,
	"payout_fen" bigint NOT NULL,
	"carried_out_fen" bigint NOT NULL,
	"settlement_mode" text NOT NULL,
	"payable_date" date NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "merchant_settlement_once" UNIQUE("merchant_id","business_date"),
	CONSTRAINT "settlement_mode_known" CHECK ("merchant_settlement"."settlement_mode" in ('t1', 'd0')),
	CONSTRAINT "settlement_status_known" CHECK ("merchant_settlement"."status" in ('payable', 'paid')),
	CONSTRAINT "settlement_adds_up" CHECK ("merchant_settlement"."net_fen" = "merchant_settlement"."carried_in_fen" + "merchant_settlement"."gross_fen" - "merchant_settlement"."fee_fen" - "merchant_settlement"."refund_fen" - "merchant_settlement"."d0_fee_fen"
        and "merchant_settlement"."payout_fen" = greatest("merchant_settlement"."net_fen", 0) and "merchant_settlement"."carried_out_fen" = least("merchant_settlement"."net_fen", 0))
);
--> statement-breakpoint
CREATE TABLE "merchant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_no" text NOT NULL,
	"name" text NOT NULL,
	"merchant_type" text NOT NULL,
	"status" text NOT NULL,
	"fee_plan_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "merchant_merchant_no_unique" UNIQUE("merchant_no"),
	CONSTRAINT "merchant_no_format" CHECK ("merchant"."merchant_no" ~ '^[0-9]{15}$'),
	CONSTRAINT "merchant_type_known" CHECK ("merchant"."merchant_type" in ('individual', 'enterprise')),
	CONSTRAINT "merchant_status_known" CHECK ("merchant"."status" in ('pending', 'active', 'suspended', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "terminal_batch" (
	"terminal_id" text NOT NULL,
	"batch_no" integer NOT NULL,
	"merchant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	"host_totals" jsonb,
	"terminal_totals" jsonb,
	"balanced" boolean,
	CONSTRAINT "terminal_batch_terminal_id_batch_no_pk" PRIMARY KEY("terminal_id","batch_no"),
	CONSTRAINT "batch_status_known" CHECK ("terminal_batch"."status" in ('open', 'settled'))
);
--> statement-breakpoint
CREATE TABLE "terminal" (
	"terminal_id" text PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"serial_no" text NOT NULL,
	"status" text NOT NULL,
	"frozen_reason" text,
	"current_batch_no" integer NOT NULL,
	"last_voucher_no" integer NOT NULL,
	"signed_in_at" timestamp with time zone,
	"signed_off_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "terminal_serial_no_unique" UNIQUE("serial_no"),
	CONSTRAINT "terminal_id_format" CHECK ("terminal"."terminal_id" ~ '^[0-9A-Za-z]{8}$'),
	CONSTRAINT "terminal_status_known" CHECK ("terminal"."status" in ('pending_activation', 'active', 'frozen', 'deactivated')),
	CONSTRAINT "terminal_batch_range" CHECK ("terminal"."current_batch_no" between 1 and 999999),
	CONSTRAINT "terminal_voucher_range" CHECK ("terminal"."last_voucher_no" between 0 and 999999)
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"merchant_id" uuid NOT NULL,
	"terminal_id" text NOT NULL,
	"batch_no" integer NOT NULL,
	"voucher_no" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"outcome_code" text,
	"amount_fen" bigint NOT NULL,
	"fee_fen" bigint NOT NULL,
	"fee_rate_bps" integer,
	"service" text,
	"payment_method" text NOT NULL,
	"pan_masked" text,
	"card_org" text,
	"rrn" text DEFAULT lpad(nextval('rrn_seq')::text, 12, '0') NOT NULL,
	"auth_code" text,
	"original_id" uuid,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"business_date" date NOT NULL,
	"request_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "transactions_rrn_unique" UNIQUE("rrn"),
	CONSTRAINT "transactions_request_key" UNIQUE("terminal_id","batch_no","voucher_no"),
	CONSTRAINT "transactions_kind_known" CHECK ("transactions"."kind" in ('sale', 'void', 'refund')),
	CONSTRAINT "transactions_status_known" CHECK ("transactions"."status" in ('approved', 'declined', 'voided', 'reversed')),
	CONSTRAINT "transactions_amount_positive" CHECK ("transactions"."amount_fen" > 0),
	CONSTRAINT "transactions_fee_range" CHECK ("transactions"."fee_fen" >= 0 and "transactions"."fee_fen" <= "transactions"."amount_fen"),
	CONSTRAINT "transactions_refunded_range" CHECK ("transactions"."refunded_fen" >= 0 and "transactions"."refunded_fen" <= "transactions"."amount_fen"),
	CONSTRAINT "transactions_pan_masked" CHECK ("transactions"."pan_masked" is null or "transactions"."pan_masked" ~ '^[0-9]{6}\*+[0-9]{4}$')
);
--> statement-breakpoint
ALTER TABLE "fee_rate" ADD CONSTRAINT "fee_rate_fee_plan_id_fee_plan_id_fk" FOREIGN KEY ("fee_plan_id") REFERENCES "public"."fee_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_rate" ADD CONSTRAINT "fee_rate_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_line" ADD CONSTRAINT "journal_line_entry_id_journal_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."journal_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_service" ADD CONSTRAINT "merchant_service_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_settlement" ADD CONSTRAINT "merchant_settlement_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant" ADD CONSTRAINT "merchant_fee_plan_id_fee_plan_id_fk" FOREIGN KEY ("fee_plan_id") REFERENCES "public"."fee_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal_batch" ADD CONSTRAINT "terminal_batch_terminal_id_terminal_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminal"("terminal_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "terminal" ADD CONSTRAINT "terminal_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_merchant_id_merchant_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_terminal_id_terminal_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminal"("terminal_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_rate_plan_idx" ON "fee_rate" USING btree ("fee_plan_id","service","effective_from");--> statement-breakpoint
CREATE INDEX "fee_rate_merchant_idx" ON "fee_rate" USING btree ("merchant_id","service","effective_from");--> statement-breakpoint
CREATE INDEX "journal_entry_transaction_idx" ON "journal_entry" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "journal_entry_merchant_idx" ON "journal_entry" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "journal_line_entry_idx" ON "journal_line" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "journal_line_account_idx" ON "journal_line" USING btree ("account","merchant_id");--> statement-breakpoint
CREATE INDEX "terminal_merchant_idx" ON "terminal" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "transactions_merchant_date_idx" ON "transactions" USING btree ("merchant_id","business_date");--> statement-breakpoint
CREATE INDEX "transactions_date_idx" ON "transactions" USING btree ("business_date","kind","status");--> statement-breakpoint
CREATE INDEX "transactions_terminal_time_idx" ON "transactions" USING btree ("terminal_id","created_at");--> statement-breakpoint
CREATE INDEX "transactions_original_idx" ON "transactions" USING btree ("original_id");