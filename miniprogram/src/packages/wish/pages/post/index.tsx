import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { WishCategory } from '@dajiuzhu/shared';
import { formatPrice, parseYuanInput } from '@dajiuzhu/shared/src/money';
import { charCount, WISH_CATEGORIES, WISH_CATEGORY_LABELS, WISH_TITLE_MAX_CHARS } from '@dajiuzhu/shared/src/wishes/categories';
import { findPersonalData } from '@dajiuzhu/shared/src/wishes/publicView';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { useSession } from '../../../../store/session';
import { wishApi } from '../../../../services/wish';
import { WISH_ROUTES } from '../../routes';
import { PhotoPicker, PhotoRuleCheck, type PickedPhoto } from '../../components/photos';
import '../../components/wish.scss';

const CATEGORY_CHOICES = WISH_CATEGORIES.map((c) => ({ value: c, label: WISH_CATEGORY_LABELS[c] }));

/** Post a wish. Checked on the phone with the same rules the server applies, then reviewed by staff. */
export default function WishPostPage() {
  const { user } = useSession();
  const region = user?.profile?.regionCode;
  const { data: rules } = useLoad(() => wishApi.rules(region), [region]);
  const [category, setCategory] = useState<WishCategory>('dailyLiving');
  const [title, setTitle] = useState('');
  const [story, setStory] = useState('');
  const [yuan, setYuan] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [noChildFaces, setNoChildFaces] = useState(false);
  const posting = useAction();

  /** The budget in fen, or what is wrong with the form (the same rules the server applies). */
  function check(): { budgetFen: number } | { problem: string } {
    if (!title.trim()) return { problem: '请填写心愿标题' };
    if (!story.trim()) return { problem: '请写一写心愿故事' };
    if (rules && charCount(story) > rules.storyMaxChars) return { problem: `心愿故事最多${rules.storyMaxChars}个字` };
    if (findPersonalData(title) || findPersonalData(story)) return { problem: '不要写手机号、身份证号或门牌号，这些信息不会公开' };
    const budget = parseYuanInput(yuan);
    if ('problem' in budget) return budget;
    if (!budget.fen) return { problem: '请填写预算金额（元）' };
    if (rules && budget.fen > rules.budgetCapFen) return { problem: `预算不能超过${formatPrice(rules.budgetCapFen)}` };
    if (photos.length > 0 && !noChildFaces) return { problem: '请确认照片里只拍了物品，没有儿童的面部' };
    return { budgetFen: budget.fen };
  }

  function submit() {
    if (posting.busy) return;
    const checked = check();
    if ('problem' in checked) {
      posting.setError(checked.problem);
      return;
    }
    void posting.act(async () => {
      const photoFileIds = photos.map((p) => p.fileId);
      await wishApi.post({ category, title: title.trim(), story: story.trim(), budgetFen: checked.budgetFen, ...(photoFileIds.length ? { photoFileIds, noChildFaces } : {}) });
      Taro.redirectTo({ url: WISH_ROUTES.mine });
    }, '已提交审核');
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
        <Chips className='chips--wrap' options={CATEGORY_CHOICES} value={category} onChange={(c) => setCategory(c ?? category)} />
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
        <Text className='field__label'>预算（元，不超过{rules ? formatPrice(rules.budgetCapFen) : '…'}）</Text>
        <Input className='field__input' type='digit' placeholder='请输入预算金额' value={yuan} onInput={(e) => setYuan(e.detail.value)} />
      </View>
      <PhotoPicker purpose='wishPhoto' maxBytes={rules?.photoMaxBytes} photos={photos} onChange={setPhotos} label='物品照片（可不传；审核通过后公开）' testId='wish-photo-input' />
      {photos.length > 0 ? <PhotoRuleCheck checked={noChildFaces} onChange={setNoChildFaces} /> : null}
      <Notice text={posting.error} error />
      <View className='bottom-actions'>
        <Button loading={posting.busy} onClick={submit}>提交心愿</Button>
      </View>
    </PageShell>
  );
}
