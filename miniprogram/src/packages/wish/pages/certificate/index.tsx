import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import { Picture } from '../../../../components/Picture';
import { formatPrice } from '@dajiuzhu/shared/src/money';
import { WISH_CATEGORY_LABELS } from '@dajiuzhu/shared/src/wishes/categories';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { wishApi } from '../../../../services/wish';
import { certificateImage } from '../../certificateImage';
import { keepCertificate, renderCertificate } from '../../certificateCanvas';
import '../../components/wish.scss';

const CANVAS_ID = 'wish-certificate-canvas';

/** 爱心证书 of one fulfilled claim, and the same certificate as a sharp picture to save or send. */
export default function CertificatePage() {
  const { params } = useRouter();
  const { data: cert, error } = useLoad(() => wishApi.certificate(params?.id ?? ''), [params?.id]);
  const [picture, setPicture] = useState<{ path: string; width: number; height: number } | null>(null);
  const saving = useAction({ fallback: '保存失败，请稍后再试' });
  useEffect(() => {
    if (!cert) return;
    // After the canvas is on the page (weapp draws on it); the page works without the picture.
    const t = setTimeout(() => { renderCertificate(certificateImage(cert), CANVAS_ID).then(setPicture, () => setPicture(null)); }, 100);
    return () => clearTimeout(t);
  }, [cert]);
  return (
    <PageShell className='wish-certificate'>
      <Notice text={error} error />
      {cert ? (
        <>
          <View className='card certificate'>
            <Text className='certificate__title'>爱心证书</Text>
            <Text className='card__line' data-testid='certificate-donor'>{cert.donorName}</Text>
            <Text className='card__line'>您帮助{cert.district}的一位困难群众实现了微心愿</Text>
            <Text className='card__line'>“{cert.wishTitle}”（{WISH_CATEGORY_LABELS[cert.category]} · {formatPrice(cert.budgetFen)}）</Text>
            {cert.thanks ? <Text className='card__line'>TA 说：{cert.thanks}</Text> : null}
            <Text className='card__line'>{cert.fulfilledDate}</Text>
            <Text className='card__line wish-card__meta'>证书编号 {cert.certificateNo}</Text>
          </View>
          <Text className='section-title'>证书图片（不含受助人信息）</Text>
          {process.env.TARO_ENV === 'h5' ? null : (
            <Canvas canvasId={CANVAS_ID} id={CANVAS_ID} className={picture ? 'certificate__canvas certificate__canvas--done' : 'certificate__canvas'} style={{ width: '300px', height: '400px' }} />
          )}
          {picture ? (
            <Picture className='certificate__picture' src={picture.path} mode='widthFix' label={`爱心证书图片：${cert.donorName}`} data-testid='certificate-picture' data-width={picture.width} data-height={picture.height} />
          ) : null}
          <Notice text={saving.error} error />
          <Button disabled={!picture} loading={saving.busy} onClick={() => picture && void saving.act(async () => {
            if (!(await keepCertificate(picture.path, `爱心证书-${cert.certificateNo}.png`))) throw new Error('没有保存到相册的权限，可以长按图片发送给朋友');
          })}>{process.env.TARO_ENV === 'h5' ? '下载证书图片' : '保存到相册'}</Button>
        </>
      ) : null}
    </PageShell>
  );
}
