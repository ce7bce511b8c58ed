// 我的申请: the list of the merchant's applications and one application with its timeline.
import { AuditOutlined } from '@ant-design/icons';
import { ApplicationKind, ApplicationStatus } from '@shoudan/contracts';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import type { Feature } from '../../common/feature.ts';
import { ApplicationDetailPage } from './ApplicationDetailPage.tsx';
import { ApplicationsPage } from './ApplicationsPage.tsx';

const Search = z.object({
  kind: ApplicationKind.optional().catch(undefined),
  status: ApplicationStatus.optional().catch(undefined),
});

export const feature: Feature = {
  order: 45,
  routes: (parent) => {
    const list = createRoute({
      getParentRoute: () => parent,
      path: 'applications',
      validateSearch: Search,
      component: function Applications() {
        const search = list.useSearch();
        const navigate = useNavigate();
        return (
          <ApplicationsPage
            search={search}
            onSearch={(next) => void navigate({ to: '/merchant/applications', search: next })}
          />
        );
      },
    });
    const detail = createRoute({
      getParentRoute: () => parent,
      path: 'applications/$id',
      component: function Application() {
        const { id } = detail.useParams();
        return <ApplicationDetailPage id={id} />;
      },
    });
    return [list, detail];
  },
  menu: (t) => [
    {
      path: '/merchant/applications',
      label: t('merchant.applications:menu'),
      icon: <AuditOutlined />,
    },
  ],
};
