// The mini-program's jest project (included by the root jest.config.js). Recipe: /work/shared/notes/TOOLCHAIN.md.
module.exports = {
  displayName: 'miniprogram',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  transform: {
    '^.+\\.(m?js|jsx|tsx?)$': ['babel-jest', { configFile: require.resolve('./babel.config.js') }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@swc/helpers|@stencil|swiper|ssr-window|dom7|tslib|\\.pnpm|classnames)/)'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test-stubs/taro.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test-stubs/file.js',
  },
  setupFiles: ['<rootDir>/test-stubs/globals.js'],
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    API_BASE_URL: '',
    DEPRECATED_ADAPTER_COMPONENT: false,
    __TARO_FRAMEWORK__: 'react',
  },
};
