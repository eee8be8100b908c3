export default definePageConfig({ navigationBarTitleText: '我的求助和报告' });
