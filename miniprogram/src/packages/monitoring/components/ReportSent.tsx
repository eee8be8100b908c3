import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MyReportView } from '@dajiuzhu/shared';
import { Button } from '../../../components/Button';
import { StatusTag } from '../../../components/StatusTag';
import { MONITORING_ROUTES } from '../routes';

/** The answer after 一键求助 / 随手拍: received, with its status, and where to follow it. */
export function ReportSent({ report, again }: { report: MyReportView; again: () => void }) {
  return (
    <View className='card' data-testid='report-sent'>
      <Text className='card__title'>{report.kind === 'helpRequest' ? '求助已提交' : '报告已提交'}</Text>
      <StatusTag tone='primary' text={report.statusLabel} />
      <Text className='mon-muted'>处理进度可在“我的求助和报告”中查看。谢谢您！</Text>
      <Button onClick={() => Taro.redirectTo({ url: MONITORING_ROUTES.mine })}>查看处理进度</Button>
      <Button variant='secondary' onClick={again}>{report.kind === 'helpRequest' ? '再提交一条' : '再报告一件'}</Button>
    </View>
  );
}
