/** opencc-js ships its dictionaries as ES modules exporting one string each, without types. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
