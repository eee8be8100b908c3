export default definePageConfig({ navigationBarTitleText: '近亲属备案' });
