export default definePageConfig({ navigationBarTitleText: '复核任务' });
