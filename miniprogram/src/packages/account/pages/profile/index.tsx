import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { regionName } from '@dajiuzhu/shared/src/rules/regionNames';
import { PageShell } from '../../../../components/PageShell';
import { Loading } from '../../../../components/Notice';
import { useIdentity } from '../../../../components/useIdentity';
import { getMe } from '../../../../services/me';
import { setUser, useSession } from '../../../../store/session';
import { IdentityCard } from './IdentityCard';
import { ProfileForm } from './ProfileForm';

/**
 * 实名信息: what the person claimed (the profile, masked) and whether it is proven (实名核验).
 * A claim links the account to nothing; only a verified identity shows records about the person.
 */
export default function ProfilePage() {
  const { user } = useSession();
  const identity = useIdentity();
  const [editing, setEditing] = useState(false);
  // The number just typed, in memory only, so the weapp face check need not ask for it again.
  const [savedIdNumber, setSavedIdNumber] = useState<string | null>(null);

  if (!user) {
    return (
      <PageShell className='profile'>
        <View className='card'>
          <Text className='card__title'>请先登录</Text>
          <Text className='card__line'>登录后才能填写实名信息。</Text>
        </View>
      </PageShell>
    );
  }

  const profile = user.profile;
  const verified = !!profile?.verification;

  return (
    <PageShell className='profile'>
      {profile ? (
        identity.data ? (
          <IdentityCard
            identity={identity.data}
            name={profile.name}
            savedIdNumber={savedIdNumber}
            onVerified={(view) => {
              identity.setData(view);
              setSavedIdNumber(null);
              // The account's profile now carries the verification (我的 and every page read it).
              getMe().then(setUser).catch(() => undefined);
            }}
          />
        ) : (
          <Loading error={identity.error} />
        )
      ) : null}

      {profile && !editing ? (
        <View className='card' data-testid='profile'>
          <Text className='card__title'>实名信息（本人填写）</Text>
          <Text className='card__line'>姓名：{profile.name}</Text>
          <Text className='card__line'>
            身份证号：<Text className='verified__id'>{profile.idNumberMasked}</Text>
          </Text>
          <Text className='card__line'>手机号：{profile.phoneMasked}</Text>
          <Text className='card__line'>户籍：{profile.hukou === 'urban' ? '城镇' : '农村'}</Text>
          <Text className='card__line'>所在地区：{regionName(profile.regionCode)}</Text>
          {verified ? <Text className='card__line list__summary'>已核验的姓名和身份证号不能在线修改；如需更正，请到社区或乡镇（街道）窗口核实。</Text> : null}
          <View className='link tap' onClick={() => setEditing(true)}>
            <Text>重新填写实名信息</Text>
          </View>
        </View>
      ) : null}

      {!profile || editing ? (
        <ProfileForm
          editing={editing}
          onCancel={() => setEditing(false)}
          onSaved={(idNumber) => {
            setEditing(false);
            setSavedIdNumber(idNumber);
          }}
        />
      ) : null}
    </PageShell>
  );
}
