export default definePageConfig({ navigationBarTitleText: '心愿工作台' });
