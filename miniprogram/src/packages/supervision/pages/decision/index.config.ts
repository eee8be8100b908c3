export default definePageConfig({ navigationBarTitleText: '决定理由与复查' });
