/** 捐赠 API calls: give to a project, pay (WeChat Pay or, in development, 模拟支付), my donations and receipts. */
import Taro from '@tarojs/taro';
import type { CreateDonationBody, CreatedDonation, Donation, DonationList, RequestPaymentParams } from '@dajiuzhu/shared';
import { apiPath, download, request, type DownloadedFile } from './request';
import { saveOrOpen } from './files';

export const donationApi = {
  create: (body: CreateDonationBody) => request<CreatedDonation>({ method: 'POST', path: '/api/v1/donations', body }),
  mine: () => request<DonationList>({ path: '/api/v1/me/donations' }),
  one: (id: string) => request<Donation>({ path: apiPath`/api/v1/me/donations/${id}` }),
  /** Only with the fake payment provider: the server gives the path (`simulatePath`) with the order. */
  simulatePay: (simulatePath: string) => request<Donation>({ method: 'POST', path: simulatePath, body: {} }),
  receipt: (id: string): Promise<DownloadedFile> => download({ path: apiPath`/api/v1/me/donations/${id}/receipt.pdf` }),
};

/** weapp: WeChat's own payment sheet with the server's signed JSAPI parameters. Rejects when the person cancels. */
export function requestWechatPayment(p: RequestPaymentParams): Promise<unknown> {
  return Taro.requestPayment({ timeStamp: p.timeStamp, nonceStr: p.nonceStr, package: p.package, signType: p.signType, paySign: p.paySign });
}

/** The receipt PDF: H5 saves it (the browser's download); weapp opens it in WeChat's viewer (forward or save from there). */
export async function openReceipt(donation: Pick<Donation, 'id' | 'receiptNumber'>): Promise<void> {
  await saveOrOpen(await donationApi.receipt(donation.id), `捐赠票据-${donation.receiptNumber ?? donation.id}.pdf`, 'pdf');
}
