import { Placeholder } from '../../../../components/Placeholder';

export default function HappinessPlaceholderPage() {
  return <Placeholder fallbackTitle='幸福清单' />;
}
