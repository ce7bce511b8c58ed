// Keyset pages (`nextCursor`) walked forwards and back: the cursors of the pages before are kept,
// and a new search starts again from the first page.
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Pages = {
  /** The cursor of the page shown; undefined for the first. */
  readonly cursor: string | undefined;
  readonly page: number;
  next(cursor: string): void;
  prev(): void;
};

/** `resetKey` changes with the search: back to the first page. */
export function usePages(resetKey: string): Pages {
  const [state, setState] = useState<{ key: string; cursors: string[] }>({
    key: resetKey,
    cursors: [],
  });
  const cursors = state.key === resetKey ? state.cursors : [];
  return {
    cursor: cursors.at(-1),
    page: cursors.length + 1,
    next: (cursor) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    prev: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}

export function Pager({
  pages,
  nextCursor,
  testId,
}: {
  readonly pages: Pages;
  readonly nextCursor: string | null | undefined;
  readonly testId: string;
}) {
  const { t } = useTranslation('ops.shared');
  if (pages.page === 1 && !nextCursor) return null;
  return (
    <Space style={{ marginTop: 12 }}>
      <Button disabled={pages.page === 1} onClick={pages.prev} data-testid={`${testId}-prev`}>
        {t('prev')}
      </Button>
      <span>{pages.page}</span>
      <Button
        disabled={!nextCursor}
        onClick={() => nextCursor && pages.next(nextCursor)}
        data-testid={`${testId}-next`}
      >
        {t('next')}
      </Button>
    </Space>
  );
}
