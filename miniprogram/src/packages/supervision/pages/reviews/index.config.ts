export default definePageConfig({ navigationBarTitleText: '复查申请' });
