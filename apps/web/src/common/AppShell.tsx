// The frame of the merchant portal and the ops console: a side menu (a drawer below 992 px), a
// header with the area's name, the language switch and the signed-in person, and the page.
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { Button, Drawer, Grid, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSession, useSignOut } from './session.ts';

export type ShellItem = {
  /** The path the item opens (also its key); a group has children instead. */
  readonly path: string;
  readonly label: ReactNode;
  readonly icon?: ReactNode;
  readonly children?: readonly ShellItem[];
};

export type AppShellProps = {
  readonly title: string;
  readonly items: readonly ShellItem[];
  /** Where "sign out" lands. */
  readonly signInPath: string;
};

function toMenu(items: readonly ShellItem[]): MenuProps['items'] {
  return items.map((item) =>
    item.children
      ? { key: item.path, label: item.label, icon: item.icon, children: toMenu(item.children) }
      : { key: item.path, label: item.label, icon: item.icon },
  );
}

/** The deepest item whose path starts the current location. */
function selectedKey(items: readonly ShellItem[], pathname: string): string[] {
  let best = '';
  const visit = (list: readonly ShellItem[]) => {
    for (const item of list) {
      if (item.children) visit(item.children);
      else if (
        (pathname === item.path || pathname.startsWith(`${item.path}/`)) &&
        item.path.length > best.length
      ) {
        best = item.path;
      }
    }
  };
  visit(items);
  return best === '' ? [] : [best];
}

const HEADER_STYLE = {
  background: '#fff',
  padding: '0 16px',
  display: 'flex',
  alignItems: 'center',
  gap: 12,
  borderBottom: '1px solid #f0f0f0',
} as const;

export function AppShell({ title, items, signInPath }: AppShellProps) {
  const { t } = useTranslation();
  const narrow = !Grid.useBreakpoint().lg;
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const menu = (
    <Menu
      mode="inline"
      items={toMenu(items)}
      selectedKeys={selectedKey(items, pathname)}
      defaultOpenKeys={items.filter((i) => i.children).map((i) => i.path)}
      onClick={({ key }) => {
        setOpen(false);
        void navigate({ to: key });
      }}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Layout.Sider width={220} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>
            <Link to="/">{t('brand')}</Link> · {title}
          </div>
          <nav aria-label={title}>{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <ShellHeader
          title={title}
          narrow={narrow}
          signInPath={signInPath}
          onMenu={() => setOpen(true)}
        />
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
      {narrow && (
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="left"
          size={260}
          title={title}
        >
          <nav aria-label={title}>{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}

type ShellHeaderProps = {
  readonly title: string;
  readonly narrow: boolean;
  readonly signInPath: string;
  readonly onMenu: () => void;
};

/** The area's name on a phone, the language switch, who is signed in and "sign out". */
function ShellHeader({ title, narrow, signInPath, onMenu }: ShellHeaderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();
  return (
    <Layout.Header style={HEADER_STYLE}>
      {narrow && (
        <Button
          icon={<MenuOutlined />}
          aria-label={t('menu')}
          onClick={onMenu}
          data-testid="shell-menu"
        />
      )}
      <Typography.Text strong style={{ flex: 1, whiteSpace: 'nowrap', overflow: 'hidden' }}>
        {narrow ? title : ''}
      </Typography.Text>
      <Space size="small" wrap={false} align="center">
        <LanguageSwitch compact={narrow} />
        {session.data && !narrow && (
          <Typography.Text data-testid="signed-in-as" ellipsis style={{ maxWidth: 140 }}>
            {session.data.name}
          </Typography.Text>
        )}
        {session.data && (
          <Button
            icon={narrow ? <LogoutOutlined /> : undefined}
            aria-label={t('signOut')}
            title={t('signOut')}
            data-testid="sign-out"
            onClick={() =>
              signOut.mutate(undefined, { onSettled: () => void navigate({ to: signInPath }) })
            }
          >
            {narrow ? null : t('signOut')}
          </Button>
        )}
      </Space>
    </Layout.Header>
  );
}
