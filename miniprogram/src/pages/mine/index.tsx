import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Role } from '@dajiuzhu/shared';
import { PageShell } from '../../components/PageShell';
import { ElderModeSwitch } from '../../components/ElderModeSwitch';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { ROUTES } from '../../routes';
import { bootstrapSession, openDemoSignIn, signOut, useSession } from '../../store/session';

const ROLE_LABELS: Record<Role, string> = { resident: '居民', donor: '爱心人士', staff: '工作人员', admin: '管理员' };

export default function MinePage() {
  const session = useSession();
  const { user } = session;
  const showDemoSwitch = process.env.TARO_ENV === 'h5' && session.devSignIn;

  return (
    <PageShell className='mine'>
      <View className='card'>
        {session.status === 'starting' ? <Text className='card__title'>正在登录…</Text> : null}
        {session.status === 'signedOut' ? (
          <>
            <Text className='card__title'>未登录</Text>
            <Notice text={session.error} error />
            <Button onClick={() => (showDemoSwitch ? openDemoSignIn() : void bootstrapSession())}>
              登录
            </Button>
          </>
        ) : null}
        {user ? (
          <>
            <Text className='card__title'>已登录</Text>
            <Text className='card__line'>身份：{user.roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}</Text>
            {user.profile ? (
              <Text className='card__line'>
                已实名 · {user.profile.name} · {user.profile.idNumberMasked}
              </Text>
            ) : (
              <Text className='card__line'>未实名</Text>
            )}
          </>
        ) : null}
      </View>

      <View className='list'>
        <View className='list__item tap' onClick={() => Taro.navigateTo({ url: ROUTES.profile })}>
          <Text className='list__title'>实名信息</Text>
          <Text className='list__summary'>{user?.profile ? '已实名，可查看' : '办理救助前请先实名'}</Text>
        </View>
        <ElderModeSwitch />
        {showDemoSwitch ? (
          <View className='list__item tap' onClick={openDemoSignIn}>
            <Text className='list__title'>切换演示账号</Text>
          </View>
        ) : null}
      </View>

      {user ? (
        <View className='bottom-actions'>
          <Button
            variant='secondary'
            onClick={() => {
              signOut();
              Taro.showToast({ title: '已退出登录', icon: 'none' });
            }}
          >
            退出登录
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
