export default definePageConfig({ navigationBarTitleText: '慈善项目' });
