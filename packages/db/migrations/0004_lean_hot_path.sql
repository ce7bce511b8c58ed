-- Less to write on every payment: two indexes no query uses, and the terminal's last voucher
-- number, which sign-in now derives from the transactions.
ALTER TABLE "terminal" DROP CONSTRAINT "terminal_voucher_range";--> statement-breakpoint
DROP INDEX "journal_entry_merchant_idx";--> statement-breakpoint
DROP INDEX "transactions_original_idx";--> statement-breakpoint
ALTER TABLE "terminal" DROP COLUMN "last_voucher_no";