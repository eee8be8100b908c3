export default definePageConfig({ navigationBarTitleText: '申请救助' });
