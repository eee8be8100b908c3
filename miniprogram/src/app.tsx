import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { bootstrapSession } from './store/session';
import { registerPrivacyHandler } from './store/privacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    registerPrivacyHandler();
    void bootstrapSession();
  });
  // children are the pages
  return children;
}

export default App;
