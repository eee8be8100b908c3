import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { IdentityStatusView, VerificationMethod } from '@dajiuzhu/shared';
import { findIdNumberProblem, ID_NUMBER_PROBLEM_MESSAGES, normalizeIdNumber } from '@dajiuzhu/shared/src/rules/idNumber';
import { shanghaiDate } from '@dajiuzhu/shared/src/rules/date';
import { Button } from '../../../../components/Button';
import { Notice } from '../../../../components/Notice';
import { useAction } from '../../../../components/hooks';
import { verifyByFace, verifyDemo } from '../../../../services/identity';
import './identity.scss';

const METHOD_LABELS: Record<VerificationMethod, string> = {
  face: '微信人脸核身',
  inPerson: '工作人员当面核验证件',
  demo: '演示核验（不是真实的实名核验）',
};

/** On H5 with WeChat's verifier there is no face check: the browser cannot run it. */
const H5_WECHAT_HINT = '人脸核验请在微信小程序“大救助”中进行；也可以带身份证到社区或乡镇（街道）窗口，由工作人员当面核验。';

interface Props {
  identity: IdentityStatusView;
  /** The claimed name (the profile shows it in full). */
  name: string;
  /** The number from the profile form just saved, if any: kept in memory so it need not be typed again. */
  savedIdNumber: string | null;
  onVerified: (view: IdentityStatusView) => void;
}

/** 实名核验: the status (未核验/已核验, how and when), the server's words, and the way to verify here. */
export function IdentityCard({ identity, name, savedIdNumber, onVerified }: Props) {
  const verify = useAction({ fallback: '核验失败，请稍后再试' });
  const [idAgain, setIdAgain] = useState('');
  const [idProblem, setIdProblem] = useState<string | null>(null);
  const verified = identity.status === 'verified';
  const canVerify = identity.status === 'unverified';
  const weapp = process.env.TARO_ENV === 'weapp';

  const done = (view: IdentityStatusView | null) => {
    if (!view) return; // the person closed WeChat's face check
    setIdAgain('');
    onVerified(view);
    if (view.status === 'verified') Taro.showToast({ title: '核验完成', icon: 'success' });
  };

  function startFaceCheck() {
    if (verify.busy) return;
    setIdProblem(null);
    const idNumber = savedIdNumber ?? normalizeIdNumber(idAgain);
    if (!savedIdNumber) {
      const problem = idAgain.trim() ? findIdNumberProblem(idAgain, shanghaiDate()) : 'format';
      if (problem) {
        setIdProblem(idAgain.trim() ? ID_NUMBER_PROBLEM_MESSAGES[problem] : '请输入您的身份证号');
        return;
      }
    }
    void verify.act(async () => done(await verifyByFace(name, idNumber)));
  }

  return (
    <View className='card identity' data-testid='identity'>
      <View className='identity__head'>
        <Text className='card__title'>实名核验</Text>
        <Text className={`identity__badge ${verified ? 'identity__badge--ok' : 'identity__badge--todo'}`} data-testid='identity-status'>
          {verified ? '已核验' : '未核验'}
        </Text>
      </View>
      {verified && identity.verification ? (
        <Text className='card__line'>
          核验方式：{METHOD_LABELS[identity.verification.method]} · {shanghaiDate(new Date(identity.verification.at))}
        </Text>
      ) : null}
      <Text className={`card__line ${identity.demo || identity.superseded ? 'identity__warning' : ''}`}>{identity.message}</Text>

      {canVerify && identity.verifier === 'demo' ? (
        <View className='identity__action'>
          <Button loading={verify.busy} onClick={() => void verify.act(async () => done(await verifyDemo()))}>
            演示核验（仅限演示账号）
          </Button>
          <Text className='identity__hint'>演示环境专用：只对演示账号有效，不是真实的实名核验。</Text>
        </View>
      ) : null}

      {canVerify && identity.verifier === 'wechat' && weapp ? (
        <View className='identity__action'>
          {savedIdNumber ? null : (
            <View className='field identity__field'>
              <Text className='field__label'>请再次输入您的身份证号</Text>
              <Input
                className='field__input'
                type='idcard'
                maxlength={18}
                placeholder='用于人脸核验，不会保存在手机上'
                value={idAgain}
                onInput={(e) => { setIdAgain(e.detail.value); setIdProblem(null); }}
              />
              {idProblem ? <Text className='field__error'>{idProblem}</Text> : null}
            </View>
          )}
          <Button loading={verify.busy} onClick={startFaceCheck}>开始人脸核验</Button>
        </View>
      ) : null}

      {canVerify && identity.verifier === 'wechat' && !weapp ? <Text className='card__line identity__hint'>{H5_WECHAT_HINT}</Text> : null}

      <Notice text={verify.error} error />
    </View>
  );
}
