// weapp and other platforms: nothing extra (H5-only rules are in h5.scss, loaded by platform.h5.ts).
export {};
