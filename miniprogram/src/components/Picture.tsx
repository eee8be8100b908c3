import { Image, View } from '@tarojs/components';
import type { ImageProps } from '@tarojs/components';

/**
 * A picture with a name for screen readers. Taro's H5 Image renders an inner <img> without `alt`
 * (an `aria-label` stays on its wrapper element), which a screen reader announces as a bare file
 * name; so the name goes on a wrapping view with role img, and the image itself is hidden from
 * assistive technology. Props other than `label` go to the Image (class, mode, data-* for tests).
 */
export function Picture({ label, ...image }: ImageProps & { label: string; [data: `data-${string}`]: unknown }) {
  return (
    <View className='picture' role='img' aria-label={label}>
      <Image {...image} aria-hidden='true' />
    </View>
  );
}
