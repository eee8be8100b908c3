/** SVG files import as their URL (webpack asset on weapp and H5). */
declare module '*.svg' {
  const url: string;
  export default url;
}
