export default definePageConfig({ navigationBarTitleText: '监测看板' });
