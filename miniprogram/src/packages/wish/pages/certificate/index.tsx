import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Canvas, Text, View } from '@tarojs/components';
import type { WishCertificate } from '@dajiuzhu/shared';
import { formatPrice } from '@dajiuzhu/shared/src/money';
import { WISH_CATEGORY_LABELS } from '@dajiuzhu/shared/src/wishes/categories';
import { PageShell } from '../../../../components/PageShell';
import { Notice } from '../../../../components/Notice';
import { useLoad } from '../../../../components/hooks';
import { COLORS } from '../../../../styles/tokens';
import { wishApi } from '../../../../services/wish';
import '../../components/wish.scss';

const CANVAS_ID = 'wish-certificate-canvas';

/** The share image: drawn from the certificate only — no data of the person helped. */
function drawShareImage(c: WishCertificate) {
  const ctx = Taro.createCanvasContext(CANVAS_ID);
  ctx.setFillStyle(COLORS.surfaceWarm);
  ctx.fillRect(0, 0, 300, 400);
  ctx.setStrokeStyle(COLORS.primary);
  ctx.setLineWidth(6);
  ctx.strokeRect(10, 10, 280, 380);
  ctx.setFillStyle(COLORS.primary);
  ctx.setTextAlign('center');
  ctx.setFontSize(28);
  ctx.fillText('爱心证书', 150, 70);
  ctx.setFillStyle(COLORS.text);
  ctx.setFontSize(18);
  ctx.fillText(c.donorName, 150, 130);
  ctx.setFontSize(14);
  ctx.fillText(`帮助${c.district}的一位困难群众`, 150, 175);
  ctx.fillText(`实现了微心愿“${c.wishTitle}”`, 150, 200);
  ctx.fillText(c.fulfilledDate, 150, 250);
  ctx.setFontSize(11);
  ctx.setFillStyle(COLORS.muted);
  ctx.fillText(`证书编号 ${c.certificateNo}`, 150, 360);
  ctx.draw();
}

/** 爱心证书 of one fulfilled claim, with a share image drawn on a canvas. */
export default function CertificatePage() {
  const { params } = useRouter();
  const { data: cert, error } = useLoad(() => wishApi.certificate(params?.id ?? ''), [params?.id]);
  useEffect(() => {
    if (cert) setTimeout(() => { try { drawShareImage(cert); } catch { /* the page works without the image */ } }, 100);
  }, [cert]);
  return (
    <PageShell className='wish-certificate'>
      <Notice text={error} error />
      {cert ? (
        <>
          <View className='card certificate'>
            <Text className='certificate__title'>爱心证书</Text>
            <Text className='card__line'>{cert.donorName}</Text>
            <Text className='card__line'>您帮助{cert.district}的一位困难群众实现了微心愿</Text>
            <Text className='card__line'>“{cert.wishTitle}”（{WISH_CATEGORY_LABELS[cert.category]} · {formatPrice(cert.budgetFen)}）</Text>
            {cert.thanks ? <Text className='card__line'>TA 说：{cert.thanks}</Text> : null}
            <Text className='card__line'>{cert.fulfilledDate}</Text>
            <Text className='card__line wish-card__meta'>证书编号 {cert.certificateNo}</Text>
          </View>
          <Text className='section-title'>分享图片（不含受助人信息）</Text>
          <Canvas canvasId={CANVAS_ID} id={CANVAS_ID} className='certificate__canvas' style={{ width: '300px', height: '400px' }} />
        </>
      ) : null}
    </PageShell>
  );
}
