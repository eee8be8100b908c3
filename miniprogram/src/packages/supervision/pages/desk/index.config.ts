export default definePageConfig({ navigationBarTitleText: '电子监察' });
