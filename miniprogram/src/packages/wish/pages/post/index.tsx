import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { charCount, WISH_CATEGORIES, WISH_TITLE_MAX_CHARS, findPersonalData, type WishCategory } from '@dajiuzhu/shared';
import { PageShell } from '../../../../components/PageShell';
import { useSession } from '../../../../store/session';
import { wishApi } from '../../../../services/wish';
import { errorText, formatYuan, Notice, useLoad, WISH_CATEGORY_LABELS } from '../../components/ui';
import { WISH_ROUTES } from '../../routes';

/** Post a wish. Checked on the phone with the same rules the server applies, then reviewed by staff. */
export default function WishPostPage() {
  const { user } = useSession();
  const region = user?.profile?.regionCode;
  const { data: rules } = useLoad(() => wishApi.rules(region), [region]);
  const [category, setCategory] = useState<WishCategory>('dailyLiving');
  const [title, setTitle] = useState('');
  const [story, setStory] = useState('');
  const [yuan, setYuan] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function problem(): string | null {
    const fen = Math.round(Number(yuan) * 100);
    if (!title.trim()) return '请填写心愿标题';
    if (!story.trim()) return '请写一写心愿故事';
    if (rules && charCount(story) > rules.storyMaxChars) return `心愿故事最多${rules.storyMaxChars}个字`;
    if (findPersonalData(title) || findPersonalData(story)) return '不要写手机号、身份证号或门牌号，这些信息不会公开';
    if (!yuan || !Number.isFinite(fen) || fen <= 0) return '请填写预算金额（元）';
    if (rules && fen > rules.budgetCapFen) return `预算不能超过${formatYuan(rules.budgetCapFen)}`;
    return null;
  }

  async function submit() {
    if (busy) return;
    const p = problem();
    setError(p);
    if (p) return;
    setBusy(true);
    try {
      await wishApi.post({ category, title: title.trim(), story: story.trim(), budgetFen: Math.round(Number(yuan) * 100) });
      Taro.showToast({ title: '已提交审核', icon: 'success' });
      Taro.redirectTo({ url: WISH_ROUTES.mine });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (!user?.profile) {
    return (
      <PageShell className='wish-post'>
        <View className='card'>
          <Text className='card__title'>请先完成实名认证</Text>
          <Text className='card__line'>发布心愿需要实名（我的 → 实名信息）。公开时只显示姓氏，如“王**”。</Text>
        </View>
      </PageShell>
    );
  }
  return (
    <PageShell className='wish-post'>
      <Text className='section-title'>审核通过后公开：只显示姓氏、年龄段和社区，不公开电话和住址。物品送到社区服务站转交。</Text>
      <View className='field'>
        <Text className='field__label'>类别</Text>
        <View className='chips chips--wrap'>
          {WISH_CATEGORIES.map((c) => (
            <View key={c} className={category === c ? 'chip chip--on tap' : 'chip tap'} onClick={() => setCategory(c)}><Text>{WISH_CATEGORY_LABELS[c]}</Text></View>
          ))}
        </View>
      </View>
      <View className='field'>
        <Text className='field__label'>心愿标题</Text>
        <Input className='field__input' maxlength={WISH_TITLE_MAX_CHARS} placeholder='例如：一台助听器' value={title} onInput={(e) => setTitle(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>心愿故事（{charCount(story)}/{rules?.storyMaxChars ?? 300}字）</Text>
        <Textarea className='wish-textarea' maxlength={rules?.storyMaxChars ?? 300} placeholder='说说为什么需要它（不要写电话、住址）' value={story} onInput={(e) => setStory(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>预算（元，不超过{rules ? formatYuan(rules.budgetCapFen) : '…'}）</Text>
        <Input className='field__input' type='digit' placeholder='请输入预算金额' value={yuan} onInput={(e) => setYuan(e.detail.value)} />
      </View>
      <Notice text={error} error />
      <View className='bottom-actions'>
        <Button className='btn btn--primary' disabled={busy} onClick={submit}>提交心愿</Button>
      </View>
    </PageShell>
  );
}
