export default definePageConfig({ navigationBarTitleText: '核验电子救助卡' });
