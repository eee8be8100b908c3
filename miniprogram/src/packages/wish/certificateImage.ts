import type { WishCertificate } from '@dajiuzhu/shared';
import { COLORS } from '../../styles/tokens';
import { font, type ShareImage } from '../../services/shareImage';

/**
 * The 爱心证书 as a picture to keep or send: the donor's display name (the same one the thanks
 * addresses), the wish and the date — nothing about the person helped beyond the district.
 */
export function certificateImage(c: WishCertificate): ShareImage {
  return {
    width: 300,
    height: 400,
    draw(p) {
      p.fillStyle = COLORS.surfaceWarm;
      p.fillRect(0, 0, 300, 400);
      p.strokeStyle = COLORS.primary;
      p.lineWidth = 6;
      p.strokeRect(10, 10, 280, 380);
      p.textAlign = 'center';
      p.fillStyle = COLORS.primary;
      p.font = font(28, true);
      p.fillText('爱心证书', 150, 70);
      p.fillStyle = COLORS.text;
      p.font = font(20, true);
      p.fillText(c.donorName, 150, 130, 250);
      p.font = font(15);
      p.fillText(`帮助${c.district}的一位困难群众`, 150, 175, 250);
      p.fillText(`实现了微心愿“${c.wishTitle}”`, 150, 200, 250);
      if (c.thanks) p.fillText(`TA 说：${c.thanks.length > 16 ? `${c.thanks.slice(0, 16)}…` : c.thanks}`, 150, 235, 250);
      p.fillText(c.fulfilledDate, 150, 275);
      p.fillStyle = COLORS.muted;
      p.font = font(12);
      p.fillText(`证书编号 ${c.certificateNo}`, 150, 360);
    },
  };
}
