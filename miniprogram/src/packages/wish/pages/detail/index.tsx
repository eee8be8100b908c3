import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Picture } from '../../../../components/Picture';
import type { ClaimWishBody } from '@dajiuzhu/shared';
import { ANONYMOUS_DONOR_NAME, WISH_DISPLAY_NAME_MAX_CHARS } from '@dajiuzhu/shared/src/wishes/categories';
import { Chips, type Choice } from '../../../../components/Chips';
import { formatPrice } from '@dajiuzhu/shared/src/money';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { WISH_CATEGORY_LABELS, WISH_DELIVERY_LABELS } from '@dajiuzhu/shared/src/wishes/categories';
import { WISH_STATUS_LABELS } from '@dajiuzhu/shared/src/wishes/machine';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { useSession } from '../../../../store/session';
import { wishApi } from '../../../../services/wish';
import { go } from '../../components/ui';
import { BecomeDonor } from '../../components/BecomeDonor';
import { WISH_ROUTES } from '../../routes';

type NameChoice = 'profile' | 'custom' | 'anonymous';

/** The name the person thanks and the certificate shows, chosen per claim: the donor's name, another, or 匿名. */
function claimBody(choice: NameChoice, custom: string): ClaimWishBody | { problem: string } {
  if (choice === 'anonymous') return { anonymous: true };
  if (choice === 'profile') return {};
  return custom.trim() ? { displayName: custom.trim() } : { problem: '请填写要显示的名字，或选择匿名' };
}

/** Wish detail (public view) and the claim button for donors. */
export default function WishDetailPage() {
  const { params } = useRouter();
  const id = params?.id ?? '';
  const { user } = useSession();
  const { data: wish, error, setData } = useLoad(() => wishApi.detail(id), [id]);
  const [claimed, setClaimed] = useState<string | null>(null);
  const [nameChoice, setNameChoice] = useState<NameChoice>('profile');
  const [customName, setCustomName] = useState('');
  const claiming = useAction();
  const profileName = user?.donor?.displayName ?? '爱心人士';
  const nameChoices: Choice<NameChoice>[] = [
    { value: 'profile', label: `显示“${profileName}”` },
    { value: 'custom', label: '换个名字' },
    { value: 'anonymous', label: '匿名' },
  ];

  function claim() {
    setClaimed(null);
    const body = claimBody(nameChoice, customName);
    if ('problem' in body) { claiming.setError(body.problem); return; }
    void claiming.act(async () => {
      const c = await wishApi.claim(id, body);
      setData(c.wish);
      setClaimed(`认领成功！您将以“${c.donorName}”的名义帮助TA。请在 ${shanghaiDate(new Date(c.dueAt))} 前把物品送到${c.wish.community}服务站，并在“我的认领”里标记送达。`);
    }, '认领成功');
  }

  return (
    <PageShell className='wish-detail'>
      <Notice text={error} error />
      {wish ? (
        <View className='card'>
          <Text className='card__title'>{wish.title}</Text>
          <Text className={`wish-status wish-status--${wish.status}`}>{WISH_STATUS_LABELS[wish.status]}</Text>
          <Text className='card__line'>{wish.maskedName ? `${wish.maskedName} · ` : ''}{wish.ageBand}</Text>
          <Text className='card__line'>{wish.district} {wish.community}</Text>
          <Text className='card__line'>类别：{WISH_CATEGORY_LABELS[wish.category]}</Text>
          <Text className='card__line'>预算：{formatPrice(wish.budgetFen)}</Text>
          <Text className='card__line wish-story'>{wish.story}</Text>
          {wish.photoFileIds.map((f, i) => <Picture key={f} src={wishApi.photoUrl(wish.id, f)} mode='widthFix' className='wish-photo__img--wide' label={`心愿物品照片${i + 1}`} />)}
          <Text className='card__line'>送达方式：{WISH_DELIVERY_LABELS.communityOffice}</Text>
          {wish.donorName ? <Text className='card__line'>认领人：{wish.donorName}</Text> : null}
          {wish.deliveryPhotoFileIds.length > 0 ? (
            <View className='wish-evidence' data-testid='delivery-evidence'>
              <Text className='card__line'>送达照片（受助人已确认收到）</Text>
              {wish.deliveryPhotoFileIds.map((f, i) => <Picture key={f} src={wishApi.photoUrl(wish.id, f)} mode='widthFix' className='wish-photo__img--wide' label={`送达照片${i + 1}`} />)}
            </View>
          ) : null}
        </View>
      ) : null}
      <Notice text={claimed} />
      <Notice text={claiming.error} error />
      {wish?.status === 'open' ? (
        user?.roles.includes('donor') ? (
          <View className='card' data-testid='claim-name'>
            <Text className='card__line'>受助人的感谢和爱心证书上怎么称呼您？</Text>
            <Chips className='chips--wrap' options={nameChoices} value={nameChoice} onChange={(v) => v && setNameChoice(v)} />
            {nameChoice === 'custom' ? (
              <Input className='field__input' maxlength={WISH_DISPLAY_NAME_MAX_CHARS} aria-label='要显示的名字' placeholder='如 张阿姨、某某爱心小组' value={customName} onInput={(e) => setCustomName(e.detail.value)} />
            ) : null}
            {nameChoice === 'anonymous' ? <Text className='card__line wish-card__meta'>将显示为“{ANONYMOUS_DONOR_NAME}”</Text> : null}
            <Button loading={claiming.busy} onClick={claim}>认领这个心愿</Button>
          </View>
        ) : (
          <BecomeDonor />
        )
      ) : null}
      {claimed ? <Button variant='secondary' onClick={() => go(WISH_ROUTES.claims)}>查看我的认领</Button> : null}
    </PageShell>
  );
}
