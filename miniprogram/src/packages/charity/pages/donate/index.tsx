import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { CreatedDonation, Donation, DonorKind } from '@dajiuzhu/shared';
import { isCreditCode } from '@dajiuzhu/shared/src/charity/progress';
import { formatYuanText, parseYuanInput } from '@dajiuzhu/shared/src/money';
import { PageShell } from '../../../../components/PageShell';
import { Button } from '../../../../components/Button';
import { Chips, type Choice } from '../../../../components/Chips';
import { Loading, Notice } from '../../../../components/Notice';
import { useAction, useLoad } from '../../../../components/hooks';
import { charityApi, newRequestKey } from '../../../../services/charity';
import { donationApi, openReceipt, requestWechatPayment } from '../../../../services/donations';
import { CHARITY_ROUTES } from '../../routes';
import { DONATION_STATUS } from '../../labels';
import '../../components/charity.scss';

const PRESETS: Choice<number>[] = [1000, 5000, 10000, 50000].map((fen) => ({ value: fen, label: `${fen / 100} 元` }));
const KINDS: Choice<DonorKind>[] = [{ value: 'person', label: '个人' }, { value: 'company', label: '企业' }];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks for the donation until the payment notification has counted it (or the wait runs out: it may still come). */
async function waitForPaid(id: string): Promise<Donation> {
  let d = await donationApi.one(id);
  for (let i = 0; i < 15 && d.status === 'pending'; i += 1) {
    await sleep(1000);
    d = await donationApi.one(id);
  }
  return d;
}

/**
 * Give to a project: amount (presets or any amount in yuan → integer fen), who gives (a name,
 * anonymous, or a company with its tax number), then pay — WeChat's payment sheet on weapp, or in
 * development the clearly marked 模拟支付 screen of the local fake payment server — then the result.
 */
export default function DonatePage() {
  const { params } = useRouter();
  const projectId = params.id ?? '';
  const project = useLoad(() => charityApi.project(projectId), [projectId]);
  const [preset, setPreset] = useState<number | undefined>(5000);
  const [custom, setCustom] = useState('');
  const [kind, setKind] = useState<DonorKind>('person');
  const [anonymous, setAnonymous] = useState(false);
  const [donorName, setDonorName] = useState('');
  const [companyName, setCompanyName] = useState('');
  const [taxNumber, setTaxNumber] = useState('');
  const [message, setMessage] = useState('');
  // One key per donation: a retried order (lost answer, double tap) is the same order.
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [order, setOrder] = useState<CreatedDonation | null>(null);
  const [result, setResult] = useState<Donation | null>(null);
  const giving = useAction();
  const paying = useAction();
  const receipt = useAction({ errorToast: true });

  function amountFen(): { fen: number } | { problem: string } {
    if (!custom.trim()) return preset ? { fen: preset } : { problem: '请选择或填写捐赠金额' };
    const parsed = parseYuanInput(custom);
    if ('problem' in parsed) return parsed;
    return parsed.fen ? { fen: parsed.fen } : { problem: '请填写捐赠金额' };
  }

  function give() {
    const amount = amountFen();
    if ('problem' in amount) return giving.setError(amount.problem);
    if (kind === 'company' && companyName.trim().length < 2) return giving.setError('请填写企业名称');
    if (kind === 'company' && !isCreditCode(taxNumber.trim().toUpperCase())) return giving.setError('请填写正确的18位统一社会信用代码（纳税人识别号）');
    void giving.act(async () => {
      const created = await donationApi.create({
        projectId, amountFen: amount.fen, donorKind: kind, anonymous, requestKey,
        ...(kind === 'person' && donorName.trim() ? { donorName: donorName.trim() } : {}),
        ...(kind === 'company' ? { companyName: companyName.trim(), taxNumber: taxNumber.trim().toUpperCase() } : {}),
        ...(message.trim() ? { message: message.trim() } : {}),
      });
      setOrder(created);
      if (created.payment.provider === 'wechat') payWithWechat(created);
    });
  }

  /** weapp: WeChat's payment sheet; cancelling keeps the order (the same key pays it on the next tap). */
  function payWithWechat(created: CreatedDonation) {
    if (process.env.TARO_ENV !== 'weapp') return paying.setError('请在微信小程序中完成支付');
    void paying.act(async () => {
      const paid = await requestWechatPayment(created.payment.requestPayment).then(() => true, () => false);
      if (!paid) return paying.setError('支付未完成，可以再试一次');
      setResult(await waitForPaid(created.donation.id));
      setRequestKey(newRequestKey());
    });
  }

  function simulate(created: CreatedDonation) {
    void paying.act(async () => {
      await donationApi.simulatePay(created.payment.simulatePath ?? '');
      setResult(await waitForPaid(created.donation.id));
      setRequestKey(newRequestKey());
    });
  }

  const p = project.data;
  if (!p) return <PageShell className='charity-donate'><Loading error={project.error} /></PageShell>;

  if (result) {
    const status = DONATION_STATUS[result.status];
    return (
      <PageShell className='charity-donate'>
        <View className='card' data-testid='donation-result'>
          {result.status === 'paid' ? <Text className='ch-done'>捐赠成功，谢谢您！</Text> : <Text className='card__title'>{status.label}</Text>}
          <Text className='card__line'>{result.projectTitle} · {formatYuanText(result.amountFen)}</Text>
          <Text className='card__line'>捐赠人：{result.donorDisplay}</Text>
          {result.receiptNumber ? <Text className='card__line' data-testid='receipt-number'>捐赠票据编号：{result.receiptNumber}</Text> : null}
          {result.status === 'pending' ? <Text className='ch-muted'>到账确认可能稍晚，可在“我的捐赠”里查看。</Text> : null}
        </View>
        <View className='bottom-actions'>
          {result.status === 'paid' && result.receiptNumber ? (
            <Button loading={receipt.busy} onClick={() => void receipt.act(() => openReceipt(result), '已下载')}>下载捐赠票据（PDF）</Button>
          ) : null}
          <Button variant='secondary' onClick={() => Taro.redirectTo({ url: CHARITY_ROUTES.donations })}>我的捐赠</Button>
        </View>
      </PageShell>
    );
  }

  if (order && order.payment.provider === 'fake') {
    return (
      <PageShell className='charity-donate'>
        <View className='card ch-fakepay' data-testid='fake-pay'>
          <Text className='ch-fakepay__title'>模拟支付（开发测试环境，不会扣款）</Text>
          <Text className='card__line'>这不是微信支付。正式环境中，这里是微信的支付窗口。</Text>
          <Text className='card__line'>订单号：{order.donation.id}</Text>
          <Text className='ch-amount'>{formatYuanText(order.donation.amountFen)}</Text>
          <Text className='card__line'>{order.donation.projectTitle}</Text>
        </View>
        <Notice text={paying.error} error />
        <View className='bottom-actions'>
          <Button loading={paying.busy} onClick={() => simulate(order)}>确认模拟支付</Button>
          <Button variant='secondary' onClick={() => setOrder(null)}>返回修改</Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell className='charity-donate'>
      <View className='card'>
        <Text className='card__title'>{p.title}</Text>
        <Text className='card__line'>{p.organizationName}</Text>
      </View>
      <View className='field'>
        <Text className='field__label'>捐赠金额</Text>
        <Chips className='chips--wrap' options={PRESETS} value={custom.trim() ? undefined : preset} onChange={(v) => { setPreset(v); setCustom(''); }} testId='amount-presets' />
        <Input className='field__input' type='digit' placeholder='其他金额（元）' value={custom} onInput={(e) => setCustom(e.detail.value)} />
      </View>
      <View className='field'>
        <Text className='field__label'>以谁的名义</Text>
        <Chips options={KINDS} value={kind} onChange={(k) => setKind(k ?? kind)} testId='donor-kind' />
        {kind === 'person' ? (
          <Input className='field__input' maxlength={40} placeholder='票据上的姓名（不填为“爱心人士”）' value={donorName} onInput={(e) => setDonorName(e.detail.value)} />
        ) : (
          <>
            <Input className='field__input' maxlength={80} placeholder='企业名称' value={companyName} onInput={(e) => setCompanyName(e.detail.value)} />
            <Input className='field__input' maxlength={18} placeholder='统一社会信用代码（18位）' value={taxNumber} onInput={(e) => setTaxNumber(e.detail.value)} />
          </>
        )}
        <Chips options={[{ value: false, label: '公开显示' }, { value: true, label: '匿名捐赠' }]} value={anonymous} onChange={(a) => setAnonymous(a ?? false)} testId='anonymous' />
        <Text className='ch-muted'>{anonymous ? '项目页和票据上显示“匿名爱心人士”。' : '项目页显示您填写的名称。'}</Text>
      </View>
      <View className='field'>
        <Text className='field__label'>留言（可不填）</Text>
        <Input className='field__input' maxlength={100} placeholder='对受助人说句话' value={message} onInput={(e) => setMessage(e.detail.value)} />
      </View>
      <Notice text={giving.error ?? paying.error} error />
      <View className='bottom-actions'>
        <Button loading={giving.busy || paying.busy} onClick={give}>确认捐赠</Button>
      </View>
    </PageShell>
  );
}
