-- A merchant's balance reads its own lines: the lines' index leads with the merchant. Led by the
-- account (five values), it served no query; a merchant's balance read the whole ledger.
DROP INDEX "journal_line_account_idx";--> statement-breakpoint
CREATE INDEX "journal_line_merchant_account_idx" ON "journal_line" USING btree ("merchant_id","account");
