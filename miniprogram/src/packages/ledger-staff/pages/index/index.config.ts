export default definePageConfig({ navigationBarTitleText: '台账与幸福清单' });
