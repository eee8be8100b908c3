// H5: the rules only H5 can take (styles/h5.scss). Taro picks this file over platform.ts when building H5.
import './h5.scss';
