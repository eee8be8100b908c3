export default definePageConfig({ navigationBarTitleText: '家庭变化申报' });
