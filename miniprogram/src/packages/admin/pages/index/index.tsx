import { useState } from 'react';
import { Text } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { Chips, type Choice } from '../../../../components/Chips';
import { EmptyState } from '../../../../components/Notice';
import { useSession } from '../../../../store/session';
import { InvitationsPanel } from '../../components/InvitationsPanel';
import { PeoplePanel } from '../../components/PeoplePanel';
import '../../admin.scss';

type Tab = 'invitations' | 'people';
const TABS: Choice<Tab>[] = [{ value: 'invitations', label: '邀请' }, { value: 'people', label: '人员' }];

/** 系统管理: invitations (create, list, revoke) and people (by role and region, deactivate). Admins only. */
export default function AdminPage() {
  const { user, status } = useSession();
  const [tab, setTab] = useState<Tab>('invitations');
  if (status === 'signedIn' && !user?.roles.includes('admin')) {
    return (
      <PageShell>
        <EmptyState title='只有系统管理员可以使用此页' hint='如果您收到了邀请码，请在“我的 → 使用邀请码”中输入。' />
      </PageShell>
    );
  }
  return (
    <PageShell className='admin-desk'>
      <Text className='admin-muted'>邀请工作人员、网格员；查看和停用人员。每一步都留痕。</Text>
      <Chips options={TABS} value={tab} onChange={(v) => v && setTab(v)} testId='admin-tabs' />
      {tab === 'invitations' ? <InvitationsPanel /> : <PeoplePanel />}
    </PageShell>
  );
}
