import { Image } from '@tarojs/components';
import apply from '../assets/icons/apply.svg';
import estimate from '../assets/icons/estimate.svg';
import progress from '../assets/icons/progress.svg';
import happiness from '../assets/icons/happiness.svg';
import wish from '../assets/icons/wish.svg';
import donorHelp from '../assets/icons/donorHelp.svg';
import staffDesk from '../assets/icons/staffDesk.svg';
import ledger from '../assets/icons/ledger.svg';
import wishReview from '../assets/icons/wishReview.svg';
import admin from '../assets/icons/admin.svg';
import monitoring from '../assets/icons/monitoring.svg';
import phone from '../assets/icons/phone.svg';
import notice from '../assets/icons/notice.svg';
import message from '../assets/icons/message.svg';
import empty from '../assets/icons/empty.svg';

/**
 * The service icons: SVG files in the package (one stroke style, the primary colour), shown
 * through <Image>, which takes an SVG on weapp and H5 alike — no icon font, no runtime code.
 */
export const ICONS = { apply, estimate, progress, happiness, wish, donorHelp, staffDesk, ledger, wishReview, admin, monitoring, phone, notice, message, empty } as const;
export type IconName = keyof typeof ICONS;

/** Decorative: the words beside it say what it is, so screen readers skip it. */
export function Icon({ name, className }: { name: IconName; className?: string }) {
  return <Image className={['icon', className].filter(Boolean).join(' ')} src={ICONS[name]} mode='scaleToFill' aria-hidden='true' />;
}
