// 工单 (support tickets): the list, a new ticket (optionally about a transaction or a terminal),
// and one ticket's conversation.
import { CustomerServiceOutlined } from '@ant-design/icons';
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Feature } from '../../common/feature.ts';
import { NewTicketPage } from './NewTicketPage.tsx';
import { TicketDetailPage } from './TicketDetailPage.tsx';
import { TicketsPage } from './TicketsPage.tsx';

// The router parses search values as JSON: a terminal id of digits arrives as a number.
const Text = z.union([z.string(), z.number()]).transform(String).optional().catch(undefined);
const NewTicketSearch = z.object({ transactionId: Text, terminalId: Text });

export const feature: Feature = {
  order: 70,
  routes: (parent) => {
    const fresh = createRoute({
      getParentRoute: () => parent,
      path: 'tickets/new',
      validateSearch: NewTicketSearch,
      component: function NewTicket() {
        return <NewTicketPage search={fresh.useSearch()} />;
      },
    });
    const detail = createRoute({
      getParentRoute: () => parent,
      path: 'tickets/$id',
      component: function Ticket() {
        const { id } = detail.useParams();
        return <TicketDetailPage id={id} />;
      },
    });
    const list = createRoute({
      getParentRoute: () => parent,
      path: 'tickets',
      component: TicketsPage,
    });
    return [list, fresh, detail];
  },
  menu: (t) => [
    {
      path: '/merchant/tickets',
      label: t('merchant.tickets:menu'),
      icon: <CustomerServiceOutlined />,
    },
  ],
};
