export default definePageConfig({ navigationBarTitleText: '家庭情况与年度确认' });
