export default definePageConfig({ navigationBarTitleText: '导入部门数据' });
