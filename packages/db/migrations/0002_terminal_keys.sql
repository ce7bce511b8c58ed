-- Terminal keys and the host's own keys, only as cryptograms under the LMK (never clear).
-- drizzle-kit also proposed re-creating merchant_settlement.settlement_adds_up: its text differs
-- from 0001's snapshot only in whitespace, so that no-op was left out.
CREATE TABLE "hsm_key" (
	"name" text PRIMARY KEY NOT NULL,
	"key" jsonb NOT NULL,
	"master_key_check_value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hsm_key_wrapped" CHECK ("hsm_key"."key"->>'cryptogram' is not null)
);
--> statement-breakpoint
CREATE TABLE "terminal_key" (
	"terminal_id" text PRIMARY KEY NOT NULL,
	"tmk" jsonb NOT NULL,
	"pik" jsonb,
	"mak" jsonb,
	"tdk" jsonb,
	"mac_algorithm" text DEFAULT 'cup-ecb' NOT NULL,
	"sign_in_code" text,
	"keys_issued_at" timestamp with time zone,
	"tmk_loaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "terminal_key_mac_algorithm_known" CHECK ("terminal_key"."mac_algorithm" in ('cup-ecb', 'x919')),
	CONSTRAINT "terminal_key_tmk_wrapped" CHECK (("terminal_key"."tmk"->>'usage' = 'tmk' and "terminal_key"."tmk"->>'cryptogram' is not null)),
	CONSTRAINT "terminal_key_pik_wrapped" CHECK ("terminal_key"."pik" is null or ("terminal_key"."pik"->>'usage' = 'pik' and "terminal_key"."pik"->>'cryptogram' is not null)),
	CONSTRAINT "terminal_key_mak_wrapped" CHECK ("terminal_key"."mak" is null or ("terminal_key"."mak"->>'usage' = 'mak' and "terminal_key"."mak"->>'cryptogram' is not null)),
	CONSTRAINT "terminal_key_tdk_wrapped" CHECK ("terminal_key"."tdk" is null or ("terminal_key"."tdk"->>'usage' = 'tdk' and "terminal_key"."tdk"->>'cryptogram' is not null)),
	CONSTRAINT "terminal_key_session_complete" CHECK (("terminal_key"."pik" is null) = ("terminal_key"."mak" is null) and ("terminal_key"."mak" is null) = ("terminal_key"."keys_issued_at" is null))
);
--> statement-breakpoint
ALTER TABLE "terminal_key" ADD CONSTRAINT "terminal_key_terminal_id_terminal_terminal_id_fk" FOREIGN KEY ("terminal_id") REFERENCES "public"."terminal"("terminal_id") ON DELETE no action ON UPDATE no action;
