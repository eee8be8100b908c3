export default definePageConfig({ navigationBarTitleText: '大救助' });
