import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { bootstrapSession } from './store/session';
import { registerPrivacyHandler } from './store/privacy';
import './app.scss';
// H5-only rules (styles/platform.h5.ts → h5.scss) or nothing (platform.ts): Taro picks the file per platform.
import './styles/platform';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    registerPrivacyHandler();
    void bootstrapSession();
  });
  // children are the pages
  return children;
}

export default App;
