// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// Under jest (NODE_ENV/BABEL_ENV=test) plain presets; otherwise Taro's preset.
module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    };
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  };
};
