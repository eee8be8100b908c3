import { Placeholder } from '../../../../components/Placeholder';

export default function WishPlaceholderPage() {
  return <Placeholder fallbackTitle='微心愿' />;
}
