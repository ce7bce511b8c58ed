// The merchant's self-service (transactions, money, terminals, notifications, tickets) and the
// staff's audit search: one entry in ROUTES for these route modules.
import { registerAuditRoutes } from './audit.ts';
import type { RegisterRoutes } from './index.ts';
import { registerNotificationRoutes } from './notifications.ts';
import { registerSettlementRoutes } from './settlements.ts';
import { registerTerminalRoutes } from './terminals.ts';
import { registerTicketRoutes } from './tickets.ts';
import { registerTransactionRoutes } from './transactions.ts';

export const registerSelfServiceRoutes: RegisterRoutes = (app, deps, options) => {
  registerTransactionRoutes(app, deps, options);
  registerSettlementRoutes(app, deps, options);
  registerTerminalRoutes(app, deps, options);
  registerNotificationRoutes(app, deps, options);
  registerTicketRoutes(app, deps, options);
  registerAuditRoutes(app, deps, options);
};
