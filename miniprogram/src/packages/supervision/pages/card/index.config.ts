export default definePageConfig({ navigationBarTitleText: '电子救助卡' });
