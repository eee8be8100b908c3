export default definePageConfig({ navigationBarTitleText: '免审秒办清单' });
