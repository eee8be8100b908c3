// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Under jest (NODE_ENV/BABEL_ENV=test) plain presets; otherwise Taro's preset.
module.exports = (api) => {
  const nutuiOnDemand = [
    'import',
    {
      libraryName: '@nutui/nutui-react-taro',
      // ES build only: the UMD entry contains eval(), which WeChat forbids.
      libraryDirectory: 'dist/es/packages',
      style: 'css',
      camel2DashComponentName: false,
      // Folder names are lower-case without dashes (RadioGroup → radiogroup).
      customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
    },
    'nutui-react-taro',
  ];
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
      plugins: [nutuiOnDemand],
    };
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
    plugins: [nutuiOnDemand],
  };
};
