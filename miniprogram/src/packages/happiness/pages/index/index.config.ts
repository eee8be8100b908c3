export default definePageConfig({ navigationBarTitleText: '幸福清单' });
