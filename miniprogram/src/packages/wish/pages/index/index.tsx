import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../../components/PageShell';
import { useSession } from '../../../../store/session';
import { go } from '../../components/ui';
import { WISH_ROUTES } from '../../routes';

interface Entry { title: string; summary: string; url: string }

/** 微心愿 home: the entries each person needs (beneficiary, donor, staff, everyone). */
export default function WishHubPage() {
  const { params } = useRouter();
  const { user } = useSession();
  const roles = user?.roles ?? [];
  const donorFirst = params?.service === 'donorHelp';
  const person: Entry[] = [
    { title: '发布心愿', summary: '写下一个具体的小心愿，审核通过后公开（不公开姓名全称、电话、住址）', url: WISH_ROUTES.post },
    { title: '我的心愿', summary: '查看审核和认领进度，确认收到并致谢', url: WISH_ROUTES.mine },
  ];
  const donor: Entry[] = [
    { title: '微心愿广场', summary: '按地区、类别、预算找到想帮助的心愿', url: WISH_ROUTES.square },
    ...(roles.includes('donor') ? [{ title: '我的认领', summary: '送达、放弃、爱心证书', url: WISH_ROUTES.claims }] : []),
  ];
  const everyone: Entry[] = [{ title: '心愿数据', summary: '各地征集、认领、实现的心愿数', url: WISH_ROUTES.numbers }];
  const staff: Entry[] = roles.includes('staff') ? [{ title: '心愿工作台', summary: '审核心愿、即将超时的认领、辖区数据', url: WISH_ROUTES.staff }] : [];
  const entries = [...staff, ...(donorFirst ? [...donor, ...person] : [...person, ...donor]), ...everyone];
  return (
    <PageShell className='wish-hub'>
      <View className='hero'>
        <Text className='hero__title'>微心愿</Text>
        <Text className='hero__subtitle'>一个小心愿，一份大温暖</Text>
      </View>
      <View className='list'>
        {entries.map((e) => (
          <View key={e.title} className='list__item tap' onClick={() => go(e.url)}>
            <Text className='list__title'>{e.title}</Text>
            <Text className='list__summary'>{e.summary}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  );
}
