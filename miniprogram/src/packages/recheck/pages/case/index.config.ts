export default definePageConfig({ navigationBarTitleText: '复核' });
