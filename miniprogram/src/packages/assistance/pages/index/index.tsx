import { Placeholder } from '../../../../components/Placeholder';

export default function AssistancePlaceholderPage() {
  return <Placeholder fallbackTitle='申请救助' />;
}
