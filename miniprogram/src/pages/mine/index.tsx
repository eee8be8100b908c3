import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Role, UserView } from '@dajiuzhu/shared';
import { PageShell } from '../../components/PageShell';
import { ElderModeSwitch } from '../../components/ElderModeSwitch';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { ROUTES } from '../../routes';
import { bootstrapSession, openDemoSignIn, refreshUser, signOut, useSession } from '../../store/session';

/** 实名信息 row: a claim is not proof, so the row says which one the account has. */
function summaryOf(profile: UserView['profile']): string {
  if (!profile) return '办理救助前请先填写实名信息并核验';
  return profile.verification ? '已核验，可查看' : '未核验，点此完成实名核验';
}

// Roles still being added (charity) show by their code until they have a label here.
const ROLE_LABELS: Partial<Record<Role | 'charity', string>> & Record<string, string> = { resident: '居民', donor: '爱心人士', staff: '工作人员', gridWorker: '网格员', charity: '慈善组织', admin: '管理员' };

export default function MinePage() {
  const session = useSession();
  const { user } = session;
  const showDemoSwitch = process.env.TARO_ENV === 'h5' && session.devSignIn;
  // Coming back to 我的: the account may have been verified meanwhile (face check, or at the counter).
  useDidShow(() => void refreshUser());

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
                {user.profile.name} · {user.profile.idNumberMasked} · {user.profile.verification ? '已核验' : '未核验'}
              </Text>
            ) : (
              <Text className='card__line'>未填写实名信息</Text>
            )}
          </>
        ) : null}
      </View>

      <View className='list'>
        <View className='list__item tap' onClick={() => Taro.navigateTo({ url: ROUTES.profile })}>
          <Text className='list__title'>实名信息</Text>
          <Text className='list__summary'>{summaryOf(user?.profile)}</Text>
        </View>
        <ElderModeSwitch />
        {user ? (
          <View className='list__item tap' role='link' data-testid='mine-donations' onClick={() => Taro.navigateTo({ url: '/packages/charity/pages/donations/index' })}>
            <Text className='list__title'>我的捐赠</Text>
            <Text className='list__summary'>捐赠记录、捐赠票据（PDF）和项目报告</Text>
          </View>
        ) : null}
        {user ? (
          <View className='list__item tap' role='link' data-testid='mine-household' onClick={() => Taro.navigateTo({ url: '/packages/recheck/pages/index/index' })}>
            <Text className='list__title'>家庭情况与年度确认</Text>
            <Text className='list__summary'>年度确认、家庭变化申报、停止或调整保障的告知书</Text>
          </View>
        ) : null}
        {user ? (
          <View className='list__item tap' role='link' data-testid='mine-assistance-card' onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/card/index' })}>
            <Text className='list__title'>电子救助卡</Text>
            <Text className='list__summary'>正在享受的救助、扫码核验的二维码、免审办理的补贴</Text>
          </View>
        ) : null}
        {user?.roles.includes('staff') ? (
          <View className='list__item tap' role='link' data-testid='mine-supervision' onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/desk/index' })}>
            <Text className='list__title'>电子监察</Text>
            <Text className='list__summary'>应退未退、疑似错救、发放迟缓、超期事项和近亲属备案（县级）</Text>
          </View>
        ) : null}
        {user?.roles.includes('staff') ? (
          <View className='list__item tap' role='link' data-testid='mine-card-verify' onClick={() => Taro.navigateTo({ url: '/packages/supervision/pages/verify/index' })}>
            <Text className='list__title'>核验电子救助卡</Text>
            <Text className='list__summary'>扫描对方的救助卡二维码</Text>
          </View>
        ) : null}
        {user?.roles.includes('staff') ? (
          <View className='list__item tap' role='link' data-testid='mine-rechecks' onClick={() => Taro.navigateTo({ url: '/packages/recheck/pages/desk/index' })}>
            <Text className='list__title'>复核任务</Text>
            <Text className='list__summary'>本辖区到期、超期和已办结的复核</Text>
          </View>
        ) : null}
        {user?.roles.includes('charity') ? (
          <View className='list__item tap' role='link' data-testid='mine-charity-desk' onClick={() => Taro.navigateTo({ url: '/packages/charity/pages/org/index' })}>
            <Text className='list__title'>机构工作台</Text>
            <Text className='list__summary'>本机构的慈善项目、支出和报告</Text>
          </View>
        ) : null}
        {user ? (
          <View className='list__item tap' onClick={() => Taro.navigateTo({ url: ROUTES.redeemInvitation })}>
            <Text className='list__title'>使用邀请码</Text>
            <Text className='list__summary'>工作人员、网格员凭民政部门发的邀请码开通</Text>
          </View>
        ) : null}
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
