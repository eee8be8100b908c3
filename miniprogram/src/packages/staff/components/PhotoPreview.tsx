import { View } from '@tarojs/components';
import { Picture } from '../../../components/Picture';
import { Button } from '../../../components/Button';
import './photoPreview.scss';

/**
 * A photo full screen on H5, with a 关闭 button (Taro's H5 previewImage has none: issue 13). weapp
 * uses WeChat's own viewer instead (a tap closes it).
 */
export function PhotoPreview({ src, onClose }: { src: string; onClose: () => void }) {
  return (
    <View className='photo-preview' role='dialog' aria-modal='true' aria-label='查看材料照片' data-testid='photo-preview'>
      <Picture className='photo-preview__image' src={src} mode='aspectFit' label='材料照片' />
      <Button className='photo-preview__close' onClick={onClose}>关闭</Button>
    </View>
  );
}
