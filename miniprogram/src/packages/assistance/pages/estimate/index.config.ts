export default definePageConfig({ navigationBarTitleText: '政策测算' });
