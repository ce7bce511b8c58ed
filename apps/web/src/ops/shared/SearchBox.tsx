// A search text box with its button: Enter or the button searches. The test id is on the <input>
// itself (Input.Search would put it on a wrapper), so a test can type into it.
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type SearchBoxProps = {
  readonly initial: string | undefined;
  readonly placeholder: string;
  readonly onSearch: (text: string | undefined) => void;
  readonly testId: string;
  readonly id?: string;
};

export function SearchBox({ initial, placeholder, onSearch, testId, id }: SearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial ?? '');
  const search = () => onSearch(text.trim() === '' ? undefined : text.trim());
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={search}
        placeholder={placeholder}
        allowClear
        maxLength={64}
        data-testid={testId}
      />
      <Button
        type="primary"
        icon={<SearchOutlined />}
        onClick={search}
        data-testid={`${testId}-submit`}
      >
        {t('search')}
      </Button>
    </Space.Compact>
  );
}
