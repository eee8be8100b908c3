import { Placeholder } from '../../../../components/Placeholder';

export default function StaffPlaceholderPage() {
  return <Placeholder fallbackTitle='工作台' />;
}
