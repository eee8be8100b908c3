import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Picture } from '../../../components/Picture';
import { WISH_MAX_PHOTOS, WISH_PHOTO_RULE } from '@dajiuzhu/shared/src/wishes/categories';
import { Button } from '../../../components/Button';
import { CheckRow } from '../../../components/CheckRow';
import { FileInput } from '../../../components/FileInput';
import { Notice } from '../../../components/Notice';
import { useAction } from '../../../components/hooks';
import { download } from '../../../services/request';
import { wishApi } from '../../../services/wish';
import { chooseWishPhoto, compressWishPhoto, uploadWishPhoto, type WishPhotoPurpose } from '../../../services/wishPhotos';

/** A photo already uploaded, with the preview shown while the form is open. */
export interface PickedPhoto {
  fileId: string;
  preview: string;
}

/**
 * Add up to three photos of the item: each is compressed on the phone below WeChat's image-check
 * limit, then uploaded at once (the server checks it is a real image and strips its metadata).
 */
export function PhotoPicker({ purpose, maxBytes, photos, onChange, label, testId }: {
  purpose: WishPhotoPurpose;
  maxBytes?: number;
  photos: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  label: string;
  testId?: string;
}) {
  const adding = useAction({ fallback: '照片上传失败，请重试' });
  const add = (chosen: File | string | null) => {
    if (!chosen || adding.busy) return;
    void adding.act(async () => {
      const compressed = await compressWishPhoto(chosen, maxBytes);
      const stored = await uploadWishPhoto(compressed, purpose);
      onChange([...photos, { fileId: stored.id, preview: compressed.preview }]);
    });
  };
  const full = photos.length >= WISH_MAX_PHOTOS;
  return (
    <View className='field wish-photos-field'>
      <Text className='field__label'>{label}（最多{WISH_MAX_PHOTOS}张）</Text>
      <View className='wish-photos'>
        {photos.map((p, i) => (
          <View key={p.fileId} className='wish-photo'>
            <Picture className='wish-photo__img' src={p.preview} mode='aspectFill' label={`第${i + 1}张照片`} />
            <View className='wish-photo__remove tap' role='button' aria-label={`移除第${i + 1}张照片`} onClick={() => onChange(photos.filter((x) => x.fileId !== p.fileId))}><Text>移除</Text></View>
          </View>
        ))}
      </View>
      {full ? null : process.env.TARO_ENV === 'h5' ? (
        <FileInput label={adding.busy ? '正在压缩并上传…' : '添加照片'} accept='image/jpeg,image/png,image/webp' testId={testId} onChange={add} />
      ) : (
        <Button variant='secondary' loading={adding.busy} onClick={() => void chooseWishPhoto().then(add)}>拍照或选择照片</Button>
      )}
      <Notice text={adding.error} error />
    </View>
  );
}

/** The photo rule, confirmed by a tick: required whenever photos are attached. */
export function PhotoRuleCheck({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <CheckRow checked={checked} onChange={onChange} testId='photo-rule'>我确认：{WISH_PHOTO_RULE}</CheckRow>
  );
}

/**
 * A photo of a wish through the authorised route: fetched with the session, so the person, the
 * donor and staff see what is theirs to see before it is public (the route decides, not the page).
 */
export function WishPhoto({ wishId, fileId, label }: { wishId: string; fileId: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    download({ path: wishApi.photoPath(wishId, fileId) }).then((f) => {
      url = f.blob ? f.filePath : null;
      if (live) setSrc(f.filePath);
    }, () => live && setSrc(null));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [wishId, fileId]);
  return src ? <Picture className='wish-photo__img wish-photo__img--wide' src={src} mode='widthFix' label={label} /> : null;
}
