// A ticket's messages, oldest first: the merchant's on one side, support's on the other.
import type { TicketMessageBody } from '@shoudan/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { instantText } from '../applications/format.ts';

function Message({ message }: { readonly message: TicketMessageBody }) {
  const { t } = useTranslation('merchant.tickets');
  const mine = message.authorKind === 'merchant_user';
  return (
    <div
      style={{ display: 'flex', justifyContent: mine ? 'flex-end' : 'flex-start' }}
      data-testid={`ticket-message-${message.id}`}
      data-author={message.authorKind}
    >
      <div
        style={{
          maxWidth: '85%',
          padding: '8px 12px',
          borderRadius: 8,
          background: mine ? '#fff1f0' : '#f5f5f5',
        }}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`author.${message.authorKind}`)} · {message.authorName} · {instantText(message.at)}
        </Typography.Text>
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.body}</div>
      </div>
    </div>
  );
}

export function Conversation({ messages }: { readonly messages: readonly TicketMessageBody[] }) {
  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
      data-testid="ticket-messages"
    >
      {messages.map((m) => (
        <Message key={m.id} message={m} />
      ))}
    </div>
  );
}
