-- A transaction is its terminal's, and its merchant is that terminal's merchant: one foreign key
-- on (terminal_id, merchant_id) says both, where two keys (to the terminal, to the merchant) let
-- a transaction name a merchant its terminal does not belong to. The terminal's own key to its
-- merchant still stands, so the merchant exists. Every payment checks one key instead of two,
-- on a terminal row it already holds.
ALTER TABLE "terminal" ADD CONSTRAINT "terminal_merchant_unique" UNIQUE("terminal_id","merchant_id");--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_terminal_merchant_fk" FOREIGN KEY ("terminal_id","merchant_id") REFERENCES "public"."terminal"("terminal_id","merchant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_merchant_id_merchant_id_fk";--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_terminal_id_terminal_terminal_id_fk";
