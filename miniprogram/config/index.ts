import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

// https://docs.taro.zone/docs/config-detail
// Always build with `--no-check` (otherwise Taro fetches a config schema from the internet).
export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  // H5 is served by the API server itself: same origin. The weapp talks to a local API by default.
  const apiBaseUrl = process.env.TARO_APP_API_BASE_URL ?? (isH5 ? '' : 'http://127.0.0.1:3000');
  const shared = path.resolve(__dirname, '../../shared');

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dajiuzhu',
    date: '2026-11-23',
    // Our styles are written at 750 (styles/tokens.scss).
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist/h5' : 'dist/weapp',
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Minified JS (terser) and WXSS/CSS (csso) in production builds; stated, not left to defaults,
    // because WeChat's code-quality check asks for both (scripts/build-weapp.ts runs it).
    terser: { enable: true, config: { compress: { drop_debugger: true }, output: { comments: false } } },
    csso: { enable: true, config: { restructure: false } },
    mini: {
      compile: { include: [shared] },
      // No `minifyXML` here: Taro's collapseWhitespace drops the self-closing slash of <input/> in
      // base.wxml, which WeChat's compiler refuses ("unexpected end tag: template"). WXML is
      // compressed by WeChat itself at upload (project.config.json `minifyWXML`).
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [shared] },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development' || mode === 'development') {
    return merge({}, baseConfig, { logger: { quiet: false, stats: true } });
  }
  return merge({}, baseConfig, {});
});
