// Build-time constants Taro/webpack would inject.
process.env.TARO_ENV = process.env.TARO_ENV || 'h5';
process.env.TARO_PLATFORM = process.env.TARO_PLATFORM || 'web';
globalThis.API_BASE_URL = '';
